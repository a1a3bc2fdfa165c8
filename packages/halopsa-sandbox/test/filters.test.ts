import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

type Row = Record<string, unknown>;

describe('list filters and ordering (api-notes §2.6, §2.7)', () => {
	let client: Client;
	let tickets: Row[];
	before(async () => {
		client = await startClient({ tickets: 80 });
		const uses = new Map(client.sandbox.store('tickettypes').map((type) => [type.id, type.use]));
		tickets = client.sandbox
			.store('tickets')
			.filter(
				(ticket) =>
					(uses.get(ticket.tickettype_id) ?? 'ticket') === 'ticket' && ticket.deleted !== true,
			);
	});
	after(() => client.sandbox.close());

	const ticketIds = async (query: string) =>
		((await client.json(`/Tickets?count=1000&${query}`)).tickets as Row[]).map((row) => row.id);
	const idsOf = (rows: Row[]) => rows.map((row) => row.id);

	for (const field of ['client_id', 'site_id', 'user_id', 'agent_id', 'status_id']) {
		it(`filters tickets by ${field}`, async () => {
			const value = tickets.find(
				(ticket) => ticket[field] !== null && ticket[field] !== undefined,
			)?.[field];
			assert.notEqual(value, undefined);
			const expected = idsOf(tickets.filter((ticket) => ticket[field] === value));
			assert.ok(expected.length < tickets.length, `${field} narrows the list`);
			assert.deepEqual(await ticketIds(`${field}=${String(value)}`), expected);
		});
	}

	it('filters tickets by requesttype_id (the ticket type)', async () => {
		const value = tickets[0].tickettype_id;
		assert.deepEqual(
			await ticketIds(`requesttype_id=${String(value)}`),
			idsOf(tickets.filter((t) => t.tickettype_id === value)),
		);
	});

	it('searches ticket summaries case-insensitively', async () => {
		const word = String(tickets[3].summary).split(' ')[0].toUpperCase();
		const expected = idsOf(
			tickets.filter((ticket) =>
				['summary', 'details', 'client_name', 'user_name'].some((field) =>
					String(ticket[field] ?? '')
						.toLowerCase()
						.includes(word.toLowerCase()),
				),
			),
		);
		assert.ok(expected.includes(tickets[3].id));
		assert.deepEqual(await ticketIds(`search=${encodeURIComponent(word)}`), expected);
	});

	it('splits open and closed tickets by the status type', async () => {
		const closedStatuses = new Set(
			client.sandbox
				.store('statuses')
				.filter((s) => s.type === 1)
				.map((s) => s.id),
		);
		const closed = idsOf(tickets.filter((ticket) => closedStatuses.has(ticket.status_id)));
		const open = idsOf(tickets.filter((ticket) => !closedStatuses.has(ticket.status_id)));
		assert.ok(closed.length > 0 && open.length > 0);
		assert.deepEqual(await ticketIds('closed_only=true'), closed);
		assert.deepEqual(await ticketIds('open_only=true'), open);
	});

	it('filters by last_update with lastupdatefromdate and lastupdatetodate', async () => {
		const times = tickets
			.map((ticket) => Date.parse(String(ticket.last_update)))
			.sort((a, b) => a - b);
		const from = new Date(times[10]).toISOString();
		const to = new Date(times[30]).toISOString();
		const expected = idsOf(
			tickets.filter((ticket) => {
				const time = Date.parse(String(ticket.last_update));
				return time >= times[10] && time <= times[30];
			}),
		);
		assert.deepEqual(
			await ticketIds(`lastupdatefromdate=${from}&lastupdatetodate=${to}`),
			expected,
		);
	});

	it('filters by a date field with datesearch, startdate and enddate', async () => {
		const times = tickets
			.map((ticket) => Date.parse(String(ticket.dateoccurred)))
			.sort((a, b) => a - b);
		const expected = idsOf(
			tickets.filter((ticket) => {
				const time = Date.parse(String(ticket.dateoccurred));
				return time >= times[5] && time <= times[20];
			}),
		);
		const start = new Date(times[5]).toISOString();
		const end = new Date(times[20]).toISOString();
		// Halo's own example spells it 'dateoccured'.
		assert.deepEqual(
			await ticketIds(`datesearch=dateoccured&startdate=${start}&enddate=${end}`),
			expected,
		);
	});

	it('orders by a field, descending with orderdesc=true', async () => {
		const expected = idsOf(tickets.slice().sort((a, b) => Number(b.id) - Number(a.id)));
		assert.deepEqual(await ticketIds('order=id&orderdesc=true'), expected);
		const page = await client.json(
			'/Tickets?order=id&orderdesc=true&pageinate=true&page_no=1&page_size=5',
		);
		assert.deepEqual(idsOf(page.tickets), expected.slice(0, 5));
	});

	it('breaks ties with order2/orderdesc2', async () => {
		const byClientThenIdDesc = (a: Row, b: Row) =>
			Number(a.client_id) - Number(b.client_id) || Number(b.id) - Number(a.id);
		assert.deepEqual(
			await ticketIds('order=client_id&order2=id&orderdesc2=true'),
			idsOf(tickets.slice().sort(byClientThenIdDesc)),
		);
	});

	it('ignores unknown and misspelt parameters silently', async () => {
		assert.deepEqual(await ticketIds('clientid=1&approversonly=true&bogus=x'), idsOf(tickets));
	});

	it('hides inactive clients unless includeinactive=true; includeactive=false leaves only them', async () => {
		await client.json('/Client', { body: [{ name: 'Dormant Ltd', inactive: true }] });
		const clients = client.sandbox.store('clients');
		const inactive = idsOf(clients.filter((c) => c.inactive === true));
		assert.ok(inactive.length > 0, 'some inactive client exists');
		const list = async (query: string) =>
			idsOf((await client.json(`/Client?count=1000&${query}`)).clients);
		assert.deepEqual(await list(''), idsOf(clients.filter((c) => c.inactive !== true)));
		assert.deepEqual(await list('includeinactive=true'), idsOf(clients));
		assert.deepEqual(await list('includeinactive=true&includeactive=false'), inactive);
	});

	it('filters sites and users by client_id', async () => {
		const clientId = client.sandbox.store('sites')[0].client_id;
		const sites = idsOf(
			(await client.json(`/Site?client_id=${String(clientId)}&count=1000`)).sites,
		);
		assert.deepEqual(
			sites,
			idsOf(
				client.sandbox
					.store('sites')
					.filter((s) => s.client_id === clientId && s.inactive !== true),
			),
		);
	});

	it('answers only id fields with ticketidonly=true', async () => {
		const body = await client.json('/Tickets?ticketidonly=true&count=3');
		for (const row of body.tickets as Row[]) {
			assert.deepEqual(
				Object.keys(row).filter(
					(key) =>
						![
							'id',
							'sla_id',
							'status_id',
							'client_id',
							'client_name',
							'lastincomingemail',
						].includes(key),
				),
				[],
			);
			assert.equal(typeof row.id, 'number');
		}
	});
});
