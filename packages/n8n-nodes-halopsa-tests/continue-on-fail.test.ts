import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode } from './node-run';

describe('bad items and Continue On Fail', () => {
	let sandbox: Sandbox;
	let ticketTypeId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		ticketTypeId = sandbox.store('tickettypes').find((type) => type.use === 'ticket')?.id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	const ticket = (index: number, extra: Record<string, unknown> = {}) => ({
		resource: 'ticket',
		operation: 'create',
		tickettype_id: ticketTypeId,
		summary: `Ticket ${index}`,
		...extra,
	});

	async function rejection(parameters: Array<Record<string, unknown>>) {
		const error = await runNode(sandbox, { parameters: parameters as never }).then(
			() => assert.fail('expected the node to fail'),
			(thrown: unknown) => thrown,
		);
		assert.ok(error instanceof NodeOperationError);
		assert.deepEqual(sandbox.requests(), [], 'nothing reaches Halo, not even a token request');
		return error;
	}

	it('refuses an id that is not a number, naming the parameter and the item', async () => {
		const error = await rejection([
			ticket(0),
			ticket(1, { additionalFields: { client_id: byId('acme') } }),
		]);
		assert.equal(error.message, '"Client" must be a Halo ID (a whole number), not "acme" (item 1)');
		assert.equal(error.context.itemIndex, 1);
	});

	it('refuses a missing required field', async () => {
		const error = await rejection([ticket(0), ticket(1), ticket(2, { summary: '  ' })]);
		assert.equal(error.message, '"Summary" is required (item 2)');
	});

	it('refuses JSON that does not parse, or is not an object', async () => {
		const broken = await rejection([ticket(0, { additionalBodyFieldsJson: '{"source": ' })]);
		assert.equal(broken.message, '"Additional Body Fields (JSON)" is not valid JSON (item 0)');
		sandbox.resetRequests();
		const array = await rejection([ticket(0), ticket(1, { additionalBodyFieldsJson: '[1, 2]' })]);
		assert.equal(
			array.message,
			'"Additional Body Fields (JSON)" must be a JSON object, e.g. {"source": 0} (item 1)',
		);
	});

	it('refuses a date that is not a date', async () => {
		const error = await rejection([ticket(0, { additionalFields: { startdate: 'next Tuesday' } })]);
		assert.equal(error.message, '"Start Date" must be a date, not "next Tuesday" (item 0)');
	});

	it('refuses an update without a record id (Halo would create one)', async () => {
		const error = await rejection([
			{
				resource: 'ticket',
				operation: 'update',
				ticketId: byId(''),
				updateFields: { summary: 'x' },
			},
		]);
		assert.equal(error.message, '"Ticket" is required (item 0)');
	});

	it('fails only the bad item and writes the others exactly once', async () => {
		const before = sandbox.store('tickets').length;
		const output = await runNode(sandbox, {
			continueOnFail: true,
			parameters: [
				ticket(0),
				ticket(1),
				ticket(2, { additionalFields: { client_id: byId('acme') } }),
				ticket(3),
				ticket(4),
			],
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Tickets', query: {}, bodyItems: 4 },
		]);
		assert.equal(sandbox.store('tickets').length, before + 4);
		assert.deepEqual(output[2], {
			json: { error: '"Client" must be a Halo ID (a whole number), not "acme" (item 2)' },
			pairedItem: { item: 2 },
		});
		assert.deepEqual(
			output.map((item) => [item.pairedItem, item.json.summary]),
			[
				[{ item: 0 }, 'Ticket 0'],
				[{ item: 1 }, 'Ticket 1'],
				[{ item: 2 }, undefined],
				[{ item: 3 }, 'Ticket 3'],
				[{ item: 4 }, 'Ticket 4'],
			],
		);
	});

	describe('a bad item that only Halo detects, in the second of three batches', () => {
		// Item 2 names a ticket type Halo does not have; Batch Size 2 puts it in batch [2, 3].
		const parameters = () =>
			Array.from({ length: 6 }, (_, index) =>
				ticket(index, {
					options: { batchSize: 2 },
					...(index === 2 ? { tickettype_id: 9999 } : {}),
				}),
			);
		const posted = () =>
			sandbox
				.requests()
				.filter((entry) => !entry.isTokenRequest)
				.map((entry) => [entry.method, entry.bodyItems, entry.status]);
		const newSummaries = (before: number) =>
			sandbox
				.store('tickets')
				.slice(before)
				.map((row) => row.summary);

		it('without Continue On Fail, stops at that batch and says what was written', async () => {
			const before = sandbox.store('tickets').length;
			const error = await runNode(sandbox, { parameters: parameters() }).then(
				() => assert.fail('expected the node to fail'),
				(thrown: unknown) => thrown,
			);

			assert.deepEqual(posted(), [
				['POST', 2, 201],
				['POST', 2, 400],
			]);
			assert.deepEqual(newSummaries(before), ['Ticket 0', 'Ticket 1']);
			assert.ok(error instanceof NodeApiError);
			assert.equal(
				error.message,
				'Halo rejected the field "tickettype_id": Ticket type 9999 does not exist',
			);
			assert.equal(
				error.description,
				'Correct "tickettype_id": Ticket type 9999 does not exist. Which fields are mandatory can depend on the ticket type or on Halo\'s configuration. Items 0-1 were written to Halo before this batch (items 2-3); items 4-5 were not sent.',
			);
			assert.equal(error.context.itemIndex, 2);
		});

		it('with Continue On Fail, fails that item alone and writes the others once', async () => {
			const before = sandbox.store('tickets').length;
			const output = await runNode(sandbox, { continueOnFail: true, parameters: parameters() });

			assert.deepEqual(posted(), [
				['POST', 2, 201],
				['POST', 2, 400],
				['POST', 1, 201],
				['POST', 2, 201],
			]);
			assert.deepEqual(newSummaries(before), [
				'Ticket 0',
				'Ticket 1',
				'Ticket 3',
				'Ticket 4',
				'Ticket 5',
			]);
			assert.deepEqual(
				output.map((item) => [item.pairedItem, item.json.summary ?? item.json.error]),
				[
					[{ item: 0 }, 'Ticket 0'],
					[{ item: 1 }, 'Ticket 1'],
					[{ item: 2 }, 'Halo rejected the field "tickettype_id": Ticket type 9999 does not exist'],
					[{ item: 3 }, 'Ticket 3'],
					[{ item: 4 }, 'Ticket 4'],
					[{ item: 5 }, 'Ticket 5'],
				],
			);
		});
	});

	it('fails only the item Halo rejects, and writes the others exactly once', async () => {
		const before = sandbox.store('tickets').length;
		const output = await runNode(sandbox, {
			continueOnFail: true,
			parameters: [ticket(0), ticket(1, { tickettype_id: 9999 }), ticket(2)],
		});

		const summaries = sandbox
			.store('tickets')
			.slice(before)
			.map((row) => row.summary);
		assert.deepEqual(summaries, ['Ticket 0', 'Ticket 2']);
		assert.equal(output.length, 3);
		assert.deepEqual(output[1].pairedItem, { item: 1 });
		assert.equal(typeof output[1].json.error, 'string');
		assert.match(output[1].json.error as string, /ticket type/i);
		assert.equal(output[0].json.summary, 'Ticket 0');
		assert.equal(output[2].json.summary, 'Ticket 2');
	});
});
