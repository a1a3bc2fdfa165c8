import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { haloApiRequest } from 'n8n-nodes-halopsa/nodes/HaloPsa/transport';
import {
	closedPort,
	createCredentialStore,
	createExecuteContext,
	onPremiseCredentials,
	runCredentialTest,
	sandboxCredentialStore,
	startHaloSandbox,
	type CredentialStore,
	type Sandbox,
} from './harness';

const getAgentMe = async (store: CredentialStore) => {
	const context = createExecuteContext({ credentials: store });
	return await haloApiRequest.call(context, { method: 'GET', path: '/Agent/me' });
};

const log = (sandbox: Sandbox) =>
	sandbox
		.requests()
		.map((entry) => `${entry.method} ${entry.path} ${JSON.stringify(entry.query)} ${entry.status}`);

describe('credential against the sandbox', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startHaloSandbox({ tickets: 5 })));
	after(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.resetRequests();
		sandbox.clearFaults();
	});

	it('asks for the token at <auth url>/token on-premise, without a tenant', async () => {
		await getAgentMe(sandboxCredentialStore(sandbox));
		assert.deepEqual(log(sandbox), ['POST /auth/token {} 200', 'GET /api/Agent/me {} 200']);
	});

	it('asks for the token at <auth url>/token?tenant=<tenant> when hosted', async () => {
		await getAgentMe(sandboxCredentialStore(sandbox, { hosted: true }));
		assert.deepEqual(log(sandbox), [
			`POST /auth/token {"tenant":"${sandbox.tenant}"} 200`,
			'GET /api/Agent/me {} 200',
		]);
	});

	it('normalises trailing slashes, a pasted /token and a resource URL without /api', async () => {
		for (const [authUrl, resourceUrl] of [
			[`${sandbox.authUrl}/`, `${sandbox.resourceUrl}/`],
			[`${sandbox.authUrl}/token`, sandbox.url],
			[`${sandbox.authUrl}/token/`, `${sandbox.url}/`],
		]) {
			sandbox.resetRequests();
			await getAgentMe(sandboxCredentialStore(sandbox, { overrides: { authUrl, resourceUrl } }));
			assert.deepEqual(
				log(sandbox),
				['POST /auth/token {} 200', 'GET /api/Agent/me {} 200'],
				authUrl,
			);
		}
	});

	it('refuses a resource URL with another path before any request', async () => {
		const store = sandboxCredentialStore(sandbox, {
			overrides: { resourceUrl: `${sandbox.url}/halo` },
		});
		await assert.rejects(getAgentMe(store), {
			message: 'Resource Server URL should end in /api',
			description: `It is "${sandbox.url}/halo". Copy the Resource Server from Halo's Configuration > Integrations > Halo API > API Details screen, e.g. https://acme.halopsa.com/api.`,
		});
		assert.deepEqual(sandbox.requests(), []);
	});

	it('refuses a tenant with / ? # @ or spaces, or none, before any request', async () => {
		for (const tenant of ['acme/evil', 'acme?x=1', 'acme#x', 'user@acme', 'ac me', '']) {
			const store = sandboxCredentialStore(sandbox, { hosted: true, overrides: { tenant } });
			const expected =
				tenant === ''
					? 'Tenant is required for a Hosted Solution of Halo'
					: `Tenant "${tenant}" is not valid: it must not contain "/", "?", "#", "@" or spaces`;
			await assert.rejects(getAgentMe(store), { message: expected }, tenant);
		}
		assert.deepEqual(sandbox.requests(), []);
	});

	it('fetches one token for many requests from several executions sharing the credential', async () => {
		const store = sandboxCredentialStore(sandbox);
		for (let execution = 0; execution < 3; execution++) {
			const context = createExecuteContext({ credentials: store });
			for (let call = 0; call < 4; call++) {
				await haloApiRequest.call(context, { method: 'GET', path: `/Tickets/${call + 1}` });
			}
		}
		const entries = sandbox.requests();
		assert.equal(entries.filter((entry) => entry.isTokenRequest).length, 1);
		assert.equal(entries.filter((entry) => !entry.isTokenRequest).length, 12);
		assert.equal(
			new Set(entries.filter((entry) => !entry.isTokenRequest).map((entry) => entry.token)).size,
			1,
		);
		assert.equal(store.saves, 1);
	});

	it('after Halo revokes the token, fetches exactly one new one and repeats the request once', async () => {
		const store = sandboxCredentialStore(sandbox);
		await getAgentMe(store);
		const first = store.data.accessToken;
		sandbox.revokeTokens();
		sandbox.resetRequests();
		const contexts = [
			createExecuteContext({ credentials: store }),
			createExecuteContext({ credentials: store }),
		];
		await haloApiRequest.call(contexts[0], { method: 'GET', path: '/Tickets/1' });
		await haloApiRequest.call(contexts[1], { method: 'GET', path: '/Tickets/2' });
		assert.deepEqual(log(sandbox), [
			'GET /api/Tickets/1 {} 401',
			'POST /auth/token {} 200',
			'GET /api/Tickets/1 {} 200',
			'GET /api/Tickets/2 {} 200',
		]);
		assert.notEqual(store.data.accessToken, first);
		assert.equal(store.saves, 2);
	});

	it('retries the token request on 503 and succeeds', async () => {
		sandbox.setFaults([{ method: 'POST', path: '/auth/token', status: 503, times: 2 }]);
		await getAgentMe(sandboxCredentialStore(sandbox));
		assert.deepEqual(log(sandbox), [
			'POST /auth/token {} 503',
			'POST /auth/token {} 503',
			'POST /auth/token {} 200',
			'GET /api/Agent/me {} 200',
		]);
	});

	it('works for absolute URLs too, as in the HTTP Request node', async () => {
		const store = sandboxCredentialStore(sandbox);
		const context = createExecuteContext({ credentials: store });
		const ticket = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'haloPsaClientCredentialsApi',
			{ method: 'GET', url: `${sandbox.resourceUrl}/Tickets/3`, json: true },
		)) as { id: number };
		assert.equal(ticket.id, 3);
		assert.deepEqual(log(sandbox), ['POST /auth/token {} 200', 'GET /api/Tickets/3 {} 200']);
	});
});

