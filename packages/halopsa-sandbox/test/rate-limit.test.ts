import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../src/index';
import { requestToken, tokenFor } from './helpers';

describe('rate limit: rolling window per API application (api-notes §3.1)', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({
			rateLimit: { requests: 5, windowSeconds: 300 },
			applications: [{ clientId: 'other', clientSecret: 'o', scopes: ['all'], agentId: 1 }],
		});
	});
	after(() => sandbox.close());

	const get = (token: string) =>
		fetch(`${sandbox.resourceUrl}/Status`, { headers: { authorization: `Bearer ${token}` } });

	it('counts token and API requests of one application and answers 429 with Halo text past the limit', async () => {
		const token = await tokenFor(sandbox); // 1
		for (let i = 0; i < 4; i++) assert.equal((await get(token)).status, 200); // 2..5
		const limited = await get(token);
		assert.equal(limited.status, 429);
		assert.equal(
			await limited.text(),
			'Rate Limit Reached - 5 Requests per rolling 5 minute window',
		);
		assert.equal(limited.headers.get('retry-after'), null);
		assert.equal((await requestToken(sandbox)).status, 429);

		// Another application has its own window.
		const other = await tokenFor(sandbox, { client_id: 'other', client_secret: 'o' });
		assert.equal((await get(other)).status, 200);
	});

	it('is configurable while running, with Retry-After on request, and can be switched off', async () => {
		sandbox.setRateLimit({ requests: 2, windowSeconds: 60, sendRetryAfter: true });
		const token = await tokenFor(sandbox);
		assert.equal((await get(token)).status, 200);
		const limited = await get(token);
		assert.equal(limited.status, 429);
		assert.equal(
			await limited.text(),
			'Rate Limit Reached - 2 Requests per rolling 1 minute window',
		);
		const retryAfter = Number(limited.headers.get('retry-after'));
		assert.ok(retryAfter >= 1 && retryAfter <= 60);

		sandbox.setRateLimit(false);
		for (let i = 0; i < 10; i++) assert.equal((await get(token)).status, 200);
	});

	it('frees slots as the window rolls on', async () => {
		sandbox.setRateLimit({ requests: 2, windowSeconds: 0.2 });
		const token = await tokenFor(sandbox);
		assert.equal((await get(token)).status, 200);
		assert.equal((await get(token)).status, 429);
		await new Promise((resolve) => setTimeout(resolve, 250));
		assert.equal((await get(token)).status, 200);
	});
});
