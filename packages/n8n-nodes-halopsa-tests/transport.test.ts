import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { NodeApiError } from 'n8n-workflow';

import {
	haloApiRequest,
	haloApiRequestAllItems,
	haloUpsert,
} from 'n8n-nodes-halopsa/nodes/HaloPsa/transport';
import {
	createCredentialStore,
	createExecuteContext,
	sandboxCredentialStore,
	startFakeHalo,
	startHaloSandbox,
	type FakeHalo,
	type Sandbox,
} from './harness';

const apiCalls = (sandbox: Sandbox) => sandbox.requests().filter((entry) => !entry.isTokenRequest);

describe('pagination against the sandbox', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startHaloSandbox({ tickets: 1000 })));
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());
	const context = () => createExecuteContext({ credentials: sandboxCredentialStore(sandbox) });
	/** What Halo reports as the total of a list. */
	const recordCount = async (path: string, qs: Record<string, unknown> = {}) => {
		const page = <{ record_count: number }>await haloApiRequest.call(context(), {
			method: 'GET',
			path,
			qs: { ...qs, pageinate: true, page_no: 1, page_size: 1 },
		});
		sandbox.resetRequests();
		return page.record_count;
	};

	it('reads every ticket of 1,000 in exactly 10 pages of 100', async () => {
		const total = await recordCount('/Tickets');
		assert.equal(total, 1000);
		const rows = await haloApiRequestAllItems.call(context(), '/Tickets', { listKey: 'tickets' });
		assert.equal(rows.length, total);
		assert.equal(new Set(rows.map((row) => row.id)).size, total);
		const calls = apiCalls(sandbox);
		assert.equal(calls.length, 10);
		// Page 1 first; pages 2-10 a few at a time, so they may arrive in any order.
		assert.equal(calls[0].query.page_no, '1');
		assert.deepEqual(
			calls.map((entry) => Number(entry.query.page_no)).sort((a, b) => a - b),
			[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
		);
		assert.ok(
			calls.every((entry) => entry.query.pageinate === 'true' && entry.query.page_size === '100'),
		);
	});

	it('reads assets 50 a page, all of them', async () => {
		const total = await recordCount('/Asset');
		const rows = await haloApiRequestAllItems.call(
			context(),
			'/Asset',
			{ listKey: 'assets' },
			{},
			{ fixedPageSize: 50 },
		);
		assert.equal(rows.length, total);
		assert.equal(apiCalls(sandbox).length, Math.ceil(total / 50));
		assert.ok(apiCalls(sandbox).every((entry) => entry.query.page_size === '50'));
	});

	it('stops requesting once the limit is reached', async () => {
		const rows = await haloApiRequestAllItems.call(
			context(),
			'/Tickets',
			{ listKey: 'tickets' },
			{},
			{ limit: 250 },
		);
		assert.equal(rows.length, 250);
		assert.equal(apiCalls(sandbox).length, 3);
		sandbox.resetRequests();
		const few = await haloApiRequestAllItems.call(
			context(),
			'/Tickets',
			{ listKey: 'tickets' },
			{},
			{ limit: 5 },
		);
		assert.equal(few.length, 5);
		assert.deepEqual(
			apiCalls(sandbox).map((entry) => entry.query.page_size),
			['5'],
		);
	});

	it('sends filters with every page', async () => {
		const clientId = sandbox.store('tickets')[0].client_id as number;
		const expected = await recordCount('/Tickets', { client_id: clientId });
		assert.ok(expected > 100);
		const rows = await haloApiRequestAllItems.call(
			context(),
			'/Tickets',
			{ listKey: 'tickets' },
			{ client_id: clientId },
		);
		assert.equal(rows.length, expected);
		assert.ok(apiCalls(sandbox).every((entry) => entry.query.client_id === String(clientId)));
	});

	it('reads a bare array in one request, and an unpaginated list with count = limit', async () => {
		const agents = await haloApiRequestAllItems.call(context(), '/Agent', { bare: true });
		assert.equal(agents.length, sandbox.store('agents').length);
		assert.equal(apiCalls(sandbox).length, 1);
		sandbox.resetRequests();
		const ticketId = sandbox.store('actions')[0].ticket_id as number;
		const actions = await haloApiRequestAllItems.call(
			context(),
			'/Actions',
			{ listKey: 'actions' },
			{ ticket_id: ticketId },
			{ unpaginated: true, limit: 2 },
		);
		assert.equal(
			actions.length,
			Math.min(2, sandbox.store('actions').filter((a) => a.ticket_id === ticketId).length),
		);
		assert.deepEqual(
			apiCalls(sandbox).map((entry) => entry.query),
			[{ ticket_id: String(ticketId), count: '2' }],
		);
	});
});

