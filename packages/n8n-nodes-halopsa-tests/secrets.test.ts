import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inspect } from 'node:util';

import { haloApiRequest, haloUpsert } from 'n8n-nodes-halopsa/nodes/HaloPsa/transport';
import {
	closedPort,
	createExecuteContext,
	runCredentialTest,
	sandboxCredentialStore,
	startFakeHalo,
	startHaloSandbox,
	type CredentialStore,
	type Sandbox,
	type TestExecuteContext,
} from './harness';

const SECRET = 'very-secret-client-secret-7Qx9';

/** Every way an error can be shown, logged or persisted. */
function renderings(error: unknown): string[] {
	const record = error as {
		message?: string;
		description?: string;
		stack?: string;
		errorResponse?: unknown;
		cause?: unknown;
	};
	return [
		JSON.stringify(error),
		inspect(error, { depth: Infinity, showHidden: true }),
		String(record.message),
		String(record.description),
		String(record.stack),
		JSON.stringify(record.errorResponse ?? null),
		inspect(record.cause, { depth: Infinity, showHidden: true }),
	];
}

describe('no secret or token in any error or log', () => {
	let sandbox: Sandbox;
	const errors: Array<[string, unknown]> = [];
	const contexts: TestExecuteContext[] = [];
	const stores: CredentialStore[] = [];
	const tokens = new Set<string>();

	const store = (hosted = false, overrides: Record<string, string> = {}) => {
		const created = sandboxCredentialStore(sandbox, {
			hosted,
			overrides: { clientSecret: SECRET, ...overrides },
		});
		stores.push(created);
		return created;
	};
	const context = (credentials: CredentialStore) => {
		const created = createExecuteContext({ credentials });
		contexts.push(created);
		return created;
	};
	const collectTokens = () => {
		for (const each of stores) if (each.data.accessToken) tokens.add(String(each.data.accessToken));
	};
	const capture = async (name: string, run: () => Promise<unknown>) => {
		try {
			await run();
			assert.fail(`${name} did not fail`);
		} catch (error) {
			errors.push([name, error]);
		}
		collectTokens();
	};

	before(async () => {
		sandbox = await startHaloSandbox({
			tickets: 5,
			applications: [{ clientId: 'secret-app', clientSecret: SECRET, scopes: ['all'], agentId: 1 }],
			clientId: 'secret-app',
			clientSecret: SECRET,
		});
		sandbox.addApplication({
			clientId: 'narrow-app',
			clientSecret: SECRET,
			scopes: ['read:tickets'],
			agentId: 1,
		});
	});
	after(async () => await sandbox.close());

	it('collects the errors of every path', async () => {
		const good = store();
		const ctx = context(good);
		await haloApiRequest.call(ctx, { method: 'GET', path: '/Tickets/1' });
		collectTokens();

		await capture('wrong secret', () =>
			haloApiRequest.call(context(store(false, { clientSecret: `${SECRET}-wrong` })), {
				method: 'GET',
				path: '/Tickets',
			}),
		);
		await capture('unknown tenant', () =>
			haloApiRequest.call(context(store(true, { tenant: 'nobody' })), {
				method: 'GET',
				path: '/Tickets',
			}),
		);
		await capture('scope', () =>
			haloApiRequest.call(context(store(false, { clientId: 'narrow-app', scope: 'all' })), {
				method: 'GET',
				path: '/Tickets',
			}),
		);
		const port = await closedPort();
		await capture('auth unreachable', () =>
			haloApiRequest.call(context(store(false, { authUrl: `http://127.0.0.1:${port}/auth` })), {
				method: 'GET',
				path: '/Tickets',
			}),
		);
		await capture('api unreachable', () =>
			haloApiRequest.call(context(store(false, { resourceUrl: `http://127.0.0.1:${port}/api` })), {
				method: 'GET',
				path: '/Tickets',
			}),
		);
		await capture('404', () =>
			haloApiRequest.call(ctx, { method: 'GET', path: '/Tickets/424242' }),
		);
		await capture('400', async () => {
			const [result] = await haloUpsert.call(
				ctx,
				'/Tickets',
				[{ itemIndex: 0, body: { tickettype_id: 1 } }],
				1,
			);
			throw result.error;
		});
		sandbox.setAgentPermissions(1, { read: [], edit: [] });
		await capture('403', () => haloApiRequest.call(ctx, { method: 'GET', path: '/Tickets' }));
		sandbox.setAgentPermissions(1, { read: ['all'], edit: ['all'] });
		sandbox.setFaults([{ method: 'GET', path: '/api/Tickets/2', status: 401 }]);
		await capture('401 twice', () =>
			haloApiRequest.call(ctx, { method: 'GET', path: '/Tickets/2' }),
		);
		sandbox.setFaults([{ method: 'GET', path: '/api/Tickets/3', status: 500 }]);
		await capture('500', () => haloApiRequest.call(ctx, { method: 'GET', path: '/Tickets/3' }));
		sandbox.setFaults([{ method: 'POST', path: '/api/Tickets', drop: 'after', times: 1 }]);
		await capture('create may have happened', () =>
			haloApiRequest.call(ctx, {
				method: 'POST',
				path: '/Tickets',
				body: [{ summary: 'x', tickettype_id: 1 }],
			}),
		);
		sandbox.clearFaults();
		await capture('credential test', async () => {
			const result = await runCredentialTest(store(false, { clientSecret: `${SECRET}-wrong` }));
			throw new Error(result.message);
		});

		const fake = await startFakeHalo(() => ({
			status: 429,
			headers: { 'retry-after': '0' },
			body: { Message: 'slow down' },
		}));
		try {
			const fakeStore = sandboxCredentialStore(sandbox);
			fakeStore.data = { ...fakeStore.data, ...fake.credentials({ clientSecret: SECRET }) };
			stores.push(fakeStore);
			await capture('429', () =>
				haloApiRequest.call(context(fakeStore), { method: 'GET', path: '/Tickets' }),
			);
		} finally {
			await fake.close();
		}
		assert.equal(errors.length, 13);
		assert.ok(tokens.size >= 3, `tokens seen: ${tokens.size}`);
	});

	it('the raw engine error does carry the token (so this check can fail)', async () => {
		const ctx = context(store());
		try {
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'haloPsaClientCredentialsApi', {
				method: 'GET',
				url: '/Tickets/424242',
			});
			assert.fail('expected a 404');
		} catch (error) {
			collectTokens();
			const leaked = renderings(error).some((text) =>
				[...tokens].some((token) => text.includes(token)),
			);
			assert.equal(leaked, true);
		}
	});

	it('finds neither the client secret nor any token in any rendering of any error', () => {
		for (const [name, error] of errors) {
			for (const text of renderings(error)) {
				assert.ok(!text.includes(SECRET), `${name}: client secret leaked`);
				for (const token of tokens) assert.ok(!text.includes(token), `${name}: token leaked`);
			}
		}
	});

	it('finds neither in the logs', () => {
		const logs = inspect(
			contexts.flatMap((each) => each.logs),
			{ depth: Infinity },
		);
		assert.ok(contexts.some((each) => each.logs.length > 0));
		assert.ok(!logs.includes(SECRET));
		for (const token of tokens) assert.ok(!logs.includes(token));
	});
});