describe('credential test (n8n credential dialog)', () => {
	let sandbox: Sandbox;
	let other: Sandbox;
	before(async () => {
		sandbox = await startHaloSandbox({ tickets: 3 });
		other = await startHaloSandbox({ tickets: 3 });
		sandbox.addApplication({
			clientId: 'narrow-app',
			clientSecret: 'narrow-secret-41',
			scopes: ['read:tickets'],
			agentId: 1,
		});
	});
	after(async () => {
		await sandbox.close();
		await other.close();
	});

	const testWith = async (overrides: Record<string, string>, hosted = false) =>
		await runCredentialTest(sandboxCredentialStore(sandbox, { hosted, overrides }));

	it('succeeds with a valid on-premise and a valid hosted credential', async () => {
		assert.deepEqual(await testWith({}), { status: 'OK', message: 'Connection successful!' });
		assert.deepEqual(await testWith({}, true), { status: 'OK', message: 'Connection successful!' });
	});

	it('names the unreachable auth server', async () => {
		const port = await closedPort();
		const result = await testWith({ authUrl: `http://127.0.0.1:${port}/auth` });
		assert.deepEqual(result, {
			status: 'Error',
			message: `Could not reach the HaloPSA Authorisation Server at http://127.0.0.1:${port}/auth/token`,
		});
	});

	it('says the tenant is unknown', async () => {
		const result = await testWith({ tenant: 'someone-else' }, true);
		assert.deepEqual(result, { status: 'Error', message: 'Halo does not know this Tenant' });
	});

	it('says the client id or secret is wrong, for either', async () => {
		const expected = {
			status: 'Error',
			message: 'Halo did not accept the Client ID and Client Secret (invalid_client)',
		};
		assert.deepEqual(await testWith({ clientSecret: 'not-the-secret' }), expected);
		assert.deepEqual(await testWith({ clientId: 'not-the-id' }), expected);
	});

	it('says the scope is not allowed for the application', async () => {
		const result = await testWith({
			clientId: 'narrow-app',
			clientSecret: 'narrow-secret-41',
			scope: 'all',
		});
		assert.deepEqual(result, {
			status: 'Error',
			message: 'Halo refused the scope "all" (invalid_scope)',
		});
	});

	it('says the resource server URL is wrong on a 404', async () => {
		const result = await testWith({ resourceUrl: `${sandbox.url}/elsewhere/api` });
		assert.equal(result.status, 'Error');
		assert.match(
			result.message,
			/^Halo has no API at this Resource Server URL \(404\)\. It should end in \/api/,
		);
	});

	it('points at the agent when Halo answers 403 to a token issued for "all"', async () => {
		// Agent/me is open to every agent in the sandbox, so Halo's 403 is played by a fault.
		sandbox.setFaults([{ method: 'GET', path: '/api/Agent/me', status: 403 }]);
		const result = await testWith({});
		sandbox.clearFaults();
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^Halo refused permission for Agent\/me \(403\)/);
		assert.match(result.message, /permissions of the agent the application logs in as/);
	});

	it('says the token was refused when the resource server belongs to another Halo', async () => {
		const result = await testWith({ resourceUrl: other.resourceUrl });
		assert.equal(result.status, 'Error');
		assert.match(
			result.message,
			/^Halo issued a token but the Resource Server did not accept it \(401\)/,
		);
	});

	it('refuses an empty client secret before any request', async () => {
		sandbox.resetRequests();
		const store = createCredentialStore({ ...onPremiseCredentials(sandbox), clientSecret: '' });
		assert.deepEqual(await runCredentialTest(store), {
			status: 'Error',
			message: 'Client Secret is empty',
		});
		assert.deepEqual(sandbox.requests(), []);
	});
});
