import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeTypes,
} from 'n8n-workflow';

import {
	sandboxCredentialStore,
	startHaloSandbox,
	type CredentialStore,
	type Sandbox,
} from './harness';
import { apiRequests, byId, runNode, stored } from './node-run';
import { fromDateOf, haloPsaTrigger, isoOf, runPoll, seenOf } from './trigger-run';

const LIST = { pageinate: 'true', page_size: '100', page_no: '1' };
const CHANGES = { order: 'last_update', orderdesc: 'false', order2: 'id', orderdesc2: 'false' };

describe('HaloPSA Trigger (polling)', () => {
	let sandbox: Sandbox;
	let credentials: CredentialStore;
	let ticketTypeId: number;
	let clientIds: number[];

	/** Tickets GET /Tickets lists (not deleted, ticket types for tickets), newest change first. */
	function listedTickets(): IDataObject[] {
		const ticketTypes = new Set(
			sandbox
				.store('tickettypes')
				.filter((type) => type.use === 'ticket')
				.map((type) => type.id),
		);
		return sandbox
			.store('tickets')
			.filter((row) => row.deleted !== true && ticketTypes.has(row.tickettype_id))
			.sort(
				(a, b) =>
					Date.parse(isoOf(b.last_update)) - Date.parse(isoOf(a.last_update)) ||
					Number(b.id) - Number(a.id),
			) as IDataObject[];
	}

	async function createTickets(
		count: number,
		fields: INodeParameters = {},
	): Promise<IDataObject[]> {
		const output = await runNode(sandbox, {
			credentials,
			items: count,
			parameters: {
				resource: 'ticket',
				operation: 'create',
				tickettype_id: ticketTypeId,
				summary: 'Printer on fire',
				additionalFields: fields,
				options: { batchSize: count },
			},
		});
		return output.map((item) => item.json);
	}

	async function updateTicket(id: number, updateFields: INodeParameters): Promise<void> {
		await runNode(sandbox, {
			credentials,
			parameters: { resource: 'ticket', operation: 'update', ticketId: byId(id), updateFields },
		});
	}

	/** An active workflow's static data after its first poll. */
	async function activated(): Promise<IDataObject> {
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData }), null);
		return staticData;
	}

	// A sandbox per test: each test's tickets and cursor stand alone.
	beforeEach(async () => {
		sandbox = await startHaloSandbox({ tickets: 12 });
		credentials = sandboxCredentialStore(sandbox);
		ticketTypeId = sandbox.store('tickettypes').find((type) => type.use === 'ticket')?.id as number;
		clientIds = sandbox.store('clients').map((client) => client.id as number);
	});
	afterEach(async () => await sandbox.close());

	it('first poll returns nothing and starts the cursor at the newest change in Halo', async () => {
		const newest = listedTickets()[0];
		const staticData: IDataObject = {};

		assert.equal(await runPoll({ credentials, staticData }), null);

		assert.deepEqual(apiRequests(sandbox), [
			{
				method: 'GET',
				path: '/api/Tickets',
				query: { order: 'last_update', orderdesc: 'true', ...LIST },
			},
		]);
		assert.deepEqual(staticData, {
			ticketCursor: { lastUpdate: isoOf(newest.last_update), seen: seenOf(newest) },
		});
	});

	it('a poll with nothing new returns null, asks from one second before the cursor and keeps it', async () => {
		const staticData = await activated();
		const before = structuredClone(staticData);
		sandbox.resetRequests();

		assert.equal(await runPoll({ credentials, staticData }), null);
		assert.equal(await runPoll({ credentials, staticData }), null);

		const cursor = before.ticketCursor as { lastUpdate: string };
		const request = {
			method: 'GET',
			path: '/api/Tickets',
			query: { ...CHANGES, lastupdatefromdate: fromDateOf(cursor.lastUpdate), ...LIST },
		};
		assert.deepEqual(apiRequests(sandbox), [request, request]);
		assert.deepEqual(staticData, before);
	});

	it('a ticket created after activation comes out once, as created', async () => {
		const staticData = await activated();
		const [created] = await createTickets(1, { client_id: byId(clientIds[0]) });
		sandbox.resetRequests();

		const output = await runPoll({ credentials, staticData });

		const ticket = stored(sandbox, 'tickets', created.id);
		assert.deepEqual(output, [[{ json: { event: 'ticketCreated', ticket } }]]);
		assert.deepEqual(staticData, {
			ticketCursor: { lastUpdate: isoOf(ticket?.last_update), seen: seenOf(ticket) },
		});
		assert.equal(await runPoll({ credentials, staticData }), null);
		assert.equal(apiRequests(sandbox).length, 2);
	});

	it('an update comes out once, as updated, for old and for recently created tickets', async () => {
		const [created] = await createTickets(1);
		const staticData = await activated();
		const old = listedTickets().at(-1) as IDataObject;
		await updateTicket(old.id as number, { summary: 'Old ticket, new summary' });
		await updateTicket(created.id as number, { summary: 'Renamed' });

		const output = await runPoll({ credentials, staticData });

		assert.deepEqual(output, [
			[
				{ json: { event: 'ticketUpdated', ticket: stored(sandbox, 'tickets', old.id) } },
				{ json: { event: 'ticketUpdated', ticket: stored(sandbox, 'tickets', created.id) } },
			],
		]);
		assert.equal((output?.[0][0].json.ticket as IDataObject).summary, 'Old ticket, new summary');
		assert.equal(await runPoll({ credentials, staticData }), null);
	});

	it('a ticket created and then changed between two polls is one created item', async () => {
		const staticData = await activated();
		const [created] = await createTickets(1);
		await updateTicket(created.id as number, { summary: 'Changed at once' });

		const output = await runPoll({ credentials, staticData });

		assert.deepEqual(output, [
			[{ json: { event: 'ticketCreated', ticket: stored(sandbox, 'tickets', created.id) } }],
		]);
	});

	it('tickets sharing one last_update all come out once, in id order, and not again', async () => {
		const staticData = await activated();
		const created = await createTickets(3);
		const times = new Set(created.map((ticket) => ticket.last_update));
		assert.equal(times.size, 1, 'one POST stamps its tickets with one time');
		sandbox.resetRequests();

		const output = await runPoll({ credentials, staticData });
		const ids = created.map((ticket) => ticket.id as number).sort((a, b) => a - b);

		assert.deepEqual(
			output?.[0].map((item) => [item.json.event, (item.json.ticket as IDataObject).id]),
			ids.map((id) => ['ticketCreated', id]),
		);
		assert.deepEqual(staticData, {
			ticketCursor: {
				lastUpdate: isoOf(created[0].last_update),
				seen: seenOf(...ids.map((id) => stored(sandbox, 'tickets', id))),
			},
		});
		// The next request reaches back to the same tickets; they are skipped, not repeated.
		assert.equal(await runPoll({ credentials, staticData }), null);
		assert.equal(apiRequests(sandbox).length, 2);

		const [later] = await createTickets(1);
		const next = await runPoll({ credentials, staticData });
		assert.deepEqual(
			next?.[0].map((item) => (item.json.ticket as IDataObject).id),
			[later.id],
		);
	});

	it('a ticket changed at the cursor instant but not yet handed out is not lost', async () => {
		const [first, second] = await createTickets(2);
		assert.equal(first.last_update, second.last_update);
		const lastUpdate = isoOf(first.last_update);
		// As if a poll had read the first of the two before Halo listed the second.
		const staticData: IDataObject = {
			ticketCursor: { lastUpdate, seen: seenOf(stored(sandbox, 'tickets', first.id)) },
		};

		const output = await runPoll({ credentials, staticData });

		assert.deepEqual(output, [
			[{ json: { event: 'ticketCreated', ticket: stored(sandbox, 'tickets', second.id) } }],
		]);
		assert.deepEqual(staticData, {
			ticketCursor: {
				lastUpdate,
				seen: seenOf(stored(sandbox, 'tickets', first.id), stored(sandbox, 'tickets', second.id)),
			},
		});
	});

	it('Ticket Created alone passes updates by but still moves past them', async () => {
		const parameters = { events: ['ticketCreated'] };
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData, parameters }), null);
		const old = listedTickets().at(-1) as IDataObject;
		await updateTicket(old.id as number, { summary: 'Nobody asked' });

		assert.equal(await runPoll({ credentials, staticData, parameters }), null);
		assert.deepEqual(staticData, {
			ticketCursor: {
				lastUpdate: isoOf(stored(sandbox, 'tickets', old.id)?.last_update),
				seen: seenOf(stored(sandbox, 'tickets', old.id)),
			},
		});

		const [created] = await createTickets(1);
		const output = await runPoll({ credentials, staticData, parameters });
		assert.deepEqual(output, [
			[{ json: { event: 'ticketCreated', ticket: stored(sandbox, 'tickets', created.id) } }],
		]);
	});

	it('Ticket Updated alone leaves new tickets out', async () => {
		const parameters = { events: ['ticketUpdated'] };
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData, parameters }), null);
		const [created] = await createTickets(1);
		assert.equal(await runPoll({ credentials, staticData, parameters }), null);

		await updateTicket(created.id as number, { summary: 'Now it counts' });
		const output = await runPoll({ credentials, staticData, parameters });
		assert.deepEqual(output, [
			[{ json: { event: 'ticketUpdated', ticket: stored(sandbox, 'tickets', created.id) } }],
		]);
	});

	it('sends the filters with the changes query and outputs only matching tickets', async () => {
		const staticData: IDataObject = {
			ticketCursor: { lastUpdate: '2026-05-31T23:59:59.999Z', seen: {} },
		};
		const [mine] = await createTickets(1, { client_id: byId(clientIds[0]) });
		await createTickets(1, { client_id: byId(clientIds[1]) });
		sandbox.resetRequests();

		const output = await runPoll({
			credentials,
			staticData,
			parameters: {
				filters: {
					client_id: {
						__rl: true,
						mode: 'url',
						value: `https://acme.halopsa.com/customers?mainview=client&clientid=${clientIds[0]}`,
					},
					requesttype_id: String(ticketTypeId),
					open_only: true,
					closed_only: false,
					search: 'printer',
				},
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{
				method: 'GET',
				path: '/api/Tickets',
				query: {
					client_id: String(clientIds[0]),
					requesttype_id: String(ticketTypeId),
					open_only: 'true',
					search: 'printer',
					...CHANGES,
					lastupdatefromdate: '2026-05-31T23:59:58Z',
					...LIST,
				},
			},
		]);
		assert.deepEqual(output, [
			[{ json: { event: 'ticketCreated', ticket: stored(sandbox, 'tickets', mine.id) } }],
		]);
	});

	it('refuses a filter that is not an ID before any request', async () => {
		const staticData: IDataObject = {};
		await assert.rejects(
			runPoll({
				credentials,
				staticData,
				parameters: { filters: { client_id: byId('acme') } },
			}),
			{ message: 'Filter "Client" must be a Halo ID (a whole number), not "acme"' },
		);
		assert.deepEqual(sandbox.requests(), []);
		assert.deepEqual(staticData, {});
	});

	it('refuses an empty Events list before any request', async () => {
		await assert.rejects(runPoll({ credentials, staticData: {}, parameters: { events: [] } }), {
			message: '"Events" must name at least one event',
		});
		assert.deepEqual(sandbox.requests(), []);
	});

	it('manual mode returns the newest changed ticket as a sample and leaves the cursor alone', async () => {
		await createTickets(1);
		await updateTicket(listedTickets().at(-1)?.id as number, { summary: 'Touched last' });
		// Newest last_update first; within one second (the sandbox stamps whole seconds) the higher id.
		const newest = listedTickets()[0];
		sandbox.resetRequests();
		const staticData: IDataObject = {};

		const output = await runPoll({ credentials, staticData, mode: 'manual' });

		assert.deepEqual(output, [[{ json: { event: 'ticketUpdated', ticket: newest } }]]);
		assert.deepEqual(apiRequests(sandbox), [
			{
				method: 'GET',
				path: '/api/Tickets',
				query: {
					order: 'last_update',
					orderdesc: 'true',
					order2: 'id',
					orderdesc2: 'true',
					pageinate: 'true',
					page_size: '1',
					page_no: '1',
				},
			},
		]);
		assert.deepEqual(staticData, {});
	});

	it('manual mode with Ticket Created alone samples the newest ticket logged', async () => {
		const [created] = await createTickets(1);
		await updateTicket(listedTickets().at(-1)?.id as number, { summary: 'Touched after' });
		sandbox.resetRequests();

		const output = await runPoll({
			credentials,
			staticData: {},
			mode: 'manual',
			parameters: { events: ['ticketCreated'], filters: { client_id: byId(clientIds[2]) } },
		});

		assert.equal(output, null, 'no ticket of that client was logged through the API');
		assert.deepEqual(apiRequests(sandbox)[0].query, {
			client_id: String(clientIds[2]),
			order: 'id',
			orderdesc: 'true',
			pageinate: 'true',
			page_size: '1',
			page_no: '1',
		});

		const sample = await runPoll({
			credentials,
			staticData: {},
			mode: 'manual',
			parameters: { events: ['ticketCreated'] },
		});
		assert.deepEqual(sample, [
			[{ json: { event: 'ticketCreated', ticket: stored(sandbox, 'tickets', created.id) } }],
		]);
	});

	it('uses one token across polls', async () => {
		const staticData = await activated();
		await createTickets(1);
		await runPoll({ credentials, staticData });
		await runPoll({ credentials, staticData });

		const tokenRequests = sandbox.requests().filter((entry) => entry.isTokenRequest);
		assert.equal(tokenRequests.length, 1);
		assert.equal(apiRequests(sandbox).length, 4);
	});
});

describe('HaloPSA Trigger subtitle', () => {
	/** The subtitle as n8n's editor shows it: the expression evaluated on the node's parameters. */
	function subtitleFor(events: string[]): unknown {
		const nodeTypes = {
			getByName: () => haloPsaTrigger,
			getByNameAndVersion: () => haloPsaTrigger,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const node: INode = {
			id: 'trigger',
			name: 'HaloPSA Trigger',
			type: 'n8n-nodes-halopsa.haloPsaTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { events },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(
			node,
			haloPsaTrigger.description.subtitle as string,
			'internal',
			{},
		);
	}

	it('names the chosen events by their labels', () => {
		assert.equal(subtitleFor(['ticketCreated', 'ticketUpdated']), 'Ticket Created, Ticket Updated');
		assert.equal(subtitleFor(['ticketUpdated']), 'Ticket Updated');
	});
});
