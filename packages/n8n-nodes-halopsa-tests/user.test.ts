import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode, stored } from './node-run';

describe('User', () => {
	let sandbox: Sandbox;
	let siteId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		siteId = sandbox.store('sites')[0].id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('creates a user on a site, gets, updates and deletes it', async () => {
		const [created] = await runNode(sandbox, {
			parameters: {
				resource: 'user',
				operation: 'create',
				name: 'Sam Jones',
				site_id: byId(siteId),
				additionalFields: { emailaddress: 'sam@acme.test', firstname: 'Sam', surname: 'Jones' },
			},
		});
		const id = created.json.id as number;
		const [got] = await runNode(sandbox, {
			parameters: { resource: 'user', operation: 'get', userId: byId(id), simplify: false },
		});
		await runNode(sandbox, {
			parameters: {
				resource: 'user',
				operation: 'update',
				userId: byId(id),
				updateFields: { phonenumber: '555 0100', inactive: true },
			},
		});
		const afterUpdate = stored(sandbox, 'users', id);
		const [deleted] = await runNode(sandbox, {
			parameters: { resource: 'user', operation: 'delete', userId: byId(id) },
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Users', query: {}, bodyItems: 1 },
			{ method: 'GET', path: `/api/Users/${id}`, query: {} },
			{ method: 'POST', path: '/api/Users', query: {}, bodyItems: 1 },
			{ method: 'DELETE', path: `/api/Users/${id}`, query: {} },
		]);
		assert.equal(created.json.site_id, siteId);
		assert.equal(created.json.emailaddress, 'sam@acme.test');
		assert.deepEqual(got.json, created.json);
		assert.equal(afterUpdate?.phonenumber, '555 0100');
		assert.equal(afterUpdate?.inactive, true);
		assert.deepEqual(deleted.json, { deleted: true, id });
	});

	it('gets users by site and search, simplified', async () => {
		const user = sandbox.store('users').find((row) => row.site_id === siteId);
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'user',
				operation: 'getAll',
				limit: 10,
				filters: { site_id: byId(siteId), search: String(user?.name) },
			},
		});

		const [request] = apiRequests(sandbox);
		assert.equal(request.query.site_id, String(siteId));
		assert.equal(request.query.search, String(user?.name));
		assert.ok(output.some((item) => item.json.id === user?.id));
		for (const item of output) assert.ok(Object.keys(item.json).length <= 10);
	});
});
