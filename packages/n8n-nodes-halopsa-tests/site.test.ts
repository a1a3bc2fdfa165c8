import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, list, runNode, stored } from './node-run';

describe('Site', () => {
	let sandbox: Sandbox;
	let clientId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		clientId = sandbox.store('clients')[0].id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('creates a site for a client, gets, updates and deletes it', async () => {
		const [created] = await runNode(sandbox, {
			parameters: {
				resource: 'site',
				operation: 'create',
				name: 'Head Office',
				client_id: list(clientId),
				additionalFields: { phonenumber: '0123 456' },
			},
		});
		const id = created.json.id as number;
		const [got] = await runNode(sandbox, {
			parameters: { resource: 'site', operation: 'get', siteId: byId(id), simplify: false },
		});
		await runNode(sandbox, {
			parameters: {
				resource: 'site',
				operation: 'update',
				siteId: byId(id),
				updateFields: { name: 'HQ' },
			},
		});
		const afterUpdate = stored(sandbox, 'sites', id);
		const [deleted] = await runNode(sandbox, {
			parameters: { resource: 'site', operation: 'delete', siteId: byId(id) },
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Site', query: {}, bodyItems: 1 },
			{ method: 'GET', path: `/api/Site/${id}`, query: {} },
			{ method: 'POST', path: '/api/Site', query: {}, bodyItems: 1 },
			{ method: 'DELETE', path: `/api/Site/${id}`, query: {} },
		]);
		assert.equal(created.json.client_id, clientId);
		assert.equal(created.json.phonenumber, '0123 456');
		assert.deepEqual(got.json, created.json);
		assert.equal(afterUpdate?.name, 'HQ');
		assert.deepEqual(deleted.json, { deleted: true, id });
	});

	it('gets the sites of one client', async () => {
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'site',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { client_id: byId(clientId) },
			},
		});

		assert.deepEqual(
			apiRequests(sandbox).map((request) => request.query.client_id),
			[String(clientId)],
		);
		assert.deepEqual(
			output.map((item) => item.json),
			sandbox.store('sites').filter((site) => site.client_id === clientId),
		);
	});
});
