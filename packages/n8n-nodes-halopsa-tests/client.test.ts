import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, runNode, stored } from './node-run';

describe('Client', () => {
	let sandbox: Sandbox;

	before(async () => (sandbox = await startHaloSandbox()));
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('creates, gets, updates and deletes a client', async () => {
		const [created] = await runNode(sandbox, {
			parameters: {
				resource: 'client',
				operation: 'create',
				name: 'Acme Ltd',
				additionalFields: { website: 'https://acme.test', is_vip: true },
				customFieldsUi: { customFieldValues: [{ field: 'CFAccountManager', value: 'Dana' }] },
			},
		});
		const id = created.json.id as number;
		const [got] = await runNode(sandbox, {
			parameters: { resource: 'client', operation: 'get', clientId: byId(id), simplify: false },
		});
		const [updated] = await runNode(sandbox, {
			parameters: {
				resource: 'client',
				operation: 'update',
				clientId: byId(id),
				updateFields: { notes: 'Pays on time' },
			},
		});
		const afterUpdate = stored(sandbox, 'clients', id);
		const [deleted] = await runNode(sandbox, {
			parameters: { resource: 'client', operation: 'delete', clientId: byId(id) },
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Client', query: {}, bodyItems: 1 },
			{ method: 'GET', path: `/api/Client/${id}`, query: {} },
			{ method: 'POST', path: '/api/Client', query: {}, bodyItems: 1 },
			{ method: 'DELETE', path: `/api/Client/${id}`, query: {} },
		]);
		assert.equal(created.json.name, 'Acme Ltd');
		assert.equal(created.json.website, 'https://acme.test');
		assert.equal(created.json.is_vip, true);
		assert.deepEqual(got, { json: created.json, pairedItem: { item: 0 } });
		assert.equal(afterUpdate?.notes, 'Pays on time');
		assert.equal(afterUpdate?.name, 'Acme Ltd');
		assert.deepEqual(updated, { json: afterUpdate, pairedItem: { item: 0 } });
		assert.deepEqual(deleted, { json: { deleted: true, id }, pairedItem: { item: 0 } });
		assert.equal(stored(sandbox, 'clients', id), undefined);
	});

	it('gets many clients, inactive ones only when asked', async () => {
		const all = sandbox.store('clients');
		const active = await runNode(sandbox, {
			parameters: { resource: 'client', operation: 'getAll', returnAll: true, simplify: false },
		});
		const everything = await runNode(sandbox, {
			parameters: {
				resource: 'client',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { includeinactive: true },
			},
		});

		assert.deepEqual(
			active.map((item) => item.json),
			all.filter((client) => client.inactive !== true),
		);
		assert.deepEqual(
			everything.map((item) => item.json),
			all,
		);
		const requests = apiRequests(sandbox);
		assert.equal(requests.length, 2);
		assert.equal(requests[1].query.includeinactive, 'true');
	});

	it('simplifies to at most ten fields with custom fields by name', async () => {
		const [created] = await runNode(sandbox, {
			parameters: {
				resource: 'client',
				operation: 'create',
				name: 'Simple Co',
				customFieldsUi: { customFieldValues: [{ field: 'CFAccountManager', value: 'Lee' }] },
			},
		});
		const [simple] = await runNode(sandbox, {
			parameters: {
				resource: 'client',
				operation: 'get',
				clientId: byId(created.json.id as number),
			},
		});

		assert.ok(Object.keys(simple.json).length <= 10);
		assert.equal(simple.json.name, 'Simple Co');
		assert.deepEqual(simple.json.customfields, { CFAccountManager: 'Lee' });
	});
});
