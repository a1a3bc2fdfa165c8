import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, tokenFor, type Client } from './helpers';

describe('admin routes under /_sandbox/', () => {
	let client: Client;
	let admin: (
		method: string,
		path: string,
		body?: unknown,
	) => Promise<{ status: number; body: any }>;
	before(async () => {
		client = await startClient({ tickets: 12 });
		admin = async (method, path, body) => {
			const response = await fetch(`${client.sandbox.url}/_sandbox/${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, body: await response.json() };
		};
	});
	after(() => client.sandbox.close());

	it('reads and resets the request log, which leaves admin calls out', async () => {
		await admin('DELETE', 'requests');
		await client.api('/Status?foo=bar');
		const { body } = await admin('GET', 'requests');
		assert.equal(body.length, 1);
		assert.equal(body[0].path, '/api/Status');
		assert.deepEqual(body[0].query, { foo: 'bar' });
		assert.equal(body[0].status, 200);
		assert.equal((await admin('DELETE', 'requests')).status, 200);
		assert.deepEqual((await admin('GET', 'requests')).body, []);
	});

	it('sets, lists and clears faults', async () => {
		const rules = [{ method: 'GET', path: '/api/Status', status: 500, times: 1 }];
		assert.deepEqual((await admin('PUT', 'faults', rules)).body, rules);
		assert.equal((await client.api('/Status')).status, 500);
		assert.equal((await admin('PUT', 'faults', { path: 1 })).status, 400);
		await admin('PUT', 'faults', [{ path: '/api/Status', status: 500 }]);
		assert.deepEqual((await admin('DELETE', 'faults')).body, []);
		assert.equal((await client.api('/Status')).status, 200);
	});

	it('revokes tokens', async () => {
		const token = await tokenFor(client.sandbox);
		assert.equal((await client.api('/Status', { token })).status, 200);
		assert.equal((await admin('POST', 'revoke-tokens')).status, 200);
		assert.equal((await client.api('/Status', { token })).status, 401);
	});

	it('reads a collection from the store, and names the known ones for an unknown one', async () => {
		const { body } = await admin('GET', 'store/statuses');
		assert.deepEqual(body, client.sandbox.store('statuses'));
		const unknown = await admin('GET', 'store/nothing');
		assert.equal(unknown.status, 404);
		assert.match(unknown.body.error, /Known: .*tickets/);
	});

	it('reads and changes settings: latency, rate limit and token lifetime', async () => {
		assert.deepEqual((await admin('GET', 'settings')).body, {
			latencyMs: 0,
			rateLimit: false,
			tokenTtlSeconds: 3600,
		});
		const changed = await admin('PUT', 'settings', {
			latencyMs: 5,
			rateLimit: { requests: 1000, windowSeconds: 60 },
			tokenTtlSeconds: 120,
		});
		assert.deepEqual(changed.body, {
			latencyMs: 5,
			rateLimit: { requests: 1000, windowSeconds: 60 },
			tokenTtlSeconds: 120,
		});
		const token = await fetch(`${client.sandbox.authUrl}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${client.sandbox.clientId}&client_secret=${client.sandbox.clientSecret}&scope=all`,
		});
		assert.equal(((await token.json()) as { expires_in: number }).expires_in, 120);
		assert.ok(client.sandbox.requests().at(-1)!.durationMs >= 4);
		await admin('PUT', 'settings', { latencyMs: 0, rateLimit: false, tokenTtlSeconds: 3600 });
	});

	it('lists webhook deliveries, adds applications and sets agent permissions', async () => {
		assert.deepEqual((await admin('GET', 'deliveries')).body, []);
		assert.equal(
			(
				await admin('POST', 'applications', {
					clientId: 'x',
					clientSecret: 'y',
					scopes: ['read:kb'],
					agentId: 1,
				})
			).status,
			200,
		);
		const token = await tokenFor(client.sandbox, {
			client_id: 'x',
			client_secret: 'y',
			scope: 'read:kb',
		});
		assert.equal((await client.api('/KBArticle', { token })).status, 200);
		assert.equal((await client.api('/Tickets', { token })).status, 403);
		await admin('PUT', 'agent-permissions/1', { read: ['tickets'], edit: [] });
		assert.equal((await client.api('/KBArticle', { token })).status, 403);
	});

	it('answers 404 for an unknown admin route', async () => {
		assert.equal((await admin('GET', 'nothing')).status, 404);
	});
});