describe('pagination against servers that misbehave', () => {
	let fake: FakeHalo | undefined;
	after(async () => await fake?.close());
	const rowsFor = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({ id: from + i }));
	const listCalls = () =>
		(fake?.requests ?? []).filter((request) => request.path === '/api/Tickets');
	const run = async (handler: Parameters<typeof startFakeHalo>[0]) => {
		await fake?.close();
		fake = await startFakeHalo(handler);
		const context = createExecuteContext({
			credentials: createCredentialStore(fake.credentials()),
		});
		return await haloApiRequestAllItems.call(context, '/Tickets', { listKey: 'tickets' });
	};

	it('stops at an empty page even when record_count promises more, asking no page twice', async () => {
		const rows = await run(({ query }) => ({
			body: { record_count: 1000, tickets: query.get('page_no') === '1' ? rowsFor(1, 100) : [] },
		}));
		assert.equal(rows.length, 100);
		// The ten pages record_count promises are asked for once each; nothing beyond them.
		assert.deepEqual(
			listCalls()
				.map((request) => Number(request.query.get('page_no')))
				.sort((a, b) => a - b),
			[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
		);
	});

	it('does not stop at a short page while record_count says more exist', async () => {
		const rows = await run(({ query }) => {
			const page = Number(query.get('page_no'));
			return {
				body: {
					record_count: 70,
					tickets: rowsFor((page - 1) * 30 + 1, Math.max(0, Math.min(30, 70 - (page - 1) * 30))),
				},
			};
		});
		assert.deepEqual(
			rows.map((row) => row.id),
			rowsFor(1, 70).map((row) => row.id),
		);
		assert.equal(listCalls().length, 3);
	});

	it('fails after two identical pages instead of looping when page_no is ignored', async () => {
		await assert.rejects(
			run(() => ({ body: { record_count: 1000, tickets: rowsFor(1, 100) } })),
			{ message: 'Halo returned the same rows for page 2 as for page 1 of /Tickets' },
		);
		assert.equal(listCalls().length, 10, 'the ten pages record_count promises, and no more');
	});

	it('reads rows from the declared key, not from another array beside it', async () => {
		const rows = await run(({ query }) => ({
			body: {
				record_count: 2,
				columns: [{ id: 'x' }],
				tickets: query.get('page_no') === '1' ? rowsFor(1, 2) : [],
			},
		}));
		assert.deepEqual(rows, rowsFor(1, 2));
	});
});

describe('batched creates and updates', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startHaloSandbox({ tickets: 10 })));
	after(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.resetRequests();
		sandbox.clearFaults();
	});
	const entries = (tag: string, count: number) =>
		Array.from({ length: count }, (_, itemIndex) => ({
			itemIndex,
			body: { summary: `${tag} ${itemIndex}`, tickettype_id: 1 },
		}));
	const stored = (tag: string) =>
		sandbox.store('tickets').filter((ticket) => String(ticket.summary).startsWith(`${tag} `));
	const upsert = async (list: ReturnType<typeof entries>, size: number) =>
		await haloUpsert.call(
			createExecuteContext({ credentials: sandboxCredentialStore(sandbox) }),
			'/Tickets',
			list,
			size,
		);

	it('sends one request per item with batch size 1', async () => {
		await upsert(entries('single', 120), 1);
		const calls = apiCalls(sandbox);
		assert.equal(calls.length, 120);
		assert.ok(calls.every((entry) => entry.bodyItems === 1));
		assert.equal(stored('single').length, 120);
	});

	it('fails a bad item alone and writes the others exactly once', async () => {
		const list = entries('badone', 10);
		delete (list[3].body as { summary?: string }).summary;
		const results = await upsert(list, 10);
		assert.equal(
			results[3].error?.message,
			'Halo rejected the field "summary": A summary is required',
		);
		assert.equal(results[3].error?.context.itemIndex, 3);
		assert.ok(
			results.every((result, index) => (index === 3 ? !result.json : result.json && !result.error)),
		);
		assert.deepEqual(
			stored('badone')
				.map((ticket) => ticket.summary)
				.sort(),
			list
				.filter((_, i) => i !== 3)
				.map((e) => e.body.summary)
				.sort(),
		);
		assert.deepEqual(
			apiCalls(sandbox).map((entry) => entry.bodyItems),
			[10, 9],
		);
	});

	it('updates records that carry ids', async () => {
		const [first, second] = sandbox.store('tickets');
		const results = await upsert(
			[
				{ itemIndex: 0, body: { id: first.id as number, summary: 'renamed A' } } as never,
				{ itemIndex: 1, body: { id: second.id as number, summary: 'renamed B' } } as never,
			],
			50,
		);
		assert.deepEqual(
			results.map((result) => result.json?.id),
			[first.id, second.id],
		);
		assert.equal(
			sandbox.store('tickets').find((ticket) => ticket.id === first.id)?.summary,
			'renamed A',
		);
	});
});

