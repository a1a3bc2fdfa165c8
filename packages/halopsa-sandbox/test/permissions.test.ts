import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../src/index';
import { tokenFor } from './helpers';

describe('permissions: application scopes and the agent (api-notes §1.2, §1.4, §1.6)', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({
			rateLimit: false,
			applications: [
				{
					clientId: 'reader',
					clientSecret: 'r',
					scopes: ['read:tickets'],
					agentId: 1,
					name: 'Ticket reader',
				},
				{ clientId: 'second', clientSecret: 's', scopes: ['all'], agentId: 2 },
			],
		});
	});
	after(() => sandbox.close());

	const call = async (token: string, method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandbox.resourceUrl}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	};

	it('lets read:tickets read tickets and lookups but not change tickets, naming the application and the permission', async () => {
		const token = await tokenFor(sandbox, {
			client_id: 'reader',
			client_secret: 'r',
			scope: 'read:tickets',
		});
		assert.equal((await call(token, 'GET', '/Tickets')).status, 200);
		assert.equal((await call(token, 'GET', '/Status')).status, 200);
		const denied = await call(token, 'POST', '/Tickets', [{ summary: 'x', tickettype_id: 1 }]);
		assert.equal(denied.status, 403);
		assert.deepEqual(denied.body, {
			ClassName: 'System.Exception',
			Message:
				"The API application 'Ticket reader' does not have the 'edit:tickets' permission required for this request. Add it to the application's permissions in Configuration > Integrations > Halo API.",
		});
		const customers = await call(token, 'GET', '/Client');
		assert.equal(customers.status, 403);
		assert.match(customers.body.Message, /'read:customers'/);
		assert.match((await call(token, 'DELETE', '/Tickets/1')).body.Message, /'edit:tickets'/);
	});

	it('needs admin for configuration writes and webhooks', async () => {
		const token = await tokenFor(sandbox, {
			client_id: 'reader',
			client_secret: 'r',
			scope: 'read:tickets',
		});
		const status = await call(token, 'POST', '/Status', [{ name: 'Parked' }]);
		assert.equal(status.status, 403);
		assert.match(status.body.Message, /'admin' permission/);
		assert.equal((await call(token, 'GET', '/Webhook')).status, 403);
	});

	it('checks the agent the application logs in as, naming the agent', async () => {
		const agent = sandbox.store('agents').find((row) => row.id === 2)!;
		sandbox.setAgentPermissions(2, { read: ['tickets'], edit: [] });
		const token = await tokenFor(sandbox, {
			client_id: 'second',
			client_secret: 's',
			scope: 'all',
		});
		assert.equal((await call(token, 'GET', '/Tickets/1')).status, 200);
		const denied = await call(token, 'POST', '/Tickets', [{ id: 1, summary: 'no' }]);
		assert.equal(denied.status, 403);
		assert.equal(
			denied.body.Message,
			`The agent '${String(agent.name)}' (id 2) that the API application logs in as does not have the permission required for 'edit:tickets'. Change the agent's permissions in Configuration > Teams & Agents.`,
		);
		assert.equal((await call(token, 'GET', '/Client')).status, 403);
		sandbox.setAgentPermissions(2, { read: ['all'], edit: ['all'] });
		assert.equal((await call(token, 'GET', '/Client')).status, 200);
	});

	it('lets the all scope do everything', async () => {
		const token = await tokenFor(sandbox);
		assert.equal((await call(token, 'POST', '/Status', [{ name: 'Parked' }])).status, 201);
		assert.equal((await call(token, 'GET', '/Webhook')).status, 200);
	});
});
