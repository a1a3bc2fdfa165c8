import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

type Row = { id: number };

describe('pagination (api-notes §2.5)', () => {
	let client: Client;
	let ticketIds: number[];
	before(async () => {
		client = await startClient({ tickets: 300 });
		const uses = new Map(client.sandbox.store('tickettypes').map((type) => [type.id, type.use]));
		ticketIds = client.sandbox
			.store('tickets')
			.filter(
				(ticket) =>
					(uses.get(ticket.tickettype_id) ?? 'ticket') === 'ticket' && ticket.deleted !== true,
			)
			.map((ticket) => Number(ticket.id));
		assert.ok(ticketIds.length > 200, 'enough tickets to page');
	});
	after(() => client.sandbox.close());

	const ids = (body: { tickets: Row[] }) => body.tickets.map((row) => row.id);

	it('answers 50 rows with record_count equal to the page when pageinate is absent', async () => {
		const body = await client.json('/Tickets?page_size=10&page_no=2');
		assert.deepEqual(ids(body), ticketIds.slice(0, 50));
		assert.equal(body.record_count, 50);
	});

	it('ignores page_no without pageinate=true, and pageinate=true without page_no', async () => {
		const body = await client.json('/Tickets?pageinate=true&page_size=10');
		assert.deepEqual(ids(body), ticketIds.slice(0, 50));
		assert.equal(body.record_count, 50);
	});

	it('pages with pageinate=true and page_no, record_count being the total', async () => {
		const body = await client.json('/Tickets?pageinate=true&page_size=10&page_no=3');
		assert.deepEqual(ids(body), ticketIds.slice(20, 30));
		assert.equal(body.record_count, ticketIds.length);
		assert.equal(body.page_no, 3);
		assert.equal(body.page_size, 10);
	});

	it('caps page_size at 100', async () => {
		const body = await client.json('/Tickets?pageinate=true&page_size=1000&page_no=1');
		assert.deepEqual(ids(body), ticketIds.slice(0, 100));
		assert.equal(body.page_size, 100);
	});

	it('answers an empty page past the end, still with the total', async () => {
		const body = await client.json('/Tickets?pageinate=true&page_size=100&page_no=50');
		assert.deepEqual(body.tickets, []);
		assert.equal(body.record_count, ticketIds.length);
	});

	it('answers count rows when not paginating', async () => {
		const body = await client.json('/Tickets?count=7');
		assert.deepEqual(ids(body), ticketIds.slice(0, 7));
		assert.equal(body.record_count, 7);
		const many = await client.json('/Tickets?count=120');
		assert.equal(many.tickets.length, 120);
	});

	it('pages assets 50 at a time whatever page_size says', async () => {
		const assets = client.sandbox
			.store('assets')
			.filter((asset) => asset.inactive !== true)
			.map((asset) => asset.id);
		assert.ok(assets.length > 50, 'enough assets to page');
		const body = await client.json('/Asset?pageinate=true&page_size=100&page_no=2');
		assert.deepEqual(
			body.assets.map((row: Row) => row.id),
			assets.slice(50, 100),
		);
		assert.equal(body.page_size, 50);
		assert.equal(body.record_count, assets.length);
	});

	it('returns every row of an unpaginated bare list', async () => {
		const agents = await client.json('/Agent');
		assert.equal(agents.length, client.sandbox.store('agents').length);
	});
});
