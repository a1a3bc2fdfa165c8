import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode, stored } from './node-run';

describe('Ticket', () => {
	let sandbox: Sandbox;
	let ticketTypeId: number;
	let clientId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		ticketTypeId = sandbox.store('tickettypes').find((type) => type.use === 'ticket')?.id as number;
		clientId = sandbox.store('clients')[0].id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('creates a ticket with required, additional and custom fields in one POST', async () => {
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'ticket',
				operation: 'create',
				tickettype_id: ticketTypeId,
				summary: 'Printer on fire',
				additionalFields: {
					client_id: byId(clientId),
					details: 'Third floor',
					startdate: '2026-03-02T09:30:00',
					dont_do_rules: true,
				},
				customFieldsUi: {
					customFieldValues: [
						{ field: 'CFCustomerReference', value: 'PO-77' },
						{ field: 151, value: 'Toner' },
					],
				},
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Tickets', query: {}, bodyItems: 1 },
		]);
		assert.equal(output.length, 1);
		const record = stored(sandbox, 'tickets', output[0].json.id);
		assert.deepEqual(output[0], { json: record, pairedItem: { item: 0 } });
		assert.equal(record?.summary, 'Printer on fire');
		assert.equal(record?.tickettype_id, ticketTypeId);
		assert.equal(record?.client_id, clientId);
		assert.equal(record?.details, 'Third floor');
		assert.equal(record?.startdate, '2026-03-02T09:30:00.000Z');
		const custom = record?.customfields as Array<Record<string, unknown>>;
		const customValue = (id: number, name: string) =>
			custom.find((field) => field.id === id || field.name === name)?.value;
		assert.equal(customValue(150, 'CFCustomerReference'), 'PO-77');
		assert.equal(customValue(151, 'CFRootCause'), 'Toner');
	});

	it('gets a ticket, simplified by default and raw on request', async () => {
		const ticket = sandbox.store('tickets')[0];
		const simple = await runNode(sandbox, {
			parameters: { resource: 'ticket', operation: 'get', ticketId: byId(ticket.id as number) },
		});
		const raw = await runNode(sandbox, {
			parameters: {
				resource: 'ticket',
				operation: 'get',
				ticketId: byId(ticket.id as number),
				simplify: false,
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'GET', path: `/api/Tickets/${ticket.id}`, query: {} },
			{ method: 'GET', path: `/api/Tickets/${ticket.id}`, query: {} },
		]);
		assert.deepEqual(raw, [{ json: ticket, pairedItem: { item: 0 } }]);
		const keys = Object.keys(simple[0].json);
		assert.ok(keys.length <= 10);
		for (const key of keys) {
			if (key !== 'customfields') assert.deepEqual(simple[0].json[key], ticket[key], key);
		}
		assert.deepEqual(simple[0].pairedItem, { item: 0 });
	});

	it('gets many tickets with filters sent as Halo query parameters', async () => {
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'ticket',
				operation: 'getAll',
				limit: 3,
				simplify: false,
				filters: {
					client_id: byId(clientId),
					open_only: true,
					requesttype_id: ticketTypeId,
					lastupdatefromdate: '2020-01-01T00:00:00Z',
					search: 'e',
				},
			},
		});

		const requests = apiRequests(sandbox);
		assert.equal(requests.length, 1);
		assert.equal(requests[0].path, '/api/Tickets');
		assert.equal(requests[0].query.client_id, String(clientId));
		assert.equal(requests[0].query.open_only, 'true');
		assert.equal(requests[0].query.requesttype_id, String(ticketTypeId));
		assert.equal(requests[0].query.lastupdatefromdate, '2020-01-01T00:00:00.000Z');
		assert.equal(requests[0].query.search, 'e');
		assert.ok(output.length <= 3);
		for (const [index, item] of output.entries()) {
			assert.equal(item.json.client_id, clientId, `item ${index}`);
			assert.deepEqual(item.pairedItem, { item: 0 });
		}
	});

	it('updates only the fields given, keyed by the ticket id', async () => {
		const ticket = sandbox.store('tickets')[1];
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'ticket',
				operation: 'update',
				ticketId: byId(ticket.id as number),
				updateFields: { summary: 'Renamed', status_id: 2 },
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Tickets', query: {}, bodyItems: 1 },
		]);
		const record = stored(sandbox, 'tickets', ticket.id);
		assert.equal(record?.summary, 'Renamed');
		assert.equal(record?.status_id, 2);
		assert.equal(record?.details, ticket.details);
		assert.deepEqual(output, [{ json: record, pairedItem: { item: 0 } }]);
	});

	it('closes a ticket with the closed status and a closure note', async () => {
		const ticket = sandbox.store('tickets')[2];
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'ticket',
				operation: 'close',
				ticketId: byId(ticket.id as number),
				closureNote: 'Replaced the fuser',
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Tickets', query: {}, bodyItems: 1 },
		]);
		const record = stored(sandbox, 'tickets', ticket.id);
		assert.equal(record?.status_id, 9);
		assert.equal(record?.closure_note, 'Replaced the fuser');
		assert.deepEqual(output, [{ json: record, pairedItem: { item: 0 } }]);
	});

	it('refuses an id in the JSON field on Create before any request (it would overwrite that ticket)', async () => {
		const before = stored(sandbox, 'tickets', 1);

		await assert.rejects(
			runNode(sandbox, {
				parameters: {
					resource: 'ticket',
					operation: 'create',
					tickettype_id: ticketTypeId,
					summary: 'Meant to be new',
					additionalBodyFieldsJson: '{"id": 1}',
				},
			}),
			{
				message:
					'"Additional Body Fields (JSON)" must not contain "id" when creating: Halo would overwrite that record instead (item 0)',
				description: 'Use the Update operation to change an existing record.',
			},
		);
		assert.deepEqual(sandbox.requests(), []);
		assert.deepEqual(stored(sandbox, 'tickets', 1), before);
	});

	it('names a missing ticket as "Ticket <id> not found" on Get and Delete', async () => {
		for (const operation of ['get', 'delete']) {
			await assert.rejects(
				runNode(sandbox, { parameters: { resource: 'ticket', operation, ticketId: byId(99999) } }),
				{ message: 'Ticket 99999 not found' },
			);
		}
	});

	it('refuses a Limit that is not a whole number of at least 1 before any request', async () => {
		for (const [limit, shown] of [
			[0, '0'],
			[2.5, '2.5'],
		] as const) {
			await assert.rejects(
				runNode(sandbox, { parameters: { resource: 'ticket', operation: 'getAll', limit } }),
				{ message: `"Limit" must be a whole number of at least 1, not ${shown} (item 0)` },
			);
		}
		assert.deepEqual(sandbox.requests(), []);
	});

	it('deletes a ticket and says so', async () => {
		const ticket = sandbox.store('tickets')[3];
		const output = await runNode(sandbox, {
			parameters: { resource: 'ticket', operation: 'delete', ticketId: byId(ticket.id as number) },
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'DELETE', path: `/api/Tickets/${ticket.id}`, query: {} },
		]);
		assert.deepEqual(output, [{ json: { deleted: true, id: ticket.id }, pairedItem: { item: 0 } }]);
		assert.equal(stored(sandbox, 'tickets', ticket.id)?.deleted, true);
	});
});

describe('Ticket Get Many with Return All', () => {
	it('returns all 1,000 tickets in exactly 10 list requests', async () => {
		const sandbox = await startHaloSandbox({ tickets: 1000 });
		try {
			sandbox.resetRequests();

			const output = await runNode(sandbox, {
				parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, simplify: false },
			});

			const requests = apiRequests(sandbox);
			assert.equal(requests.length, 10);
			assert.deepEqual(
				requests
					.map((request) => [request.path, Number(request.query.page_no), request.query.page_size])
					.sort((x, y) => (x[1] as number) - (y[1] as number)),
				Array.from({ length: 10 }, (_, page) => ['/api/Tickets', page + 1, '100']),
			);
			// Halo's order (the sandbox lists by id), whatever order the pages arrived in.
			const ids = output.map((item) => item.json.id as number);
			assert.equal(new Set(ids).size, 1000);
			assert.deepEqual(
				ids,
				[...ids].sort((x, y) => x - y),
			);
		} finally {
			await sandbox.close();
		}
	});
});
