import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

type Row = Record<string, any>;

describe('POST upserts (api-notes §2.2)', () => {
	let client: Client;
	let ticketType: number;
	before(async () => {
		client = await startClient({ tickets: 20 });
		ticketType = Number(
			client.sandbox.store('tickettypes').find((type) => type.use === 'ticket')!.id,
		);
	});
	after(() => client.sandbox.close());

	const post = async (path: string, body: unknown) => {
		const response = await client.api(path, { body });
		return { status: response.status, body: (await response.json()) as any };
	};

	it('creates from an array item without id, answers 201 with the object, stamps last_update and drops _ fields', async () => {
		const before = client.sandbox.store('tickets').length;
		const nextId = Math.max(...client.sandbox.store('tickets').map((t) => Number(t.id))) + 1;
		const { status, body } = await post('/Tickets', [
			{ summary: 'Printer on fire', tickettype_id: ticketType, _dont_fire_automations: true },
		]);
		assert.equal(status, 201);
		assert.equal(Array.isArray(body), false);
		assert.equal(body.id, nextId);
		assert.equal(body.summary, 'Printer on fire');
		assert.equal('_dont_fire_automations' in body, false);
		assert.ok(Date.now() - Date.parse(body.last_update) < 60_000);
		assert.equal(client.sandbox.store('tickets').length, before + 1);
		assert.deepEqual(await client.json(`/Tickets/${nextId}`), body);
	});

	it('treats id 0 as a create and accepts a bare object', async () => {
		const { status, body } = await post('/Tickets', {
			id: 0,
			summary: 'Bare',
			tickettype_id: ticketType,
		});
		assert.equal(status, 201);
		assert.ok(body.id > 0);
	});

	it('answers an array, in order, for several items', async () => {
		const { body } = await post('/Client', [{ name: 'First Ltd' }, { name: 'Second Ltd' }]);
		assert.ok(Array.isArray(body));
		assert.deepEqual(
			body.map((row: Row) => row.name),
			['First Ltd', 'Second Ltd'],
		);
		assert.equal(body[1].id, body[0].id + 1);
	});

	it('updates with an id, merging fields but replacing arrays whole (HAPI #13)', async () => {
		const { body: created } = await post('/Tickets', [
			{
				summary: 'Custom fields',
				details: 'kept',
				tickettype_id: ticketType,
				customfields: [
					{ id: 1, name: 'CFa', value: 'a' },
					{ id: 2, name: 'CFb', value: 'b' },
				],
			},
		]);
		const { status, body } = await post('/Tickets', [
			{ id: created.id, summary: 'Renamed', customfields: [{ id: 2, name: 'CFb', value: 'B' }] },
		]);
		assert.equal(status, 200);
		assert.equal(body.summary, 'Renamed');
		assert.equal(body.details, 'kept');
		assert.deepEqual(body.customfields, [{ id: 2, name: 'CFb', value: 'B' }]);
		const stored = client.sandbox.store('tickets').find((t) => t.id === created.id)!;
		assert.deepEqual(stored.customfields, [{ id: 2, name: 'CFb', value: 'B' }]);
	});

	it('answers 404 keyed by the item for an unknown id, and writes nothing', async () => {
		const { status, body } = await post('/Client', [{ id: 99999, name: 'Ghost' }]);
		assert.equal(status, 404);
		assert.deepEqual(body, { '[0].id': ['Client 99999 was not found.'] });
	});

	it('checks every item first and writes nothing when one fails', async () => {
		const count = client.sandbox.store('tickets').length;
		const { status, body } = await post('/Tickets', [
			{ summary: 'ok', tickettype_id: ticketType },
			{ summary: 'also ok', tickettype_id: ticketType },
			{ tickettype_id: ticketType },
		]);
		assert.equal(status, 400);
		assert.deepEqual(body, { '[2].summary': ['A summary is required'] });
		assert.equal(client.sandbox.store('tickets').length, count);
	});

	it('numbers new actions per ticket and applies new_status to the ticket', async () => {
		const ticketId = Number(client.sandbox.store('tickets')[0].id);
		const existing = client.sandbox.store('actions').filter((a) => a.ticket_id === ticketId);
		const outcome = client.sandbox.store('outcomes')[0];
		const status = client.sandbox
			.store('statuses')
			.find((s) => s.id !== client.sandbox.store('tickets')[0].status_id)!;
		const { status: code, body } = await post('/Actions', [
			{
				ticket_id: ticketId,
				outcome_id: outcome.id,
				note: 'Called the user',
				new_status: status.id,
			},
		]);
		assert.equal(code, 201);
		assert.equal(body.id, Math.max(0, ...existing.map((a) => Number(a.id))) + 1);
		assert.equal(body.ticket_id, ticketId);
		const again = await client.json(`/Actions/${body.id}?ticket_id=${ticketId}`);
		assert.equal(again.note, 'Called the user');
		assert.equal((await client.json(`/Tickets/${ticketId}`)).status_id, status.id);
	});

	it('gives webhooks a GUID id and priorities a GUID plus an integer priorityid (§2.8)', async () => {
		const { body: webhook } = await post('/Webhook', [
			{
				name: 'n8n',
				url: 'http://127.0.0.1:9/hook',
				events: [{ id: 0, name: 'New Ticket Logged' }],
			},
		]);
		assert.match(webhook.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		const { body: priority } = await post('/Priority', [{ name: 'P9' }]);
		assert.match(priority.id, /^[0-9a-f-]{36}$/);
		assert.equal(
			priority.priorityid,
			Math.max(...client.sandbox.store('priorities').map((p) => Number(p.priorityid ?? 0))),
		);
		assert.deepEqual(await client.json(`/Priority/${priority.id.toUpperCase()}`), priority);
	});

	it('answers 405 for writes to WebhookEvent, which Halo does not offer', async () => {
		const { status } = await post('/WebhookEvent', [{}]);
		assert.equal(status, 405);
	});
});

describe('business rules (api-notes §2.2, HAPI #21 #66) [wording inferred]', () => {
	let client: Client;
	before(async () => {
		client = await startClient({ tickets: 12 });
	});
	after(() => client.sandbox.close());

	const post = async (path: string, body: unknown) => {
		const response = await client.api(path, { body });
		return { status: response.status, body: (await response.json()) as any };
	};

	it('needs a summary and an existing ticket type on a ticket', async () => {
		const { status, body } = await post('/Tickets', [
			{ details: 'x' },
			{ summary: 's', tickettype_id: 999 },
		]);
		assert.equal(status, 400);
		assert.deepEqual(body, {
			'[0].summary': ['A summary is required'],
			'[0].tickettype_id': ['A ticket type is required'],
			'[1].tickettype_id': ['Ticket type 999 does not exist'],
		});
	});

	it('needs an existing customer on a site and an existing site on a user', async () => {
		assert.deepEqual((await post('/Site', [{ name: 'HQ' }])).body, {
			'[0].client_id': ['A site must belong to a customer: client_id is required'],
		});
		assert.deepEqual((await post('/Site', [{ name: 'HQ', client_id: 9999 }])).body, {
			'[0].client_id': ['Customer 9999 does not exist'],
		});
		assert.deepEqual((await post('/Users', [{ name: 'Ann' }])).body, {
			'[0].site_id': ['A user must belong to a site: site_id is required'],
		});
		const site = client.sandbox.store('sites')[0];
		const { status, body } = await post('/Users', [{ name: 'Ann', site_id: site.id }]);
		assert.equal(status, 201);
		assert.equal(body.client_id, site.client_id);
	});

	it('needs an existing ticket and an outcome on an action', async () => {
		const { status, body } = await post('/Actions', [
			{ note: 'x' },
			{ ticket_id: 99999, outcome_id: 1 },
		]);
		assert.equal(status, 400);
		assert.deepEqual(body, {
			'[0].ticket_id': ['A ticket_id is required'],
			'[0].outcome_id': ['An outcome (outcome_id) is required'],
			'[1].ticket_id': ['Ticket 99999 does not exist'],
		});
	});
});
