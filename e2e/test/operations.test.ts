import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox, type RequestLogEntry, type Sandbox } from 'halopsa-sandbox';

import { haloCredentialType, haloNodeType, haloTriggerType } from '../harness/community-package';
import { listFromSandbox, requestsOfN8n, sortedIds } from '../harness/halo-api';
import { N8nUserFolder, type CredentialJson } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { errorOf, itemsOf, type RunResult } from '../harness/run-output';
import { byId, chainWorkflow, haloCredential, type StepSpec } from '../harness/workflows';

type Row = Record<string, unknown>;

/**
 * Every resource and operation of the node, run by a real n8n (one `n8n start`, workflows run
 * the way the editor's "Execute workflow" runs them) against one sandbox. Each test checks the
 * node's output items, the sandbox's records afterwards and the requests that reached it.
 */
describe('HaloPSA node in a running n8n: every resource and operation', () => {
	let sandbox: Sandbox;
	let folder: N8nUserFolder;
	let server: N8nServer;
	let credential: CredentialJson;
	const covered = new Set<string>();
	let workflowCount = 0;

	before(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		folder = N8nUserFolder.create('operations');
		credential = haloCredential(sandbox, { id: 'opsCredOnPrem', name: 'Halo sandbox' });
		await folder.importCredentials([credential]);
		server = await N8nServer.start(folder);
		await server.login();
	});

	after(async () => {
		await server?.stop();
		await sandbox?.close();
	});

	/** Runs one HaloPSA step (after optional input items) and returns the run and its requests. */
	async function runHalo(
		parameters: Row,
		options: { inputItems?: Row[]; continueOnFail?: boolean; steps?: StepSpec[] } = {},
	): Promise<{ run: RunResult; items: Row[]; calls: RequestLogEntry[] }> {
		const before = sandbox.requests().length;
		covered.add(`${parameters.resource as string}:${parameters.operation as string}`);
		const workflow = chainWorkflow({
			id: `ops${++workflowCount}`,
			name: `e2e ${parameters.resource as string} ${parameters.operation as string}`,
			credential,
			inputItems: options.inputItems,
			steps: options.steps ?? [
				{ name: 'Halo', parameters, continueOnFail: options.continueOnFail },
			],
		});
		const run = await server.runNew(workflow);
		const calls = sandbox.requests().slice(before);
		if (run.status !== 'success') {
			assert.fail(`run failed: ${JSON.stringify(errorOf(run))}`);
		}
		return { run, items: itemsOf(run, 'Halo'), calls };
	}

	const record = (collection: string, id: unknown): Row | undefined =>
		sandbox.store(collection).find((row) => row.id === id);

	const summaryOf = (calls: RequestLogEntry[]) =>
		calls.map((call) => `${call.method} ${call.path} ${call.status}`);

	function ticketsOfTicketUse(): Row[] {
		const types = new Map(sandbox.store('tickettypes').map((type) => [type.id, type.use]));
		return sandbox
			.store('tickets')
			.filter((row) => !row.deleted && (types.get(row.tickettype_id) ?? 'ticket') === 'ticket');
	}

	describe('Ticket', () => {
		test('Create: three input items become one POST of three tickets', async () => {
			const ticketTypeId = sandbox.store('tickettypes')[0].id;
			const clientId = sandbox.store('clients')[0].id as number;
			const summaries = ['Printer offline', 'VPN drops every hour', 'New starter laptop'];
			const { items, calls } = await runHalo(
				{
					resource: 'ticket',
					operation: 'create',
					tickettype_id: ticketTypeId,
					summary: '={{ $json.summary }}',
					additionalFields: { client_id: byId(clientId), details: '={{ $json.details }}' },
				},
				{ inputItems: summaries.map((summary) => ({ summary, details: `e2e: ${summary}` })) },
			);
			assert.deepEqual(summaryOf(calls), ['POST /auth/token 200', 'POST /api/Tickets 201']);
			assert.equal(calls[1].bodyItems, 3);
			assert.deepEqual(
				items.map((item) => item.summary),
				summaries,
			);
			for (const [index, item] of items.entries()) {
				const stored = record('tickets', item.id);
				assert.ok(stored, `ticket ${String(item.id)} not in the sandbox`);
				assert.equal(stored.summary, summaries[index]);
				assert.equal(stored.details, `e2e: ${summaries[index]}`);
				assert.equal(stored.client_id, clientId);
				assert.equal(stored.tickettype_id, ticketTypeId);
			}
		});

		test('Get: one ticket by ID, simplified', async () => {
			const ticket = ticketsOfTicketUse()[0];
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'get',
				ticketId: byId(ticket.id as number),
			});
			assert.deepEqual(summaryOf(calls), [`GET /api/Tickets/${String(ticket.id)} 200`]);
			assert.equal(items.length, 1);
			for (const key of ['id', 'summary', 'details', 'status_id', 'tickettype_id', 'client_id']) {
				assert.deepEqual(items[0][key], ticket[key], key);
			}
		});

		test('Get Many: Return All with a client filter returns exactly what Halo lists', async () => {
			const clientId = ticketsOfTicketUse()[0].client_id as number;
			const expected = sortedIds(
				await listFromSandbox(sandbox, '/Tickets', 'tickets', { client_id: String(clientId) }),
			);
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
				filters: { client_id: byId(clientId) },
			});
			assert.ok(expected.length > 1);
			assert.deepEqual(sortedIds(items), expected);
			assert.ok(calls.every((call) => call.query.client_id === String(clientId)));
		});

		test('Update: changes only the fields given', async () => {
			const ticket = ticketsOfTicketUse()[1];
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'update',
				ticketId: byId(ticket.id as number),
				updateFields: { summary: 'Updated by the e2e suite' },
			});
			assert.deepEqual(summaryOf(calls), ['POST /api/Tickets 200']);
			assert.equal(items[0].id, ticket.id);
			const stored = record('tickets', ticket.id);
			assert.equal(stored?.summary, 'Updated by the e2e suite');
			assert.equal(stored?.details, ticket.details);
			assert.equal(stored?.client_id, ticket.client_id);
		});

		test('Close: sets the closed status and the closure note', async () => {
			const closed = new Set(
				sandbox
					.store('statuses')
					.filter((status) => status.type === 1)
					.map((status) => status.id),
			);
			const ticket = ticketsOfTicketUse().find((row) => !closed.has(row.status_id));
			assert.ok(ticket, 'the sandbox has an open ticket');
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'close',
				ticketId: byId(ticket.id as number),
				closedStatusId: 9,
				closureNote: 'Resolved: closed by the e2e suite',
			});
			assert.deepEqual(summaryOf(calls), ['POST /api/Tickets 200']);
			assert.equal(items[0].id, ticket.id);
			const stored = record('tickets', ticket.id);
			assert.equal(stored?.status_id, 9);
			assert.equal(stored?.closure_note, 'Resolved: closed by the e2e suite');
		});

		test('Delete: answers { deleted: true } and Halo no longer lists the ticket', async () => {
			const ticket = ticketsOfTicketUse()[2];
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'delete',
				ticketId: byId(ticket.id as number),
			});
			assert.deepEqual(summaryOf(calls), [`DELETE /api/Tickets/${String(ticket.id)} 200`]);
			assert.deepEqual(items, [{ deleted: true, id: ticket.id }]);
			assert.equal(record('tickets', ticket.id)?.deleted, true);
		});
	});

	describe('Ticket Action', () => {
		const actions = () => sandbox.store('actions').filter((row) => !row.deleted);

		test('Create: a private note on a ticket', async () => {
			const ticket = ticketsOfTicketUse()[3];
			const outcome = sandbox.store('outcomes').find((row) => row.outcome === 'Note');
			assert.ok(outcome);
			const before = actions().filter((row) => row.ticket_id === ticket.id).length;
			const { items, calls } = await runHalo({
				resource: 'action',
				operation: 'create',
				ticketId: byId(ticket.id as number),
				outcome_id: outcome.id,
				note: 'Called the user; the printer is back online.',
				additionalFields: { hiddenfromuser: true },
			});
			assert.deepEqual(summaryOf(calls), ['POST /api/Actions 201']);
			assert.equal(calls[0].bodyItems, 1);
			const mine = actions().filter((row) => row.ticket_id === ticket.id);
			assert.equal(mine.length, before + 1);
			const stored = mine.find((row) => row.id === items[0].id);
			assert.ok(stored);
			assert.equal(stored.note, 'Called the user; the printer is back online.');
			assert.equal(stored.hiddenfromuser, true);
			assert.equal(stored.outcome_id, outcome.id);
			assert.equal(items[0].ticket_id, ticket.id);
		});

		test('Get: one action of a ticket', async () => {
			const action = actions()[0];
			const { items, calls } = await runHalo({
				resource: 'action',
				operation: 'get',
				ticketId: byId(action.ticket_id as number),
				actionId: action.id,
			});
			assert.equal(calls.length, 1);
			assert.equal(calls[0].method, 'GET');
			assert.equal(calls[0].path, `/api/Actions/${String(action.id)}`);
			assert.equal(calls[0].query.ticket_id, String(action.ticket_id));
			assert.equal(items.length, 1);
			assert.equal(items[0].id, action.id);
			assert.equal(items[0].ticket_id, action.ticket_id);
			assert.equal(items[0].note, action.note);
		});

		test('Get Many: every action of a ticket', async () => {
			const ticketId = actions()[0].ticket_id;
			const expected = actions()
				.filter((row) => row.ticket_id === ticketId)
				.map((row) => Number(row.id))
				.sort((a, b) => a - b);
			const { items } = await runHalo({
				resource: 'action',
				operation: 'getAll',
				ticketId: byId(ticketId as number),
				returnAll: true,
			});
			assert.ok(expected.length > 0);
			assert.deepEqual(sortedIds(items), expected);
			assert.ok(items.every((item) => item.ticket_id === ticketId));
		});

		test('Update: rewrites the note of one action', async () => {
			const action = actions()[1];
			const { calls } = await runHalo({
				resource: 'action',
				operation: 'update',
				ticketId: byId(action.ticket_id as number),
				actionId: action.id,
				updateFields: { note: 'Note corrected by the e2e suite' },
			});
			assert.deepEqual(summaryOf(calls), ['POST /api/Actions 200']);
			const stored = sandbox
				.store('actions')
				.find((row) => row.id === action.id && row.ticket_id === action.ticket_id);
			assert.equal(stored?.note, 'Note corrected by the e2e suite');
			assert.equal(stored?.outcome_id, action.outcome_id);
		});

		test('Delete: removes one action of a ticket', async () => {
			const action = actions()[2];
			const { items, calls } = await runHalo({
				resource: 'action',
				operation: 'delete',
				ticketId: byId(action.ticket_id as number),
				actionId: action.id,
			});
			assert.equal(calls.length, 1);
			assert.equal(calls[0].method, 'DELETE');
			assert.equal(calls[0].query.ticket_id, String(action.ticket_id));
			assert.equal(items[0].deleted, true);
			assert.equal(
				actions().some((row) => row.id === action.id && row.ticket_id === action.ticket_id),
				false,
			);
		});
	});

	for (const spec of [
		{
			resource: 'client',
			label: 'Client',
			collection: 'clients',
			path: '/Client',
			listKey: 'clients',
			locator: 'clientId',
			create: () => ({
				name: 'Harbour View Dental',
				additionalFields: { website: 'https://hvd.example' },
			}),
			expectCreated: { name: 'Harbour View Dental', website: 'https://hvd.example' },
		},
		{
			resource: 'site',
			label: 'Site',
			collection: 'sites',
			path: '/Site',
			listKey: 'sites',
			locator: 'siteId',
			create: () => ({
				name: 'Leeds Warehouse',
				client_id: byId(sandbox.store('clients')[0].id as number),
				additionalFields: { phonenumber: '0113 496 0000' },
			}),
			expectCreated: { name: 'Leeds Warehouse', phonenumber: '0113 496 0000' },
		},
		{
			resource: 'user',
			label: 'User',
			collection: 'users',
			path: '/Users',
			listKey: 'users',
			locator: 'userId',
			create: () => ({
				name: 'Amira Khan',
				site_id: byId(sandbox.store('sites')[0].id as number),
				additionalFields: { emailaddress: 'amira.khan@example.com' },
			}),
			expectCreated: { name: 'Amira Khan', emailaddress: 'amira.khan@example.com' },
		},
	]) {
		describe(spec.label, () => {
			let createdId: unknown;
			const live = () => sandbox.store(spec.collection).filter((row) => !row.deleted);

			test('Create', async () => {
				const { items, calls } = await runHalo({
					resource: spec.resource,
					operation: 'create',
					...spec.create(),
				});
				assert.deepEqual(summaryOf(calls).slice(-1), [`POST /api${spec.path} 201`]);
				createdId = items[0].id;
				const stored = record(spec.collection, createdId);
				assert.ok(stored);
				for (const [key, value] of Object.entries(spec.expectCreated)) {
					assert.equal(stored[key], value, key);
					assert.equal(items[0][key], value, key);
				}
			});

			test('Get', async () => {
				const existing = live()[0];
				const { items, calls } = await runHalo({
					resource: spec.resource,
					operation: 'get',
					[spec.locator]: byId(existing.id as number),
				});
				assert.deepEqual(summaryOf(calls), [`GET /api${spec.path}/${String(existing.id)} 200`]);
				assert.equal(items.length, 1);
				assert.equal(items[0].id, existing.id);
				assert.equal(items[0].name, existing.name);
			});

			test('Get Many: Return All', async () => {
				const expected = sortedIds(await listFromSandbox(sandbox, spec.path, spec.listKey));
				const { items } = await runHalo({
					resource: spec.resource,
					operation: 'getAll',
					returnAll: true,
				});
				assert.ok(expected.length > 1);
				assert.deepEqual(sortedIds(items), expected);
			});

			test('Get Many: Limit', async () => {
				const { items } = await runHalo({
					resource: spec.resource,
					operation: 'getAll',
					returnAll: false,
					limit: 2,
				});
				assert.equal(items.length, 2);
			});

			test('Update', async () => {
				assert.ok(createdId, 'Create ran first');
				const { calls } = await runHalo({
					resource: spec.resource,
					operation: 'update',
					[spec.locator]: byId(createdId as number),
					updateFields: { name: `${spec.label} renamed by e2e` },
				});
				assert.deepEqual(summaryOf(calls), [`POST /api${spec.path} 200`]);
				assert.equal(record(spec.collection, createdId)?.name, `${spec.label} renamed by e2e`);
			});

			test('Delete', async () => {
				assert.ok(createdId, 'Create ran first');
				const { items, calls } = await runHalo({
					resource: spec.resource,
					operation: 'delete',
					[spec.locator]: byId(createdId as number),
				});
				assert.deepEqual(summaryOf(calls), [`DELETE /api${spec.path}/${String(createdId)} 200`]);
				assert.deepEqual(items, [{ deleted: true, id: createdId }]);
				assert.equal(
					live().some((row) => row.id === createdId),
					false,
				);
			});
		});
	}

	describe('across operations', () => {
		test('Continue On Fail: a bad item fails alone and the others are written in one request', async () => {
			const ticketTypeId = sandbox.store('tickettypes')[0].id;
			const before = sandbox.store('tickets').length;
			const { run, items, calls } = await runHalo(
				{
					resource: 'ticket',
					operation: 'create',
					tickettype_id: ticketTypeId,
					summary: '={{ $json.summary }}',
				},
				{
					inputItems: [
						{ summary: 'Disk almost full' },
						{ summary: '' },
						{ summary: 'Backup failed' },
					],
					continueOnFail: true,
				},
			);
			assert.deepEqual(summaryOf(calls), ['POST /api/Tickets 201']);
			assert.equal(calls[0].bodyItems, 2);
			assert.equal(items.length, 3);
			assert.equal(items[0].summary, 'Disk almost full');
			assert.deepEqual(items[1], { error: '"Summary" is required (item 1)' });
			assert.equal(items[2].summary, 'Backup failed');
			assert.deepEqual(
				run.data.resultData.runData.Halo[0].data?.main[0]?.map((item) => item.pairedItem),
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			);
			assert.equal(sandbox.store('tickets').length, before + 2);
		});

		test('a bad parameter stops the run before any request, with the error the editor shows', async () => {
			const before = sandbox.requests().length;
			const run = await server.runNew(
				chainWorkflow({
					id: 'opsBadJson',
					credential,
					inputItems: [{ id: 1 }, { id: 2 }],
					steps: [
						{
							name: 'Halo',
							parameters: {
								resource: 'client',
								operation: 'update',
								clientId: byId('={{ $json.id }}'),
								additionalBodyFieldsJson: '={{ $json.id === 2 ? "{not json" : "{}" }}',
							},
						},
					],
				}),
			);
			assert.equal(run.status, 'error');
			const error = errorOf(run);
			assert.equal(error?.message, '"Additional Body Fields (JSON)" is not valid JSON (item 1)');
			// The parser's own words, from the pinned Node 24 of the runtime.
			assert.equal(
				error?.description,
				"Expected property name or '}' in JSON at position 1 (line 1 column 2)",
			);
			assert.equal(sandbox.requests().length, before, 'no item was sent');
		});

		test('the HTTP Request node uses the credential for an endpoint the node does not cover', async () => {
			const before = sandbox.requests().length;
			const run = await server.runNew(
				chainWorkflow({
					id: 'opsHttpRequest',
					credential,
					steps: [
						{
							name: 'Statuses',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								method: 'GET',
								url: `${sandbox.resourceUrl}/Status`,
								authentication: 'predefinedCredentialType',
								nodeCredentialType: haloCredentialType,
								options: {},
							},
							credentials: {
								[haloCredentialType]: { id: credential.id, name: credential.name },
							},
						},
					],
				}),
			);
			assert.equal(run.status, 'success', JSON.stringify(errorOf(run)));
			assert.deepEqual(
				itemsOf(run, 'Statuses').map((item) => item.id),
				sandbox.store('statuses').map((status) => status.id),
			);
			const calls = sandbox.requests().slice(before);
			assert.deepEqual(summaryOf(calls), ['GET /api/Status 200']);
			assert.ok(calls[0].token, 'the request carried the Bearer token');
		});

		test('one token request served every execution so far', () => {
			const all = requestsOfN8n(sandbox);
			assert.ok(workflowCount >= 20, `${workflowCount} executions`);
			assert.equal(all.filter((call) => call.isTokenRequest).length, 1);
			assert.equal(new Set(all.filter((call) => call.token).map((call) => call.token)).size, 1);
		});

		test('after Halo revokes the token, the next execution fetches a new one once and succeeds', async () => {
			sandbox.revokeTokens();
			const ticket = ticketsOfTicketUse()[0];
			const { items, calls } = await runHalo({
				resource: 'ticket',
				operation: 'get',
				ticketId: byId(ticket.id as number),
			});
			assert.deepEqual(summaryOf(calls), [
				`GET /api/Tickets/${String(ticket.id)} 401`,
				'POST /auth/token 200',
				`GET /api/Tickets/${String(ticket.id)} 200`,
			]);
			assert.notEqual(calls[0].token, calls[2].token);
			assert.equal(items[0].id, ticket.id);

			const again = await runHalo({
				resource: 'ticket',
				operation: 'get',
				ticketId: byId(ticket.id as number),
			});
			assert.deepEqual(summaryOf(again.calls), [`GET /api/Tickets/${String(ticket.id)} 200`]);
			assert.equal(again.calls[0].token, calls[2].token, 'the new token is stored and reused');
		});

		test('HaloPSA Trigger: "Fetch Test Event" returns the newest ticket as a ticketCreated event', async () => {
			const newest = Math.max(...sortedIds(await listFromSandbox(sandbox, '/Tickets', 'tickets')));
			const before = requestsOfN8n(sandbox).length;
			const triggerName = 'HaloPSA Trigger';
			const workflowId = await server.createWorkflow({
				id: 'opsTrigger',
				name: 'e2e trigger sample',
				nodes: [
					{
						id: 'trigger',
						name: triggerName,
						type: haloTriggerType,
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							pollTimes: { item: [{ mode: 'everyMinute' }] },
							events: ['ticketCreated'],
							filters: {},
						},
						credentials: { [haloCredentialType]: { id: credential.id, name: credential.name } },
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
			});
			const run = await server.run(workflowId, triggerName);
			assert.equal(run.status, 'success', JSON.stringify(errorOf(run)));
			const items = itemsOf(run, triggerName);
			assert.equal(items.length, 1);
			assert.equal(items[0].event, 'ticketCreated');
			assert.equal((items[0].ticket as Row).id, newest);
			const calls = requestsOfN8n(sandbox).slice(before);
			assert.deepEqual(
				calls.map((call) => `${call.method} ${call.path} ${call.status}`),
				['GET /api/Tickets 200'],
			);
			assert.equal(calls[0].query.order, 'id');
			assert.equal(calls[0].query.orderdesc, 'true');
		});

		test('every resource and operation the node offers was run above', async () => {
			const types = await server.nodeTypes();
			const halo = types.find((type) => type.name === haloNodeType);
			assert.ok(halo, `${haloNodeType} is served to the editor`);
			const offered: string[] = [];
			for (const property of halo.properties) {
				if (property.name !== 'operation') continue;
				const show = (property.displayOptions as { show?: { resource?: string[] } }).show;
				for (const resource of show?.resource ?? []) {
					for (const option of property.options as Array<{ value: string }>) {
						// n8n adds "Custom API Call" to nodes whose credential names an HTTP Request
						// node setup; it opens the HTTP Request node, tested above.
						if (option.value === '__CUSTOM_API_CALL__') continue;
						offered.push(`${resource}:${option.value}`);
					}
				}
			}
			assert.ok(offered.length >= 26, offered.join(', '));
			assert.deepEqual(
				offered.filter((pair) => !covered.has(pair)),
				[],
			);
		});
	});
});