describe('batches Halo rejects without naming the record', () => {
	let fake: FakeHalo | undefined;
	let written: string[] = [];
	after(async () => await fake?.close());
	/** A Halo that refuses a batch with `reason(records)` when it gives one, and writes nothing then. */
	const upsert = async (
		summaries: string[],
		reason: (records: Array<{ summary: string }>) => string | undefined,
		options: { stopAtFirstError?: boolean } = {},
	) => {
		await fake?.close();
		written = [];
		let nextId = 1;
		fake = await startFakeHalo(({ method, body }) => {
			if (method !== 'POST') return { status: 404 };
			const records = body as Array<{ summary: string }>;
			const refused = reason(records);
			if (refused !== undefined) {
				return { status: 400, body: { ClassName: 'System.Exception', Message: refused } };
			}
			written.push(...records.map((record) => record.summary));
			const saved = records.map((record) => ({ ...record, id: nextId++ }));
			return { status: 201, body: saved.length === 1 ? saved[0] : saved };
		});
		const context = createExecuteContext({
			credentials: createCredentialStore(fake.credentials()),
		});
		return await haloUpsert.call(
			context,
			'/Tickets',
			summaries.map((summary, itemIndex) => ({ itemIndex, body: { summary } })),
			summaries.length,
			options,
		);
	};
	const posts = () =>
		(fake?.requests ?? [])
			.filter((request) => request.method === 'POST' && request.path === '/api/Tickets')
			.map((request) => (request.body as Array<{ summary: string }>).map((r) => r.summary));
	const letters = (count: number) => Array.from({ length: count }, (_, index) => `t${index}`);

	it('splits the batch until the bad record stands alone', async () => {
		const summaries = ['a', 'b', 'c', 'bad', 'e', 'f', 'g', 'h'];
		const results = await upsert(summaries, (records) =>
			records.some((record) => record.summary === 'bad') ? 'Something is not right' : undefined,
		);
		assert.deepEqual(written.sort(), ['a', 'b', 'c', 'e', 'f', 'g', 'h']);
		assert.equal(results[3].error?.message, 'Halo rejected the request: Something is not right');
		assert.equal(results[3].error?.context.itemIndex, 3);
		assert.deepEqual(
			results.filter((result) => result.json).map((result) => result.json?.summary),
			['a', 'b', 'c', 'e', 'f', 'g', 'h'],
		);
		// 8 -> 4+4 -> (2+2) -> (1+1).
		assert.deepEqual(
			posts().map((batch) => batch.length),
			[8, 4, 4, 2, 2, 1, 1],
		);
	});

	it('fails a whole batch after 3 POSTs when every half is refused for the same reason', async () => {
		const summaries = letters(50);
		const results = await upsert(summaries, () => 'CODE:APP03/2 Please select the CAB members');
		// The batch, then its halves; both halves say the same, so no further splitting.
		assert.deepEqual(
			posts().map((batch) => batch.length),
			[50, 25, 25],
		);
		assert.deepEqual(written, []);
		assert.equal(results.length, 50);
		results.forEach((result, index) => {
			assert.equal(result.itemIndex, index);
			assert.equal(result.json, undefined);
			assert.equal(result.error?.context.itemIndex, index);
			assert.equal(
				result.error?.message,
				'Halo rejected the request: CODE:APP03/2 Please select the CAB members',
			);
			assert.equal(
				result.error?.description,
				'Check the values sent to Halo; mandatory fields can depend on the ticket type or on Halo’s configuration. Halo gave this answer for each half of the batch of 50 this item was sent in, so every item of it is taken to have this problem.',
			);
		});
	});

	it('spends at most one extra POST per record of the batch, then gives up on the rest', async () => {
		// Every record is bad for a reason of its own, so halves never fail alike.
		const summaries = letters(8);
		const results = await upsert(summaries, (records) => `Problem with ${records[0].summary}`);
		assert.deepEqual(posts(), [
			summaries,
			['t0', 't1', 't2', 't3'],
			['t4', 't5', 't6', 't7'],
			['t0', 't1'],
			['t2', 't3'],
			['t0'],
			['t1'],
			['t2'],
			['t3'],
		]);
		assert.deepEqual(
			results.map((result) => result.error?.message),
			[
				'Halo rejected the request: Problem with t0',
				'Halo rejected the request: Problem with t1',
				'Halo rejected the request: Problem with t2',
				'Halo rejected the request: Problem with t3',
				...Array.from(
					{ length: 4 },
					() =>
						'Not written: Halo rejected a batch with this item, and the item was not tested alone',
				),
			],
		);
		assert.equal(
			results[4].error?.description,
			'To find the bad records of a batch of 8 the node sends at most 8 extra requests, and they were used up. Run these items again with a Batch Size of 1. Halo said: Problem with t4',
		);
		assert.deepEqual(
			results.map((result) => result.error?.context.itemIndex),
			[0, 1, 2, 3, 4, 5, 6, 7],
		);
	});

	it('with stopAtFirstError, sends the batch once and throws on its first item', async () => {
		await assert.rejects(
			upsert(['a', 'bad', 'c'], () => 'Something is not right', { stopAtFirstError: true }),
			(error: NodeApiError) => {
				assert.equal(error.message, 'Halo rejected the request: Something is not right');
				assert.equal(
					error.description,
					'Check the values sent to Halo; mandatory fields can depend on the ticket type or on Halo’s configuration. Halo did not say which item of the batch it refused; the error is shown on its first item. No item was written to Halo before this batch (items 0-2); no item came after it.',
				);
				assert.equal(error.context.itemIndex, 0);
				return true;
			},
		);
		assert.deepEqual(posts(), [['a', 'bad', 'c']]);
	});
});

