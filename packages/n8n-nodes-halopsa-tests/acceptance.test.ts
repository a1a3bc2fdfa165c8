/**
 * The request budget issue 3 promises ("Done when"), counted from the sandbox's request log:
 * Get Many with Return All over 10,000 tickets, and Create from 500 items.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { runNode } from './node-run';

describe('request budget against a sandbox with 10,000 tickets', () => {
	let sandbox: Sandbox;

	before(async () => {
		sandbox = await startHaloSandbox({ tickets: 10_000 });
	});

	after(async () => {
		await sandbox.close();
	});

	it('Get Many with Return All returns all 10,000 tickets in 100 list requests', async () => {
		sandbox.resetRequests();

		const items = await runNode(sandbox, {
			parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, simplify: false },
		});

		const lists = sandbox.requests().filter((entry) => !entry.isTokenRequest);
		assert.equal(items.length, 10_000);
		assert.equal(new Set(items.map((item) => item.json.id)).size, 10_000);
		assert.equal(lists.length, 100);
		assert.ok(lists.every((entry) => entry.method === 'GET' && entry.query.page_size === '100'));
		// Page 1 first, then the other 99 a few at a time: each asked for once.
		assert.equal(lists[0].query.page_no, '1');
		assert.deepEqual(
			lists.map((entry) => Number(entry.query.page_no)).sort((a, b) => a - b),
			Array.from({ length: 100 }, (_, index) => index + 1),
		);
	});

	it('creates 500 tickets from 500 items with 10 POSTs and one token', async () => {
		const ticketType = sandbox.store('tickettypes').find((type) => type.use === 'ticket')
			?.id as number;
		const before = sandbox.store('tickets').length;
		sandbox.resetRequests();

		const items = await runNode(sandbox, {
			parameters: Array.from({ length: 500 }, (_, index) => ({
				resource: 'ticket',
				operation: 'create',
				tickettype_id: ticketType,
				summary: `Budget check ${index}`,
			})),
		});

		const log = sandbox.requests();
		const posts = log.filter((entry) => !entry.isTokenRequest && entry.method === 'POST');
		const tokenRequests = log.filter((entry) => entry.isTokenRequest && entry.status === 200);
		assert.equal(items.length, 500);
		assert.deepEqual(
			items.map((item) => item.json.summary),
			Array.from({ length: 500 }, (_, index) => `Budget check ${index}`),
		);
		assert.equal(sandbox.store('tickets').length, before + 500);
		assert.deepEqual(
			posts.map((entry) => entry.bodyItems),
			Array.from({ length: 10 }, () => 50),
		);
		// A credential used for the first time fetches one token, shared by all ten POSTs.
		assert.equal(tokenRequests.length, 1);
		assert.equal(new Set(posts.map((entry) => entry.token)).size, 1);
	});
});
