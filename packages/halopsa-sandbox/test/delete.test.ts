import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

describe('DELETE (api-notes §2.3, §3.2 #11)', () => {
	let client: Client;
	before(async () => {
		client = await startClient({ tickets: 20 });
	});
	after(() => client.sandbox.close());

	const listed = async (query = '') =>
		((await client.json(`/Tickets?count=1000${query}`)).tickets as Array<{ id: number }>).map(
			(t) => t.id,
		);

	it('soft-deletes a ticket: 200, gone from reads and lists, listed with deleted=true, restored with _recover', async () => {
		const id = (await listed())[0];
		const response = await client.api(`/Tickets/${id}`, { method: 'DELETE' });
		assert.equal(response.status, 200);
		assert.equal(await response.text(), '');
		assert.equal((await client.api(`/Tickets/${id}`)).status, 404);
		assert.equal((await listed()).includes(id), false);
		assert.deepEqual(await listed('&deleted=true'), [id]);
		assert.equal(client.sandbox.store('tickets').find((t) => t.id === id)?.deleted, true);

		const update = await client.api('/Tickets', { body: [{ id, summary: 'back?' }] });
		assert.equal(update.status, 404);
		const recovered = await client.api('/Tickets', { body: [{ id, _recover: true }] });
		assert.equal(recovered.status, 200);
		assert.equal((await recovered.json()).deleted, false);
		assert.equal((await listed()).includes(id), true);
	});

	it('removes other records for good', async () => {
		const clientId = client.sandbox.store('clients')[0].id;
		assert.equal((await client.api(`/Client/${clientId}`, { method: 'DELETE' })).status, 200);
		assert.equal((await client.api(`/Client/${clientId}`)).status, 404);
		assert.equal(
			client.sandbox.store('clients').some((c) => c.id === clientId),
			false,
		);
	});

	it('deletes an action by id and ticket_id, leaving the same id on other tickets', async () => {
		const actions = client.sandbox.store('actions');
		const target = actions[0];
		const sameIdElsewhere = actions.find(
			(a) => a.id === target.id && a.ticket_id !== target.ticket_id,
		)!;
		assert.ok(sameIdElsewhere, 'action ids repeat across tickets');
		assert.equal((await client.api(`/Actions/${target.id}`, { method: 'DELETE' })).status, 400);
		const response = await client.api(`/Actions/${target.id}?ticket_id=${target.ticket_id}`, {
			method: 'DELETE',
		});
		assert.equal(response.status, 200);
		assert.equal(
			(await client.api(`/Actions/${target.id}?ticket_id=${target.ticket_id}`)).status,
			404,
		);
		assert.equal(
			(await client.api(`/Actions/${sameIdElsewhere.id}?ticket_id=${sameIdElsewhere.ticket_id}`))
				.status,
			200,
		);
	});

	it('answers 404 for an unknown id', async () => {
		const response = await client.api('/Site/99999', { method: 'DELETE' });
		assert.equal(response.status, 404);
		assert.deepEqual(await response.json(), {
			ClassName: 'System.Exception',
			Message: 'Site 99999 was not found.',
		});
	});
});
