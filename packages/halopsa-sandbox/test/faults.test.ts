import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

describe('faults (types.ts FaultRule)', () => {
	let client: Client;
	before(async () => {
		client = await startClient({
			tickets: 12,
			faults: [{ method: 'GET', path: '/api/Agent/me', status: 502, times: 1 }],
		});
	});
	after(() => client.sandbox.close());

	const ticket = () => ({ summary: 'Fault test', tickettype_id: 1 });

	it('applies faults given at start, by count', async () => {
		const first = await client.api('/agent/ME');
		assert.equal(first.status, 502);
		assert.deepEqual(await first.json(), {
			ClassName: 'System.Exception',
			Message: 'Injected fault: HTTP 502.',
		});
		assert.equal((await client.api('/Agent/me')).status, 200);
	});

	it('answers a status with a given body, matching method and path patterns, and logs it', async () => {
		client.sandbox.setFaults([
			{ method: 'GET', path: '/api/*/1', status: 503, body: { Message: 'busy' }, times: 2 },
		]);
		client.sandbox.resetRequests();
		const response = await client.api('/Client/1');
		assert.equal(response.status, 503);
		assert.deepEqual(await response.json(), { Message: 'busy' });
		assert.equal((await client.api('/Client/2')).status, 200);
		assert.equal((await client.api('/Site/1')).status, 503);
		assert.equal((await client.api('/Site/1')).status, 200);
		assert.deepEqual(
			client.sandbox.requests().map((entry) => [entry.path, entry.status, entry.fault]),
			[
				['/api/Client/1', 503, 'status'],
				['/api/Client/2', 200, undefined],
				['/api/Site/1', 503, 'status'],
				['/api/Site/1', 200, undefined],
			],
		);
	});

	it('drops the connection before processing: nothing is written', async () => {
		client.sandbox.setFaults([{ method: 'POST', path: '/api/**', drop: 'before', times: 1 }]);
		const count = client.sandbox.store('tickets').length;
		await assert.rejects(client.api('/Tickets', { body: [ticket()] }));
		assert.equal(client.sandbox.store('tickets').length, count);
		assert.equal(client.sandbox.requests().at(-1)?.fault, 'drop-before');
		assert.equal((await client.api('/Tickets', { body: [ticket()] })).status, 201);
	});

	it('drops the connection after processing: the create happened, the client never hears of it', async () => {
		client.sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', drop: 'after', times: 1 }]);
		const count = client.sandbox.store('tickets').length;
		await assert.rejects(client.api('/Tickets', { body: [ticket()] }));
		assert.equal(client.sandbox.store('tickets').length, count + 1);
		const entry = client.sandbox.requests().at(-1)!;
		assert.equal(entry.fault, 'drop-after');
		assert.equal(entry.status, 201);
	});

	it('adds latency to matching requests', async () => {
		client.sandbox.setFaults([{ path: '/api/Status', delayMs: 30 }]);
		assert.equal((await client.api('/Status')).status, 200);
		const entry = client.sandbox.requests().at(-1)!;
		assert.equal(entry.fault, 'delay');
		assert.ok(entry.durationMs >= 25);
	});

	it('fires by a seeded probability, repeating exactly', async () => {
		const run = async () => {
			client.sandbox.setFaults([{ path: '/api/Status', status: 500, probability: 0.5, seed: 42 }]);
			const statuses: number[] = [];
			for (let i = 0; i < 16; i++) statuses.push((await client.api('/Status')).status);
			return statuses;
		};
		const first = await run();
		assert.deepEqual(await run(), first);
		assert.ok(first.includes(500) && first.includes(200), first.join(','));
		client.sandbox.clearFaults();
		assert.equal((await client.api('/Status')).status, 200);
	});
});
