import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createCredentialStore, startFakeHalo, type FakeHalo, type FakeRequest } from './harness';
import { runPoll } from './trigger-run';

const DESCRIPTION_TAIL =
	'The trigger reads changes oldest first from the date it asks for and keeps its place by the newest change it has handed out; from a page Halo did not sort or filter as asked it would skip changes without notice, so it stopped and kept its place. Check that the Resource Server URL points at Halo’s API itself (not a proxy that rewrites the query). If it does, this Halo version does not sort or filter GET /Tickets by last_update: use a Schedule Trigger with HaloPSA > Ticket > Get Many instead, and report your Halo version to the package’s issue tracker.';

/** A ticket list row as Halo writes it: dates in UTC without a zone (api-notes §2.8). */
const ticket = (id: number, lastUpdate: string) => ({
	id,
	summary: `Ticket ${id}`,
	dateoccurred: '2026-01-05T08:00:00',
	last_update: lastUpdate,
});

const page = (tickets: IDataObject[], recordCount = tickets.length) => ({
	body: { record_count: recordCount, tickets },
});

const ids = (output: INodeExecutionData[][] | null) =>
	(output?.[0] ?? []).map((item) => (item.json.ticket as IDataObject).id);

/**
 * Halo silently ignores parameters it does not honour (api-notes §2.6); a fake Halo plays one that
 * ignores the order or the date filter, which the sandbox (which honours both) cannot.
 */
describe('HaloPSA Trigger: a Halo that ignores the order or the date asked for', () => {
	let fake: FakeHalo | undefined;
	afterEach(async () => await fake?.close());

	async function serve(reply: (request: FakeRequest) => ReturnType<typeof page>) {
		fake = await startFakeHalo((request) =>
			request.method === 'GET' && request.path === '/api/Tickets'
				? reply(request)
				: { status: 404, body: { ClassName: 'NotFound' } },
		);
		return createCredentialStore(fake.credentials());
	}

	const placed = () => ({
		ticketCursor: { lastUpdate: '2026-06-01T10:00:00.000Z', seen: { '7': 'fingerprint-of-7' } },
	});

	it('a page out of last_update order: the poll fails and keeps its place', async () => {
		const credentials = await serve(() =>
			page([
				ticket(3, '2026-06-01T10:00:09'),
				ticket(1, '2026-06-01T10:00:05'),
				ticket(2, '2026-06-01T10:00:07'),
			]),
		);
		const staticData: IDataObject = placed();

		await assert.rejects(runPoll({ credentials, staticData }), {
			name: 'NodeApiError',
			message: 'Halo ignored order=last_update on GET /Tickets',
			description: `Ticket 1 (last_update 2026-06-01T10:00:05) came after ticket 3 (last_update 2026-06-01T10:00:09) on page 1. ${DESCRIPTION_TAIL}`,
		});

		assert.deepEqual(staticData, placed());
		assert.deepEqual(
			fake?.requests
				.filter((request) => request.path === '/api/Tickets')
				.map((r) => r.query.toString()),
			[
				'order=last_update&orderdesc=false&order2=id&orderdesc2=false&lastupdatefromdate=2026-06-01T09%3A59%3A59Z&pageinate=true&page_size=100&page_no=1',
			],
		);
	});

	it('a good full page, then one out of order: nothing comes out and the place stays', async () => {
		// Page 1 of the first query is in order and full; the query from its newest change is not.
		const credentials = await serve((request) =>
			request.query.get('lastupdatefromdate') === '2026-06-01T09:59:59Z'
				? page(
						Array.from({ length: 100 }, (_, i) =>
							ticket(
								100 + i,
								`2026-06-01T10:${String(1 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
							),
						),
						250,
					)
				: page([ticket(900, '2026-06-01T11:00:00'), ticket(5, '2026-06-01T10:30:00')], 2),
		);
		const staticData: IDataObject = placed();

		await assert.rejects(runPoll({ credentials, staticData }), {
			message: 'Halo ignored order=last_update on GET /Tickets',
		});

		assert.deepEqual(staticData, placed());
		assert.deepEqual(
			fake?.requests
				.filter((request) => request.path === '/api/Tickets')
				.map((request) => request.query.get('lastupdatefromdate')),
			['2026-06-01T09:59:59Z', '2026-06-01T10:02:38Z'],
		);
	});

	it('rows of one instant against order2=id: the poll fails and keeps its place', async () => {
		const credentials = await serve(() =>
			page([ticket(5, '2026-06-01T10:00:05'), ticket(4, '2026-06-01T10:00:05')]),
		);
		const staticData: IDataObject = placed();

		await assert.rejects(runPoll({ credentials, staticData }), {
			message: 'Halo ignored order2=id on GET /Tickets',
			description: `Ticket 4 (last_update 2026-06-01T10:00:05) came after ticket 5 (last_update 2026-06-01T10:00:05) on page 1. ${DESCRIPTION_TAIL}`,
		});
		assert.deepEqual(staticData, placed());
	});

	it('a row changed before lastupdatefromdate: the poll fails and keeps its place', async () => {
		const credentials = await serve(() =>
			page([ticket(1, '2026-05-20T08:00:00'), ticket(2, '2026-06-01T10:00:05')]),
		);
		const staticData: IDataObject = placed();

		await assert.rejects(runPoll({ credentials, staticData }), {
			message: 'Halo ignored lastupdatefromdate on GET /Tickets',
			description: `Ticket 1 has last_update 2026-05-20T08:00:00, before lastupdatefromdate=2026-06-01T09:59:59Z on page 1. ${DESCRIPTION_TAIL}`,
		});
		assert.deepEqual(staticData, placed());
	});

	it('the first poll refuses a page not newest first and starts no cursor', async () => {
		const credentials = await serve(() =>
			page([ticket(1, '2026-06-01T10:00:05'), ticket(2, '2026-06-01T10:00:07')]),
		);
		const staticData: IDataObject = {};

		await assert.rejects(runPoll({ credentials, staticData }), {
			message: 'Halo ignored order=last_update&orderdesc=true on GET /Tickets',
			description: `Ticket 2 (last_update 2026-06-01T10:00:07) came after ticket 1 (last_update 2026-06-01T10:00:05) on page 1. ${DESCRIPTION_TAIL}`,
		});
		assert.deepEqual(staticData, {});
		assert.equal(
			fake?.requests.at(-1)?.query.toString(),
			'order=last_update&orderdesc=true&pageinate=true&page_size=100&page_no=1',
		);
	});

	it('dates finer than a millisecond settle the order, not the ids', async () => {
		const credentials = await serve(() =>
			page([ticket(8, '2026-06-01T10:00:05.7895915'), ticket(2, '2026-06-01T10:00:05.7895918')]),
		);
		const staticData: IDataObject = placed();

		const output = await runPoll({ credentials, staticData });

		assert.deepEqual(ids(output), [8, 2]);
		const cursor = staticData.ticketCursor as { lastUpdate: string; seen: IDataObject };
		assert.equal(cursor.lastUpdate, '2026-06-01T10:00:05.789Z');
		assert.deepEqual(Object.keys(cursor.seen).sort(), ['2', '8']);
	});
});
