import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { validateRecord } from '../src/validation/validate-body';
import { buildPayload, deliver, messageFor, toWebhookEventRow } from '../src/webhooks/emitter';

interface Received {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function listen(server: Server): Promise<string> {
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		});
	});
}

function close(server: Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}

const ticket = { id: 4242, summary: 'Printer offline', status_id: 9, client_id: 1 };

describe('webhook payloads', () => {
	it('have the captured shape, with an action for action events', () => {
		const payload = buildPayload({
			webhookId: '53232637-7724-4a19-b126-3c7267a292aa',
			event: 'Action Added',
			message: 'An action has been added to Ticket ID: 0004242.',
			objectId: 4242,
			agentId: 3,
			ticket,
			action: { id: 2, ticket_id: 4242, note: 'Called the user' },
			notificationId: 41,
		});
		assert.deepEqual(Object.keys(payload), [
			'id',
			'webhook_id',
			'notification_id',
			'escmsg_id',
			'event',
			'message',
			'object_id',
			'agent_id',
			'timestamp',
			'ticket',
			'action',
		]);
		assert.match(String(payload.id), GUID);
		assert.match(String(payload.escmsg_id), GUID);
		assert.notEqual(payload.id, payload.escmsg_id);
		assert.equal(payload.webhook_id, '53232637-7724-4a19-b126-3c7267a292aa');
		assert.equal(payload.notification_id, 41);
		assert.equal(payload.object_id, 4242);
		assert.equal(payload.agent_id, 3);
		assert.match(String(payload.timestamp), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
		assert.deepEqual(payload.ticket, ticket);
		assert.deepEqual(payload.action, { id: 2, ticket_id: 4242, note: 'Called the user' });
	});

	it('leave out the action for ticket events and word the message after the event', () => {
		const payload = buildPayload({
			webhookId: 'w',
			event: 'ticket status changed',
			message: '',
			objectId: 4242,
			agentId: 1,
			ticket,
		});
		assert.equal('action' in payload, false);
		assert.equal(payload.message, 'The status has been changed for Ticket ID: 0004242.');
		assert.equal(typeof payload.notification_id, 'number');
		assert.equal(
			messageFor('New Ticket Logged', 7),
			'A new ticket has been logged: Ticket ID: 0000007.',
		);
		assert.equal(messageFor('Ticket Updated', 77635), 'Ticket ID: 0077635 has been updated.');
	});
});

describe('deliver', () => {
	const received: Received[] = [];
	let status = 200;
	let server: Server;
	let url: string;

	before(async () => {
		server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				received.push({
					method: request.method ?? '',
					url: request.url ?? '',
					headers: request.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				if (request.url === '/silent') return;
				response.writeHead(status, { 'Content-Type': 'text/plain' });
				response.end(status === 200 ? 'thanks' : 'receiver broke');
			});
		});
		url = await listen(server);
	});
	after(() => {
		server.closeAllConnections();
		return close(server);
	});

	it('POSTs the payload as JSON with Basic authentication and records the answer', async () => {
		received.length = 0;
		status = 200;
		const payload = buildPayload({
			webhookId: 'hook-1',
			event: 'Ticket Updated',
			message: 'Ticket ID: 0004242 has been updated.',
			objectId: 4242,
			agentId: 1,
			ticket,
		});
		const record = await deliver(
			{
				id: 'hook-1',
				url: `${url}/halo/hook?token=abc`,
				authentication_type: 1,
				basic_username: 'n8n',
				basic_password: 's3cret:with colon',
			},
			payload,
			'Ticket Updated',
		);
		assert.equal(received.length, 1);
		const [request] = received;
		assert.equal(request.method, 'POST');
		assert.equal(request.url, '/halo/hook?token=abc');
		assert.equal(request.headers['content-type'], 'application/json');
		assert.equal(
			request.headers.authorization,
			`Basic ${Buffer.from('n8n:s3cret:with colon').toString('base64')}`,
		);
		assert.deepEqual(JSON.parse(request.body), payload);

		assert.equal(record.id, payload.id);
		assert.equal(record.webhook_id, 'hook-1');
		assert.equal(record.event, 'Ticket Updated');
		assert.equal(record.status, 200);
		assert.equal(record.responsestatus, 200);
		assert.equal(record.responsebody, 'thanks');
		assert.equal(record.error, null);
		assert.equal(record.requestbody, request.body);
		assert.match(record.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		assert.ok(record.duration >= 0);
	});

	it('sends no Authorization header without Basic authentication', async () => {
		received.length = 0;
		status = 200;
		await deliver({ id: 'hook-2', url, authentication_type: 0 }, { id: 'x' }, 'Ticket Updated');
		assert.equal(received.length, 1);
		assert.equal(received[0].headers.authorization, undefined);
	});

	it('records a receiver error status as an answer, and as a failed row in the webhook log', async () => {
		status = 500;
		const webhookId = '53232637-7724-4a19-b126-3c7267a292aa';
		const payload = buildPayload({
			webhookId,
			event: 'Action Added',
			message: '',
			objectId: 1,
			agentId: 1,
			ticket,
		});
		const record = await deliver({ id: webhookId, url }, payload, 'Action Added');
		assert.equal(record.status, 500);
		assert.equal(record.responsebody, 'receiver broke');
		assert.equal(record.error, null);
		const row = toWebhookEventRow(record, 41);
		assert.equal(row.error, true);
		assert.equal(row.notification_id, 41);
		assert.deepEqual(validateRecord('WebhookEvent', row, ''), []);
	});

	it('gives up on a receiver that never answers', async () => {
		const record = await deliver(
			{ id: 'hook-4', url: `${url}/silent` },
			{ id: 'z' },
			'Ticket Updated',
			{
				timeoutMs: 100,
			},
		);
		assert.equal(record.status, null);
		assert.equal(record.responsestatus, null);
		assert.equal(record.error, 'No answer within 100 ms');
	});

	it('records a failure for an unreachable URL without throwing', async () => {
		const closed = createServer();
		const closedUrl = await listen(closed);
		await close(closed);
		const record = await deliver(
			{ id: 'hook-5', url: `${closedUrl}/hook`, authentication_type: 1, basic_password: 'pw' },
			{ id: 'w' },
			'Ticket Updated',
		);
		assert.equal(record.status, null);
		assert.match(String(record.error), /^ECONNREFUSED/);
		assert.doesNotMatch(JSON.stringify(toWebhookEventRow(record)), /pw|Basic/);
		assert.equal(toWebhookEventRow(record).error, true);
	});

	it('records a failure for a URL that is not http(s)', async () => {
		const record = await deliver({ id: 'hook-6', url: 'ftp://example.test/x' }, { id: 'v' }, 'E');
		assert.equal(record.error, 'Invalid payload URL: ftp://example.test/x');
		const bad = await deliver({ id: 'hook-7', url: 'not a url' }, { id: 'u' }, 'E');
		assert.equal(bad.error, 'Invalid payload URL: not a url');
	});
});
