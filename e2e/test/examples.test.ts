import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox, type RequestLogEntry, type Sandbox } from 'halopsa-sandbox';

import { exampleCredentialId, loadExamples } from '../harness/examples';
import { listFromSandbox, sortedIds } from '../harness/halo-api';
import { N8nUserFolder, type WorkflowJson } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { errorOf, itemsOf, type RunResult } from '../harness/run-output';
import { haloCredential } from '../harness/workflows';

type Row = Record<string, unknown>;

/**
 * The example workflows of examples/workflows, imported with `n8n import:workflow` exactly as
 * `npm start` imports them, and run in a running n8n against a sandbox.
 */
describe('example workflows (examples/workflows) in a running n8n', () => {
	let sandbox: Sandbox;
	let server: N8nServer;
	let examples: WorkflowJson[];
	const tested = new Set<string>();

	before(async () => {
		// Enough data for every client to have open and stale tickets, as in the demo.
		sandbox = await startSandbox({ rateLimit: false, tickets: 300 });
		const credential = haloCredential(sandbox, {
			id: exampleCredentialId,
			name: 'HaloPSA sandbox',
		});
		examples = loadExamples(credential, sandbox.resourceUrl);
		const folder = N8nUserFolder.create('examples');
		await folder.importCredentials([credential]);
		await folder.importWorkflows(examples);
		server = await N8nServer.start(folder);
		await server.login();
	});

	after(async () => {
		await server?.stop();
		await sandbox?.close();
	});

	async function runExample(id: string): Promise<{ run: RunResult; calls: RequestLogEntry[] }> {
		tested.add(id);
		const before = sandbox.requests().length;
		const run = await server.run(id);
		assert.equal(run.status, 'success', JSON.stringify(errorOf(run)));
		return { run, calls: sandbox.requests().slice(before) };
	}

	const find = (collection: string, id: unknown): Row | undefined =>
		sandbox.store(collection).find((row) => row.id === id);

	test('ticket from a monitoring alert: a webhook call creates the ticket and answers with it', async () => {
		tested.add('haloExAlertToTicket');
		await server.activate('haloExAlertToTicket', 'halo-alert');
		const clientId = sandbox.store('clients')[1].id;
		const response = await server.callWebhook('halo-alert', {
			device: 'FS01',
			alert: 'Disk C: below 10% free',
			severity: 'critical',
			client_id: clientId,
		});
		assert.equal(response.status, 200, JSON.stringify(response.body));
		const created = response.body as Row;
		assert.equal(created.summary, 'Disk C: below 10% free on FS01');
		const stored = find('tickets', created.id);
		assert.ok(stored, 'the ticket is in Halo');
		assert.equal(stored.summary, 'Disk C: below 10% free on FS01');
		assert.equal(stored.client_id, clientId);
		assert.equal(stored.tickettype_id, 1);
		assert.equal(
			stored.details,
			'Raised by the monitoring system.\nDevice: FS01\nSeverity: critical\nAlert: Disk C: below 10% free',
		);
	});

	test('private note on a ticket', async () => {
		const before = sandbox.store('actions').filter((row) => row.ticket_id === 1).length;
		const { run } = await runExample('haloExNoteOnTicket');
		const [item] = itemsOf(run, 'Add private note');
		const notes = sandbox.store('actions').filter((row) => row.ticket_id === 1);
		assert.equal(notes.length, before + 1);
		const stored = notes.find((row) => row.id === item.id);
		assert.equal(
			stored?.note,
			'Checked the backup logs: the job failed on a full target disk. Cleared old snapshots and re-ran it.',
		);
		assert.equal(stored?.hiddenfromuser, true);
		assert.equal(stored?.outcome_id, 1);
	});

	test('open tickets of a client', async () => {
		const expected = sortedIds(
			await listFromSandbox(sandbox, '/Tickets', 'tickets', { client_id: '2', open_only: 'true' }),
		);
		const { run } = await runExample('haloExOpenTickets');
		const items = itemsOf(run, 'Open tickets');
		assert.ok(expected.length > 0);
		assert.deepEqual(sortedIds(items), expected);
		assert.ok(items.every((item) => item.client_id === 2));
	});

	test('client sync: only clients missing from Halo are created, in one request', async () => {
		const crm = ['Juniper Marketing Group', 'Harbour View Dental', 'Kestrel Freight Ltd'];
		const known = new Set(sandbox.store('clients').map((row) => String(row.name).toLowerCase()));
		const missing = crm.filter((name) => !known.has(name.toLowerCase()));
		assert.ok(missing.length > 0 && missing.length < crm.length, 'the data has one of them');
		const { run, calls } = await runExample('haloExClientSync');
		const created = itemsOf(run, 'Create clients');
		assert.deepEqual(
			created.map((item) => item.name),
			missing,
		);
		for (const item of created) assert.equal(find('clients', item.id)?.name, item.name);
		const posts = calls.filter((call) => call.method === 'POST' && call.path === '/api/Client');
		assert.equal(posts.length, 1);
		assert.equal(posts[0].bodyItems, missing.length);
	});

	test('close tickets without an update for 30 days, in one request', async () => {
		const { run, calls } = await runExample('haloExCloseStale');
		const stale = itemsOf(run, 'Stale tickets');
		const closed = itemsOf(run, 'Close ticket');
		assert.ok(stale.length > 0, 'the demo data has stale open tickets');
		assert.deepEqual(sortedIds(closed), sortedIds(stale));
		for (const item of closed) {
			const stored = find('tickets', item.id);
			assert.equal(stored?.status_id, 9);
			assert.equal(
				stored?.closure_note,
				'Closed automatically: no update for 30 days. Reply to reopen it.',
			);
		}
		const posts = calls.filter((call) => call.method === 'POST' && call.path === '/api/Tickets');
		assert.equal(posts.length, 1);
		assert.equal(posts[0].bodyItems, stale.length);
	});

	test('any endpoint through the HTTP Request node with the HaloPSA credential', async () => {
		const { run } = await runExample('haloExHttpRequest');
		assert.deepEqual(
			itemsOf(run, 'Ticket statuses').map((item) => item.name),
			sandbox.store('statuses').map((status) => status.name),
		);
	});

	test('every example was run, and all of them shared one token', () => {
		assert.deepEqual([...tested].sort(), examples.map((workflow) => workflow.id).sort());
		const tokenRequests = sandbox
			.requests()
			.filter((call) => call.isTokenRequest && call.application === sandbox.clientId);
		assert.equal(tokenRequests.length, 1);
	});
});
