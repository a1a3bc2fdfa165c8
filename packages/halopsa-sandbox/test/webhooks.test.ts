import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: Record<string, any>;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 3000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('outbound webhooks (api-notes §5)', () => {
	let client: Client;
	let receiver: Server;
	let receiverUrl: string;
	const received: Received[] = [];
	let basicHook: string;
	let actionHook: string;

	before(async () => {
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push({
					path: req.url ?? '',
					headers: req.headers,
					body: JSON.parse(Buffer.concat(chunks).toString()),
				});
				res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'text/plain' });
				res.end(req.url === '/fail' ? 'nope' : 'thanks');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
		client = await startClient({ tickets: 12 });

		const hooks = await client.json('/Webhook', {
			body: [
				{
					name: 'Tickets with Basic auth',
					url: `${receiverUrl}/tickets`,
					authentication_type: 1,
					basic_username: 'halo',
					basic_password: 'p4ss',
					events: [
						{ id: 0, name: 'New Ticket Logged' },
						{ id: 0, name: 'Ticket Updated' },
					],
				},
				{ name: 'Actions', url: `${receiverUrl}/fail`, events: [{ id: 0, name: 'Action Added' }] },
			],
		});
		basicHook = hooks[0].id;
		actionHook = hooks[1].id;
	});
	after(async () => {
		await client.sandbox.close();
		await new Promise((resolve) => receiver.close(resolve));
	});

	it('lists webhooks as a bare array and needs at least one event', async () => {
		const hooks = await client.json('/Webhook');
		assert.deepEqual(
			hooks.map((hook: { id: string }) => hook.id),
			[basicHook, actionHook],
		);
		const response = await client.api('/Webhook', { body: [{ name: 'none', url: receiverUrl }] });
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), { '[0].events': ['At least one event is required'] });
	});

	it('posts New Ticket Logged with Basic auth and the ticket, without slowing the request', async () => {
		received.length = 0;
		const ticket = await client.json('/Tickets', {
			body: [{ summary: 'Webhook me', tickettype_id: 1 }],
		});
		await waitFor(() => received.length === 1, 'the delivery');
		const [delivery] = received;
		assert.equal(delivery.path, '/tickets');
		assert.equal(
			delivery.headers.authorization,
			`Basic ${Buffer.from('halo:p4ss').toString('base64')}`,
		);
		assert.match(String(delivery.headers['content-type']), /^application\/json/);
		assert.equal(delivery.body.event, 'New Ticket Logged');
		assert.equal(delivery.body.webhook_id, basicHook);
		assert.equal(delivery.body.object_id, ticket.id);
		assert.equal(delivery.body.agent_id, 1);
		assert.match(delivery.body.id, /^[0-9a-f-]{36}$/);
		assert.equal(delivery.body.ticket.id, ticket.id);
		assert.equal(delivery.body.ticket.summary, 'Webhook me');
	});

	it('posts Ticket Updated on an update, and Action Added with the action to its own subscriber', async () => {
		received.length = 0;
		const ticketId = client.sandbox.store('tickets')[0].id;
		await client.json('/Tickets', { body: [{ id: ticketId, summary: 'Changed' }] });
		const outcome = client.sandbox.store('outcomes')[0].id;
		const action = await client.json('/Actions', {
			body: [{ ticket_id: ticketId, outcome_id: outcome, note: 'Hi' }],
		});
		await waitFor(() => received.length === 2, 'two deliveries');
		const byPath = Object.fromEntries(received.map((r) => [r.path, r.body]));
		assert.equal(byPath['/tickets'].event, 'Ticket Updated');
		assert.equal(byPath['/tickets'].ticket.summary, 'Changed');
		assert.equal(byPath['/fail'].event, 'Action Added');
		assert.equal(byPath['/fail'].ticket.id, ticketId);
		assert.equal(byPath['/fail'].action.id, action.id);
		assert.equal(byPath['/fail'].action.note, 'Hi');
	});

	it('records every delivery in WebhookEvent, filterable by webhook_id, and in deliveries()', async () => {
		await waitFor(() => client.sandbox.deliveries().length === 3, 'three recorded deliveries');
		const all = await client.json('/WebhookEvent');
		assert.equal(all.length, 3);
		const failed = await client.json(`/WebhookEvent?webhook_id=${actionHook}`);
		assert.equal(failed.length, 1);
		assert.equal(failed[0].webhook_id, actionHook);
		assert.equal(failed[0].responsestatus, 500);
		assert.equal(failed[0].responsebody, 'nope');
		assert.equal(JSON.parse(failed[0].requestbody).event, 'Action Added');
		const deliveries = client.sandbox.deliveries();
		assert.deepEqual(
			deliveries
				.map((d) => [d.webhookId, d.event, d.status])
				.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
			[
				[actionHook, 'Action Added', 500],
				[basicHook, 'New Ticket Logged', 200],
				[basicHook, 'Ticket Updated', 200],
			],
		);
		assert.equal(
			deliveries.find((d) => d.event === 'New Ticket Logged')?.url,
			`${receiverUrl}/tickets`,
		);
	});
});
