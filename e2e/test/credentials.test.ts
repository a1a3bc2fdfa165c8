import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox, type Sandbox } from 'halopsa-sandbox';

import { N8nUserFolder, type CredentialJson } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { freePort } from '../harness/ports';
import { errorOf, itemsOf } from '../harness/run-output';
import { byId, chainWorkflow, haloCredential } from '../harness/workflows';

/**
 * The credential in a running n8n: the test the editor runs from the credential dialog
 * (POST /rest/credentials/test, logged in as the owner) for each way a setup goes wrong, and
 * both hosting modes running a workflow.
 */
describe('HaloPSA credential in a running n8n', () => {
	let sandbox: Sandbox;
	let folder: N8nUserFolder;
	let server: N8nServer;
	const credentials: Record<string, CredentialJson> = {};
	const restrictedAgentId = 5;

	before(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		sandbox.addApplication({
			clientId: 'restricted-agent-app',
			clientSecret: 'restricted-agent-secret',
			scopes: ['all'],
			agentId: restrictedAgentId,
			name: 'App of an agent without rights',
		});
		sandbox.setAgentPermissions(restrictedAgentId, { read: [], edit: [] });
		const closedPort = await freePort();
		const list = [
			haloCredential(sandbox, { id: 'credOnPrem', mode: 'onPremise' }),
			haloCredential(sandbox, { id: 'credHosted', mode: 'hosted' }),
			haloCredential(sandbox, { id: 'credBadSecret', clientSecret: 'not-the-secret-x1' }),
			haloCredential(sandbox, { id: 'credBadTenant', mode: 'hosted', tenant: 'no-such-tenant' }),
			haloCredential(sandbox, { id: 'credBadResource', resourceUrl: `${sandbox.url}/wrong/api` }),
			haloCredential(sandbox, {
				id: 'credUnreachable',
				authUrl: `http://127.0.0.1:${closedPort}/auth`,
			}),
			haloCredential(sandbox, {
				id: 'credNoRights',
				clientId: 'restricted-agent-app',
				clientSecret: 'restricted-agent-secret',
			}),
		];
		for (const credential of list) credentials[credential.id] = credential;
		folder = N8nUserFolder.create('credentials');
		await folder.importCredentials(list);
		server = await N8nServer.start(folder);
		await server.login();
	});

	after(async () => {
		await server?.stop();
		await sandbox?.close();
	});

	async function credentialTest(id: string) {
		const before = sandbox.requests().length;
		const result = await server.testCredential(credentials[id]);
		return { result, calls: sandbox.requests().slice(before) };
	}

	describe('credential test (the editor\'s "Test" button)', () => {
		test('on-premise: token from <auth url>/token, then one cheap authenticated call', async () => {
			const { result, calls } = await credentialTest('credOnPrem');
			assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
			assert.deepEqual(
				calls.map((call) => `${call.method} ${call.path} ${call.status}`),
				['POST /auth/token 200', 'GET /api/Agent/me 200'],
			);
			assert.deepEqual(calls[0].query, {});
		});

		test('hosted: the token request names the tenant', async () => {
			const { result, calls } = await credentialTest('credHosted');
			assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
			assert.equal(calls[0].path, '/auth/token');
			assert.deepEqual(calls[0].query, { tenant: sandbox.tenant });
			assert.equal(calls[1].status, 200);
		});

		test('a wrong client secret', async () => {
			const { result, calls } = await credentialTest('credBadSecret');
			assert.equal(result.status, 'Error');
			assert.equal(
				result.message,
				'Halo did not accept the Client ID and Client Secret (invalid_client)',
			);
			assert.ok(!result.message.includes('not-the-secret-x1'), 'the secret never shows');
			assert.deepEqual(
				calls.map((call) => `${call.path} ${call.status}`),
				['/auth/token 401'],
			);
		});

		test('an unknown tenant', async () => {
			const { result } = await credentialTest('credBadTenant');
			assert.equal(result.status, 'Error');
			assert.equal(result.message, 'Halo does not know this Tenant');
		});

		test("a resource server URL that is not Halo's API", async () => {
			const { result } = await credentialTest('credBadResource');
			assert.equal(result.status, 'Error');
			assert.equal(
				result.message,
				"Halo has no API at this Resource Server URL (404). It should end in /api, as on Halo's Configuration > Integrations > Halo API > API Details screen, e.g. https://acme.halopsa.com/api.",
			);
		});

		test('an authorisation server that cannot be reached', async () => {
			const { result, calls } = await credentialTest('credUnreachable');
			assert.equal(result.status, 'Error');
			assert.equal(
				result.message,
				`Could not reach the HaloPSA Authorisation Server at ${String(credentials.credUnreachable.data.authUrl)}/token`,
			);
			assert.equal(calls.length, 0);
		});

		test('Halo refuses the authenticated call (403)', async () => {
			sandbox.setFaults([{ method: 'GET', path: '/api/Agent/me', status: 403 }]);
			try {
				const { result, calls } = await credentialTest('credOnPrem');
				assert.equal(result.status, 'Error');
				assert.match(result.message, /^Halo refused permission for Agent\/me \(403\)/);
				assert.match(result.message, /permissions of the agent the application logs in as/);
				assert.deepEqual(calls.map((call) => `${call.path} ${call.status}`).slice(-1), [
					'/api/Agent/me 403',
				]);
			} finally {
				sandbox.clearFaults();
			}
		});
	});

	describe('permissions', () => {
		test("a workflow whose application's agent may not read tickets fails with Halo's reason", async () => {
			const ticket = sandbox.store('tickets')[0];
			assert.equal(ticket.id, 1);
			const run = await server.runNew(
				chainWorkflow({
					id: 'credNoRightsRun',
					credential: credentials.credNoRights,
					steps: [
						{
							name: 'Halo',
							parameters: {
								resource: 'ticket',
								operation: 'get',
								ticketId: byId(ticket.id as number),
							},
						},
					],
				}),
			);
			assert.equal(run.status, 'error');
			const error = errorOf(run);
			assert.equal(error?.message, 'Halo refused permission for GET /Tickets/1 (403)');
			const agent = sandbox.store('agents').find((row) => row.id === restrictedAgentId);
			assert.ok(error?.description?.startsWith('Halo checks two sets of permissions'));
			assert.ok(
				error?.description?.endsWith(
					`Halo said: The agent '${String(agent?.name)}' (id ${restrictedAgentId}) that the API application logs in as does not have the permission required for 'read:tickets'. Change the agent's permissions in Configuration > Teams & Agents.`,
				),
				error?.description ?? '',
			);
		});
	});

	describe('both hosting modes run a workflow', () => {
		for (const mode of ['onPremise', 'hosted'] as const) {
			test(`${mode}: Ticket Get`, async () => {
				const credential = credentials[mode === 'hosted' ? 'credHosted' : 'credOnPrem'];
				const ticket = sandbox.store('tickets')[0];
				const before = sandbox.requests().length;
				const run = await server.runNew(
					chainWorkflow({
						id: `cred${mode}`,
						credential,
						steps: [
							{
								name: 'Halo',
								parameters: {
									resource: 'ticket',
									operation: 'get',
									ticketId: byId(ticket.id as number),
								},
							},
						],
					}),
				);
				assert.equal(run.status, 'success', JSON.stringify(errorOf(run)));
				assert.equal(itemsOf(run, 'Halo')[0].id, ticket.id);
				const calls = sandbox.requests().slice(before);
				// The credential test above fetched a token through preAuthentication, and n8n
				// stored it with the credential, so the run needs none.
				assert.deepEqual(
					calls.map((call) => `${call.method} ${call.path} ${call.status}`),
					[`GET /api/Tickets/${String(ticket.id)} 200`],
				);
			});
		}
	});
});
