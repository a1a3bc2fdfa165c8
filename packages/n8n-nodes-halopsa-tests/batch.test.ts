import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode, stored } from './node-run';

describe('batching Create and Update', () => {
	let sandbox: Sandbox;
	let ticketTypeId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		ticketTypeId = sandbox.store('tickettypes').find((type) => type.use === 'ticket')?.id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	const createParameters = (count: number, batchSize?: number) =>
		Array.from({ length: count }, (_, index) => ({
			resource: 'ticket',
			operation: 'create',
			tickettype_id: ticketTypeId,
			summary: `Batch ticket ${index}`,
			...(batchSize === undefined ? {} : { options: { batchSize } }),
		}));

	it('sends 120 items as 3 POSTs of 50, 50 and 20, outputs in input order', async () => {
		const before = sandbox.store('tickets').length;
		const output = await runNode(sandbox, { parameters: createParameters(120, 50) });

		assert.deepEqual(
			apiRequests(sandbox).map(({ method, path, bodyItems }) => ({ method, path, bodyItems })),
			[
				{ method: 'POST', path: '/api/Tickets', bodyItems: 50 },
				{ method: 'POST', path: '/api/Tickets', bodyItems: 50 },
				{ method: 'POST', path: '/api/Tickets', bodyItems: 20 },
			],
		);
		assert.equal(sandbox.store('tickets').length, before + 120);
		assert.equal(output.length, 120);
		output.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.summary, `Batch ticket ${index}`);
			assert.deepEqual(item.json, stored(sandbox, 'tickets', item.json.id));
		});
	});

	it('defaults to batches of 50', async () => {
		await runNode(sandbox, { parameters: createParameters(51) });
		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.bodyItems),
			[50, 1],
		);
	});

	it('sends one request per item with a batch size of 1', async () => {
		const output = await runNode(sandbox, { parameters: createParameters(3, 1) });
		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.bodyItems),
			[1, 1, 1],
		);
		assert.deepEqual(
			output.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
	});

	it('updates many records in one POST, each result back on its item', async () => {
		const tickets = sandbox.store('tickets').slice(0, 3);
		const output = await runNode(sandbox, {
			parameters: tickets.map((ticket, index) => ({
				resource: 'ticket',
				operation: 'update',
				ticketId: byId(ticket.id as number),
				updateFields: { summary: `Updated ${index}` },
			})),
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Tickets', query: {}, bodyItems: 3 },
		]);
		assert.deepEqual(
			output.map((item) => [item.json.id, item.json.summary, item.pairedItem]),
			tickets.map((ticket, index) => [ticket.id, `Updated ${index}`, { item: index }]),
		);
	});
});