describe('retries', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startHaloSandbox({ tickets: 10 })));
	after(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.resetRequests();
		sandbox.clearFaults();
		sandbox.setRateLimit(false);
	});
	const context = () => createExecuteContext({ credentials: sandboxCredentialStore(sandbox) });
	const create = (summary: string) => ({
		method: 'POST' as const,
		path: '/Tickets',
		body: [{ summary, tickettype_id: 1 }],
	});
	const count = (summary: string) =>
		sandbox.store('tickets').filter((ticket) => ticket.summary === summary).length;

	it('waits out a 429 as long as Retry-After says and carries on', async () => {
		sandbox.setRateLimit({ requests: 3, windowSeconds: 1, sendRetryAfter: true });
		const ctx = context();
		for (let id = 1; id <= 4; id++)
			await haloApiRequest.call(ctx, { method: 'GET', path: `/Tickets/${id}` });
		const statuses = apiCalls(sandbox).map((entry) => entry.status);
		assert.deepEqual(statuses.filter((status) => status === 200).length, 4);
		assert.ok(statuses.includes(429));
		assert.ok(
			ctx.logs.some(
				(entry) =>
					entry.level === 'warn' &&
					/GET \/Tickets\/\d failed \(429\); retry 1 in 1000 ms/.test(entry.message),
			),
		);
	});

	it('repeats a GET after a 503', async () => {
		sandbox.setFaults([{ method: 'GET', path: '/api/Tickets/2', status: 503, times: 1 }]);
		const ticket = <{ id: number }>await haloApiRequest.call(context(), {
			method: 'GET',
			path: '/Tickets/2',
		});
		assert.equal(ticket.id, 2);
		assert.deepEqual(
			apiCalls(sandbox).map((entry) => entry.status),
			[503, 200],
		);
	});

	it('does not send a create again when the connection drops after Halo processed it', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', drop: 'after', times: 1 }]);
		await assert.rejects(haloApiRequest.call(context(), create('dropped after')), {
			message:
				'Halo may have created these records: the request was sent but its outcome is unknown',
		});
		assert.equal(apiCalls(sandbox).length, 1);
		assert.equal(count('dropped after'), 1);
	});

	it('does not send a create again when the connection drops before (the client cannot tell)', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', drop: 'before', times: 1 }]);
		await assert.rejects(haloApiRequest.call(context(), create('dropped before')), {
			message:
				'Halo may have created these records: the request was sent but its outcome is unknown',
		});
		assert.equal(apiCalls(sandbox).length, 1);
		assert.equal(count('dropped before'), 0);
	});

	it('does not send a create again after a 502', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', status: 502, times: 1 }]);
		await assert.rejects(
			haloApiRequest.call(context(), create('bad gateway')),
			/Halo may have created these records/,
		);
		assert.equal(apiCalls(sandbox).length, 1);
	});

	it('sends an update (ids only) again after a dropped connection', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', drop: 'after', times: 1 }]);
		const answer = <{ summary: string }>await haloApiRequest.call(context(), {
			method: 'POST',
			path: '/Tickets',
			body: [{ id: 1, summary: 'updated twice, harmlessly' }],
		});
		assert.equal(answer.summary, 'updated twice, harmlessly');
		assert.equal(apiCalls(sandbox).length, 2);
	});

	it('sends a create again after a 429, which Halo refuses before handling it', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', status: 429, times: 1 }]);
		await haloApiRequest.call(context(), create('after a 429'));
		assert.equal(count('after a 429'), 1);
		assert.deepEqual(
			apiCalls(sandbox).map((entry) => [entry.method, entry.status]),
			[
				['POST', 429],
				['POST', 201],
			],
		);
	});
});
