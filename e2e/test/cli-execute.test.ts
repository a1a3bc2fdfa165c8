import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox, type Sandbox } from 'halopsa-sandbox';

import { haloNodeType } from '../harness/community-package';
import { listFromSandbox, sortedIds } from '../harness/halo-api';
import { N8nUserFolder } from '../harness/n8n';
import { errorOf, itemsOf } from '../harness/run-output';
import { byId, chainWorkflow, haloCredential } from '../harness/workflows';

/**
 * The path n8n documents for headless runs: `n8n import:*` and `n8n execute`, each a process of
 * its own on one user folder, with the package installed as a community package.
 */
describe('n8n CLI (import, export:nodes, execute) with n8n-nodes-halopsa installed', () => {
	let sandbox: Sandbox;
	let folder: N8nUserFolder;
	let ticket: Record<string, unknown>;
	let clientId: number;

	before(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		folder = N8nUserFolder.create('cli');
		ticket = sandbox.store('tickets')[0];
		clientId = Number(ticket.client_id);
		const credential = haloCredential(sandbox, { id: 'cliCredOnPrem' });
		await folder.importCredentials([credential]);
		await folder.importWorkflows([
			chainWorkflow({
				id: 'cliTicketGet',
				credential,
				steps: [
					{
						name: 'Get ticket',
						parameters: {
							resource: 'ticket',
							operation: 'get',
							ticketId: byId(ticket.id as number),
						},
					},
				],
			}),
			chainWorkflow({
				id: 'cliTicketsOfClient',
				credential,
				steps: [
					{
						name: 'Tickets of client',
						parameters: {
							resource: 'ticket',
							operation: 'getAll',
							returnAll: true,
							filters: { client_id: byId(clientId) },
						},
					},
				],
			}),
			chainWorkflow({
				id: 'cliBadTicketId',
				credential,
				inputItems: [{ ticket: 'not a number' }],
				steps: [
					{
						name: 'Get ticket',
						parameters: {
							resource: 'ticket',
							operation: 'get',
							ticketId: {
								__rl: true,
								mode: 'id',
								value: '={{ $json.ticket }}',
							},
						},
					},
				],
			}),
		]);
	});

	after(async () => {
		await sandbox?.close();
	});

	test('export:nodes lists the HaloPSA node under its community-package type', async () => {
		const types = await folder.exportNodeTypes();
		const halo = types.filter((type) => type.name === haloNodeType);
		assert.equal(halo.length, 1, `${haloNodeType} missing from ${types.length} node types`);
		assert.equal(sandbox.requests().length, 0, 'loading the node must not call Halo');
	});

	test('n8n execute runs a Ticket Get against the sandbox', async () => {
		const run = await folder.execute('cliTicketGet');
		assert.equal(run.exitCode, 0, JSON.stringify(errorOf(run)));
		assert.equal(run.status, 'success');
		const [item, ...rest] = itemsOf(run, 'Get ticket');
		assert.equal(rest.length, 0);
		assert.equal(item.id, ticket.id);
		assert.equal(item.summary, ticket.summary);
		assert.equal(item.client_id, ticket.client_id);
		assert.equal(item.status_id, ticket.status_id);

		const calls = sandbox.requests();
		assert.deepEqual(
			calls.map((call) => `${call.method} ${call.path} ${call.status}`),
			['POST /auth/token 200', `GET /api/Tickets/${ticket.id} 200`],
		);
		// On-premise: the token URL is <auth url>/token with no tenant (api-notes §1.1).
		assert.deepEqual(calls[0].query, {});
	});

	test('a second n8n process reuses the token stored with the credential', async () => {
		const expected = sortedIds(
			await listFromSandbox(sandbox, '/Tickets', 'tickets', { client_id: String(clientId) }),
		);
		sandbox.resetRequests();
		const run = await folder.execute('cliTicketsOfClient');
		assert.equal(run.exitCode, 0, JSON.stringify(errorOf(run)));
		assert.ok(expected.length > 1);
		assert.deepEqual(sortedIds(itemsOf(run, 'Tickets of client')), expected);

		const calls = sandbox.requests();
		assert.equal(calls.filter((call) => call.isTokenRequest).length, 0, 'no new token request');
		assert.ok(calls.every((call) => call.path.toLowerCase() === '/api/tickets'));
		assert.equal(calls[0].query.client_id, String(clientId));
	});

	test('a bad parameter fails the run before any request, naming the parameter and the item', async () => {
		sandbox.resetRequests();
		const run = await folder.execute('cliBadTicketId');
		assert.equal(run.exitCode, 1);
		assert.equal(run.status, 'error');
		const error = errorOf(run);
		assert.ok(error);
		assert.equal(
			error.message,
			'"Ticket" must be a Halo ID (a whole number), not "not a number" (item 0)',
		);
		assert.equal(sandbox.requests().length, 0, 'nothing may reach Halo');
	});
});
