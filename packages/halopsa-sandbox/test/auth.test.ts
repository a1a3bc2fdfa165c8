import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../src/index';
import { requestToken, tokenFor } from './helpers';

describe('auth server (api-notes §1)', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({
			tenant: 'acme',
			clientId: 'app-id',
			clientSecret: 'app-secret',
			rateLimit: false,
			applications: [
				{
					clientId: 'narrow',
					clientSecret: 's2',
					scopes: ['read:tickets', 'edit:customers'],
					agentId: 1,
				},
			],
		});
	});
	after(() => sandbox.close());

	const api = (token: string | undefined, path = '/Tickets/1') =>
		fetch(`${sandbox.resourceUrl}${path}`, {
			headers: token ? { authorization: `Bearer ${token}` } : {},
		});

	it('issues an opaque bearer token on-premise style, with no tenant', async () => {
		const response = await requestToken(sandbox);
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('cache-control'), 'no-store');
		const body = (await response.json()) as Record<string, unknown>;
		assert.deepEqual(Object.keys(body).sort(), [
			'access_token',
			'expires_in',
			'scope',
			'token_type',
		]);
		assert.equal(body.token_type, 'Bearer');
		assert.equal(body.expires_in, 3600);
		assert.equal(body.scope, 'all');
		assert.match(String(body.access_token), /^[A-Za-z0-9_-]{40,}$/);
		assert.equal((await api(String(body.access_token))).status, 200);
	});

	it('accepts the tenant in the query string (hosted) and in the form body', async () => {
		assert.equal((await requestToken(sandbox, {}, '?tenant=acme')).status, 200);
		assert.equal((await requestToken(sandbox, { tenant: 'ACME' })).status, 200);
	});

	it('rejects an unknown tenant', async () => {
		const response = await requestToken(sandbox, {}, '?tenant=other');
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), {
			error: 'invalid_request',
			error_description: "The tenant 'other' does not exist.",
		});
	});

	it('accepts client_secret_basic', async () => {
		const response = await fetch(`${sandbox.authUrl}/token?tenant=acme`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from('app-id:app-secret').toString('base64')}`,
			},
			body: 'grant_type=client_credentials&scope=all',
		});
		assert.equal(response.status, 200);
	});

	it('answers 401 invalid_client for a wrong secret or an unknown client id', async () => {
		for (const fields of [{ client_secret: 'wrong' }, { client_id: 'nobody' }]) {
			const response = await requestToken(sandbox, fields);
			assert.equal(response.status, 401);
			assert.deepEqual(await response.json(), {
				error: 'invalid_client',
				error_description: 'The specified client credentials are invalid.',
			});
		}
	});

	it('refuses a scope the application does not have, naming it', async () => {
		const response = await requestToken(sandbox, {
			client_id: 'narrow',
			client_secret: 's2',
			scope: 'read:tickets edit:tickets',
		});
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), {
			error: 'invalid_scope',
			error_description: "The scope 'edit:tickets' is not allowed for this application.",
		});
		const granted = await requestToken(sandbox, {
			client_id: 'narrow',
			client_secret: 's2',
			scope: 'read:tickets read:customers',
		});
		assert.equal(
			((await granted.json()) as { scope: string }).scope,
			'read:tickets read:customers',
		);
	});

	it('issues a token without scope that every API call rejects with 401 (SERV 0.1.1)', async () => {
		const response = await requestToken(sandbox, { scope: '' });
		assert.equal(response.status, 200);
		const { access_token } = (await response.json()) as { access_token: string };
		assert.equal((await api(access_token)).status, 401);
	});

	it('rejects unsupported grant types and non-form bodies', async () => {
		const grant = await requestToken(sandbox, { grant_type: 'password' });
		assert.equal(grant.status, 400);
		assert.equal(((await grant.json()) as { error: string }).error, 'unsupported_grant_type');
		const asJson = await fetch(`${sandbox.authUrl}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		assert.equal(asJson.status, 400);
		assert.equal(((await asJson.json()) as { error: string }).error, 'invalid_request');
	});

	it('answers 401 with a bearer challenge without a token, with an unknown one, an expired one and a revoked one', async () => {
		const missing = await api(undefined);
		assert.equal(missing.status, 401);
		assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
		assert.equal((await api('not-a-token')).status, 401);

		sandbox.setTokenTtl(0);
		const expired = await tokenFor(sandbox);
		sandbox.setTokenTtl(3600);
		const expiredResponse = await api(expired);
		assert.equal(expiredResponse.status, 401);
		assert.match(expiredResponse.headers.get('www-authenticate') ?? '', /expired/);

		const token = await tokenFor(sandbox);
		assert.equal((await api(token)).status, 200);
		sandbox.revokeTokens();
		assert.equal((await api(token)).status, 401);
	});

	it('serves GET /api/authinfo without a token', async () => {
		const response = await api(undefined, '/authinfo');
		assert.equal(response.status, 200);
		assert.deepEqual(await response.json(), { auth_url: sandbox.authUrl, tenant_id: 'acme' });
	});

	it('logs token requests with the application and API calls with a token fingerprint only', async () => {
		sandbox.resetRequests();
		const token = await tokenFor(sandbox);
		await api(token, '/Status?x=1');
		const [tokenEntry, apiEntry] = sandbox.requests();
		assert.equal(tokenEntry.isTokenRequest, true);
		assert.equal(tokenEntry.application, 'app-id');
		assert.equal(tokenEntry.path, '/auth/token');
		assert.equal(apiEntry.isTokenRequest, false);
		assert.equal(apiEntry.application, 'app-id');
		assert.deepEqual(apiEntry.query, { x: '1' });
		assert.match(apiEntry.token ?? '', /^[0-9a-f]{12}$/);
		assert.equal(JSON.stringify(sandbox.requests()).includes(token), false);
	});
});
