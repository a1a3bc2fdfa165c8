import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

/** Wrapped "View" resources and their list keys (api-notes §2.4, §4, appendix A). */
const WRAPPED: Array<[string, string]> = [
	['Tickets', 'tickets'],
	['Projects', 'tickets'],
	['Opportunities', 'tickets'],
	['Client', 'clients'],
	['Site', 'sites'],
	['Users', 'users'],
	['Asset', 'assets'],
	['Invoice', 'invoices'],
	['ClientContract', 'contracts'],
	['Quotation', 'quotes'],
	['Appointment', 'appointments'],
	['KBArticle', 'articles'],
	['Supplier', 'suppliers'],
	['Item', 'items'],
	['Attachment', 'attachments'],
];
const BARE = [
	'Agent',
	'Status',
	'Priority',
	'TicketType',
	'Team',
	'Category',
	'Outcome',
	'FieldInfo',
	'Webhook',
	'WebhookEvent',
	'AssetType',
];

describe('list envelopes and single reads (api-notes §2.3, §2.4)', () => {
	let client: Client;
	before(async () => {
		client = await startClient({ tickets: 60 });
	});
	after(() => client.sandbox.close());

	for (const [path, key] of WRAPPED) {
		it(`GET /api/${path} answers a View object with rows under '${key}'`, async () => {
			const body = await client.json(`/${path}`);
			assert.equal(Array.isArray(body), false);
			assert.ok(Array.isArray(body[key]), `${key} is an array`);
			assert.equal(body.record_count, body[key].length);
			assert.equal(body.page_no, 1);
			assert.deepEqual(body.columns, []);
		});
	}

	for (const path of BARE) {
		it(`GET /api/${path} answers a bare array`, async () => {
			const body = await client.json(`/${path}`);
			assert.ok(Array.isArray(body));
		});
	}

	it('always sends the folders sidecar with attachments (SERV #265)', async () => {
		const body = await client.json('/Attachment');
		assert.deepEqual(body.folders, []);
	});

	it('lists under Tickets, Projects and Opportunities only the tickets whose type has that use', async () => {
		const uses = new Map(client.sandbox.store('tickettypes').map((type) => [type.id, type.use]));
		for (const [path, use] of [
			['Tickets', 'ticket'],
			['Projects', 'project'],
			['Opportunities', 'opportunity'],
		]) {
			const body = await client.json(`/${path}?count=1000`);
			const expected = client.sandbox
				.store('tickets')
				.filter(
					(ticket) =>
						(uses.get(ticket.tickettype_id) ?? 'ticket') === use && ticket.deleted !== true,
				)
				.map((ticket) => ticket.id);
			assert.deepEqual(
				body.tickets.map((ticket: { id: number }) => ticket.id),
				expected,
				path,
			);
		}
	});

	it('serves paths case-insensitively', async () => {
		const lower = await client.json('/tickets/2');
		const upper = await client.json('/TICKETS/2');
		assert.deepEqual(lower, upper);
		assert.ok(Array.isArray(await client.json('/status')));
	});

	it('answers GET by id with the bare entity', async () => {
		const stored = client.sandbox.store('clients')[0];
		assert.deepEqual(await client.json(`/Client/${stored.id}`), stored);
		const priority = client.sandbox.store('priorities')[0];
		assert.deepEqual(await client.json(`/Priority/${priority.id}`), priority);
	});

	it('answers 404 with a Halo error body for an unknown id', async () => {
		const response = await client.api('/Tickets/999999');
		assert.equal(response.status, 404);
		assert.deepEqual(await response.json(), {
			ClassName: 'System.Exception',
			Message: 'Tickets 999999 was not found.',
		});
	});

	it('answers GET /api/Agent/me with the agent the application logs in as', async () => {
		const me = await client.json('/Agent/me');
		assert.equal(me.id, 1);
		assert.deepEqual(
			me,
			client.sandbox.store('agents').find((agent) => agent.id === 1),
		);
	});

	it('answers 404 for a path that is not a resource', async () => {
		const response = await client.api('/NoSuchThing');
		assert.equal(response.status, 404);
		assert.equal((await response.json()).Message, 'No API endpoint at /api/NoSuchThing.');
	});

	it('lists actions of a ticket under actions, and reads one with ticket_id (§2.3)', async () => {
		const action = client.sandbox.store('actions')[0];
		const body = await client.json(`/Actions?ticket_id=${action.ticket_id}`);
		const expected = client.sandbox
			.store('actions')
			.filter((row) => row.ticket_id === action.ticket_id);
		assert.deepEqual(body.actions, expected);
		assert.deepEqual(
			await client.json(`/Actions/${action.id}?ticket_id=${action.ticket_id}`),
			action,
		);
		const without = await client.api(`/Actions/${action.id}`);
		assert.equal(without.status, 400);
	});
});
