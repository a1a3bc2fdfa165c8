import type { HaloRecord } from '../data/generate';
import type { Store } from '../store/store';
import type { WebhookDelivery } from '../types';
import {
	buildPayload,
	deliver,
	messageFor,
	toWebhookEventRow,
	type DeliveryRecord,
} from './emitter';

/** Notification-profile names of the events the sandbox raises (api-notes §5.1). */
export type WebhookEventName = 'New Ticket Logged' | 'Ticket Updated' | 'Action Added';

function subscribes(webhook: HaloRecord, event: WebhookEventName): boolean {
	if (webhook.active === false || !Array.isArray(webhook.events)) return false;
	const wanted = event.toLowerCase();
	return webhook.events.some(
		(subscription) =>
			typeof subscription === 'object' &&
			subscription !== null &&
			String((subscription as HaloRecord).name ?? '').toLowerCase() === wanted,
	);
}

/**
 * Sends webhook POSTs for ticket and action events without holding up the API request that
 * raised them, and records each delivery as a WebhookEvent row (api-notes §5).
 */
export class WebhookDispatcher {
	private readonly pending = new Set<Promise<void>>();
	private readonly made: WebhookDelivery[] = [];

	constructor(private readonly store: Store) {}

	notify(event: WebhookEventName, agentId: number, ticket: HaloRecord, action?: HaloRecord): void {
		for (const webhook of this.store.rows('webhooks')) {
			if (!subscribes(webhook, event)) continue;
			const webhookId = String(webhook.id);
			const payload = buildPayload({
				webhookId,
				event,
				message: messageFor(event, Number(ticket.id)),
				objectId: Number(ticket.id),
				agentId,
				// Copies, so later writes do not change what was sent.
				ticket: structuredClone(ticket),
				action: action ? structuredClone(action) : undefined,
			});
			const target = {
				id: webhookId,
				url: String(webhook.url),
				authentication_type:
					typeof webhook.authentication_type === 'number' ? webhook.authentication_type : undefined,
				basic_username:
					typeof webhook.basic_username === 'string' ? webhook.basic_username : undefined,
				basic_password:
					typeof webhook.basic_password === 'string' ? webhook.basic_password : undefined,
			};
			const job = deliver(target, payload, event)
				.then((record) => this.record(record, target.url, payload))
				.catch(() => undefined)
				.finally(() => this.pending.delete(job));
			this.pending.add(job);
		}
	}

	deliveries(): WebhookDelivery[] {
		return this.made.map((delivery) => ({ ...delivery }));
	}

	/** Resolves once every delivery started so far has finished. */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	private record(record: DeliveryRecord, url: string, payload: Record<string, unknown>): void {
		// Stored in the WebhookEvent schema's shape (its `error` is a boolean), as GET /WebhookEvent serves it.
		this.store.insert('webhookevents', toWebhookEventRow(record, Number(payload.notification_id)));
		this.made.push({
			id: record.id,
			webhookId: record.webhook_id,
			url,
			event: record.event,
			status: record.status,
			...(record.error ? { error: record.error } : {}),
			body: payload,
		});
	}
}
