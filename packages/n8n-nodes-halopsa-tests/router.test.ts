import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode } from './node-run';

describe('router', () => {
	let sandbox: Sandbox;

	before(async () => (sandbox = await startHaloSandbox()));
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('names an operation the resource does not have', async () => {
		await assert.rejects(
			runNode(sandbox, { parameters: { resource: 'client', operation: 'close' } }),
			(error: unknown) =>
				error instanceof NodeOperationError &&
				error.message === 'The operation "close" is not supported for the resource "client"',
		);
		assert.deepEqual(sandbox.requests(), []);
	});

	it('runs read operations once per item, pairing every output with its item', async () => {
		const [first, second] = sandbox.store('clients');
		const output = await runNode(sandbox, {
			parameters: [first, second].map((client) => ({
				resource: 'client',
				operation: 'get',
				clientId: byId(client.id as number),
				simplify: false,
			})),
		});

		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.path),
			[`/api/Client/${first.id}`, `/api/Client/${second.id}`],
		);
		assert.deepEqual(output, [
			{ json: first, pairedItem: { item: 0 } },
			{ json: second, pairedItem: { item: 1 } },
		]);
	});

	it("stops at Halo's error with the index of the item that caused it", async () => {
		const client = sandbox.store('clients')[0];
		const parameters = [client.id, 987654, client.id].map((id) => ({
			resource: 'client',
			operation: 'get',
			clientId: byId(id as number),
		}));
		const error = await runNode(sandbox, { parameters }).then(
			() => assert.fail('expected a 404'),
			(thrown: unknown) => thrown,
		);

		assert.ok(error instanceof NodeApiError);
		assert.equal(error.httpCode, '404');
		assert.equal(error.context.itemIndex, 1);
		assert.equal(apiRequests(sandbox).length, 2);
	});

	it('with Continue On Fail, returns the error on its item and carries on', async () => {
		const client = sandbox.store('clients')[0];
		const parameters = [client.id, 987654, client.id].map((id) => ({
			resource: 'client',
			operation: 'delete',
			clientId: byId(id as number),
		}));
		const output = await runNode(sandbox, { parameters, continueOnFail: true });

		assert.equal(apiRequests(sandbox).length, 3);
		assert.deepEqual(output[0], {
			json: { deleted: true, id: client.id },
			pairedItem: { item: 0 },
		});
		assert.deepEqual(output[1].pairedItem, { item: 1 });
		assert.equal(typeof output[1].json.error, 'string');
		assert.deepEqual(output[2].pairedItem, { item: 2 });
		assert.equal(typeof output[2].json.error, 'string', 'the client is gone by the third item');
	});
});
