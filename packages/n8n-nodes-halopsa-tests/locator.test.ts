import type { NodeParameterValueType } from 'n8n-workflow';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, byUrl, haloPsa, list, loadOptionsContext, runNode } from './node-run';

describe('resource locators', () => {
	let sandbox: Sandbox;

	before(async () => (sandbox = await startHaloSandbox()));
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	const getTicket = (ticketId: NodeParameterValueType) =>
		runNode(sandbox, {
			parameters: { resource: 'ticket', operation: 'get', ticketId, simplify: false },
		});

	it('reads a ticket picked from the list, by ID and by the URL of its Halo page', async () => {
		const ticket = sandbox.store('tickets')[4];
		const id = ticket.id as number;
		const outputs = [
			await getTicket(list(id)),
			await getTicket(byId(id)),
			await getTicket(byUrl(`https://acme.halopsa.com/ticket?id=${id}`)),
			await getTicket(byUrl(`https://halo.example.org/ticket?area=1&id=${id}`)),
		];

		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.path),
			Array(4).fill(`/api/Tickets/${id}`),
		);
		for (const output of outputs)
			assert.deepEqual(output, [{ json: ticket, pairedItem: { item: 0 } }]);
	});

	it('reads client, site and user ids from their Halo page URLs', async () => {
		const client = sandbox.store('clients')[0];
		const site = sandbox.store('sites')[0];
		const user = sandbox.store('users')[0];
		await runNode(sandbox, {
			parameters: [
				{
					resource: 'client',
					operation: 'get',
					clientId: byUrl(
						`https://acme.halopsa.com/customers?mainview=client&clientid=${client.id}`,
					),
				},
			],
		});
		await runNode(sandbox, {
			parameters: {
				resource: 'site',
				operation: 'get',
				siteId: byUrl(`https://acme.halopsa.com/customers?siteid=${site.id}`),
			},
		});
		await runNode(sandbox, {
			parameters: {
				resource: 'user',
				operation: 'get',
				userId: byUrl(`https://acme.halopsa.com/customers?userid=${user.id}`),
			},
		});

		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.path),
			[`/api/Client/${client.id}`, `/api/Site/${site.id}`, `/api/Users/${user.id}`],
		);
	});

	it('refuses a URL that is not a Halo ticket page before any request', async () => {
		await assert.rejects(getTicket(byUrl('https://acme.halopsa.com/customers?clientid=4')), {
			message:
				'"Ticket" must be a Halo ID (a whole number), not "https://acme.halopsa.com/customers?clientid=4" (item 0)',
		});
		assert.deepEqual(sandbox.requests(), []);
	});

	it('searches tickets, clients, sites, users and agents with search=', async () => {
		const search = haloPsa.methods.listSearch;
		const context = loadOptionsContext(sandbox);
		const ticket = sandbox.store('tickets')[0];
		const tickets = await search.searchTickets.call(context, String(ticket.summary));
		const agents = await search.searchAgents.call(context);
		await search.searchClients.call(context, 'a');
		await search.searchSites.call(context, 'a');
		await search.searchUsers.call(context, 'a');

		assert.ok(tickets.results.some((result) => result.value === String(ticket.id)));
		assert.ok(tickets.results.every((result) => result.name.startsWith('#')));
		assert.deepEqual(
			agents.results.map((result) => result.value),
			sandbox.store('agents').map((agent) => String(agent.id)),
		);
		const requests = apiRequests(sandbox);
		assert.deepEqual(
			requests.map((request) => [request.path, request.query.search]),
			[
				['/api/Tickets', String(ticket.summary)],
				['/api/Agent', undefined],
				['/api/Client', 'a'],
				['/api/Site', 'a'],
				['/api/Users', 'a'],
			],
		);
	});

	it('loads statuses, priorities (by priorityid), outcomes and custom fields', async () => {
		const load = haloPsa.methods.loadOptions;
		const context = loadOptionsContext(sandbox);
		const statuses = await load.getStatuses.call(context);
		const priorities = await load.getPriorities.call(context);
		const outcomes = await load.getOutcomes.call(context);
		const fields = await load.getCustomFields.call(context);

		assert.deepEqual(
			statuses.map((option) => option.value).sort(),
			sandbox
				.store('statuses')
				.map((status) => status.id)
				.sort(),
		);
		assert.deepEqual(
			statuses.map((option) => option.name),
			[...statuses.map((option) => option.name)].sort((a, b) => a.localeCompare(b)),
		);
		assert.deepEqual(
			priorities.map((option) => option.value).sort(),
			sandbox
				.store('priorities')
				.map((priority) => priority.priorityid)
				.sort(),
		);
		assert.equal(outcomes.length, sandbox.store('outcomes').length);
		assert.ok(fields.some((option) => option.value === 150));
	});
});
