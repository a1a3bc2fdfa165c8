import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

describe('body types checked against Halo schemas (api-notes §2.9)', () => {
	let client: Client;
	before(async () => {
		client = await startClient({ tickets: 12 });
	});
	after(() => client.sandbox.close());

	it('answers 400 keyed by item and field, in ASP.NET words, for a wrong type', async () => {
		const count = client.sandbox.store('tickets').length;
		const response = await client.api('/Tickets', {
			body: [
				{ summary: 'fine', tickettype_id: 1 },
				{ summary: 'bad', tickettype_id: 1, client_id: 'twelve' },
			],
		});
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), {
			'[1].client_id': [
				'The JSON value could not be converted to System.Nullable`1[System.Int32]. Path: $[1].client_id | LineNumber: 0 | BytePositionInLine: 0.',
			],
		});
		assert.equal(client.sandbox.store('tickets').length, count);
	});

	it('checks nested arrays such as custom fields', async () => {
		const response = await client.api('/Client', {
			body: [{ name: 'X', customfields: [{ id: 'one' }] }],
		});
		assert.equal(response.status, 400);
		assert.deepEqual(Object.keys(await response.json()), ['[0].customfields[0].id']);
	});

	it('rejects a body that is not JSON', async () => {
		const response = await fetch(`${client.sandbox.resourceUrl}/Tickets`, {
			method: 'POST',
			headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
			body: '[{"summary":',
		});
		assert.equal(response.status, 400);
		assert.deepEqual(Object.keys(await response.json()), ['$']);
	});
});
