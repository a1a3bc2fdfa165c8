import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	sandboxCredentialStore,
	startHaloSandbox,
	type CredentialStore,
	type Sandbox,
} from './harness';
import { apiRequests, runNode } from './node-run';
import { isoOf, runPoll } from './trigger-run';

const ticketIds = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => (item.json.ticket as IDataObject).id as number);

describe('HaloPSA Trigger: backlogs larger than a page', () => {
	let sandbox: Sandbox;
	let credentials: CredentialStore;

	async function createTickets(count: number, batchSize: number): Promise<number[]> {
		const ticketTypeId = sandbox.store('tickettypes').find((type) => type.use === 'ticket')
			?.id as number;
		const output = await runNode(sandbox, {
			credentials,
			items: count,
			parameters: {
				resource: 'ticket',
				operation: 'create',
				tickettype_id: ticketTypeId,
				summary: 'Bulk import',
				options: { batchSize },
			},
		});
		return output.map((item) => item.json.id as number);
	}

	beforeEach(async () => {
		sandbox = await startHaloSandbox({ tickets: 12 });
		credentials = sandboxCredentialStore(sandbox);
	});
	afterEach(async () => await sandbox.close());

	// The first request after activation also lists the ticket the cursor started on (it is
	// skipped), so the first page brings 99 new tickets.
	it('a poll out of budget after one request leaves the rest, in order, to the next polls', async () => {
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData }), null);
		const ids = await createTickets(150, 1);
		sandbox.resetRequests();

		const first = await runPoll({ credentials, staticData, pollBudgetMs: 0 });
		assert.deepEqual(ticketIds(first), ids.slice(0, 99));
		const seen = ticketIds(first);
		let polls = 1;
		for (let output = first; output !== null; polls++) {
			output = await runPoll({ credentials, staticData, pollBudgetMs: 0 });
			seen.push(...ticketIds(output));
		}
		assert.deepEqual(seen, ids, 'every ticket once, in the order of its change');
		assert.equal(apiRequests(sandbox).length, polls, 'one request a poll');

		const last = sandbox.store('tickets').find((row) => row.id === ids[149]);
		const cursor = staticData.ticketCursor as { lastUpdate: string; seen: Record<string, string> };
		assert.equal(cursor.lastUpdate, isoOf(last?.last_update));
		assert.ok(String(ids[149]) in cursor.seen);
	});

	it('150 tickets stamped with one time: the next page follows in the next poll, nothing twice', async () => {
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData }), null);
		const ids = await createTickets(150, 150);
		sandbox.resetRequests();

		const first = await runPoll({ credentials, staticData, pollBudgetMs: 0 });
		assert.deepEqual(ticketIds(first), ids.slice(0, 99));
		// From one second before the shared time: 99 tickets already out, one new, more to come.
		const second = await runPoll({ credentials, staticData, pollBudgetMs: 0 });
		assert.deepEqual(ticketIds(second), [ids[99]]);
		const resume = (staticData.ticketCursor as IDataObject).resume as IDataObject;
		assert.equal(resume.pageNo, 2);

		const third = await runPoll({ credentials, staticData, pollBudgetMs: 0 });
		assert.deepEqual(ticketIds(third), ids.slice(100));
		assert.equal((staticData.ticketCursor as IDataObject).resume, undefined);
		assert.deepEqual(
			Object.keys((staticData.ticketCursor as { seen: Record<string, string> }).seen).map(Number),
			[...ids].sort((a, b) => a - b),
		);

		// Nothing new: page 1 of the shared second again, and (budget spent) page 2 next time.
		assert.equal(await runPoll({ credentials, staticData, pollBudgetMs: 0 }), null);
		assert.equal(await runPoll({ credentials, staticData, pollBudgetMs: 0 }), null);
		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.query.page_no),
			['1', '1', '2', '1', '2'],
		);
		assert.equal((staticData.ticketCursor as IDataObject).resume, undefined);
	});

	it('stops at 20 requests a poll and goes on from the same page next time', async () => {
		const staticData: IDataObject = {};
		assert.equal(await runPoll({ credentials, staticData }), null);
		const ids = await createTickets(2050, 2050);
		sandbox.resetRequests();

		const first = await runPoll({ credentials, staticData });
		// 99 from the first query, then 1 + 18 × 100 from pages 1–19 of the shared second.
		assert.deepEqual(ticketIds(first), ids.slice(0, 1900));
		assert.equal(apiRequests(sandbox).length, 20);

		const second = await runPoll({ credentials, staticData });
		assert.deepEqual(ticketIds(second), ids.slice(1900));
		assert.deepEqual(
			apiRequests(sandbox)
				.slice(20)
				.map((request) => request.query.page_no),
			['20', '21'],
		);
	});
});
