import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface WebhookTarget {
	id: string;
	url: string;
	/** 0 none, 1 Basic (api-notes §5.1; the other codes are not reproduced). */
	authentication_type?: number;
	basic_username?: string;
	basic_password?: string;
}

/** One delivery, in the shape of Halo's webhook log rows (api-notes §4, "Webhook log"). */
export interface DeliveryRecord {
	id: string;
	webhook_id: string;
	/** When the delivery started, as Halo's API writes dates (UTC, no zone designator). */
	timestamp: string;
	/** HTTP status of the receiver's answer; null when none came. */
	status: number | null;
	/** Milliseconds from sending to the end of the answer (or the failure). */
	duration: number;
	requestbody: string;
	responsestatus: number | null;
	responsebody: string;
	/** Why the delivery failed (connection refused, timeout, …); null when an answer came. */
	error: string | null;
	event: string;
}

export interface DeliverOptions {
	/** Give up after this many milliseconds. Default 5000. */
	timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Receivers' answers are kept for the log up to this size. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const BASIC_AUTHENTICATION = 1;

/**
 * The JSON Halo posts to a webhook (api-notes §5.2, captured from a live tenant): a delivery id,
 * the webhook and notification ids, the event and a human message, the object and agent ids, a
 * UTC timestamp, the ticket, and the action for action events.
 */
export function buildPayload(args: {
	webhookId: string;
	event: string;
	message: string;
	objectId: number;
	agentId: number;
	ticket: Record<string, unknown>;
	action?: Record<string, unknown>;
	/** Id of the webhook's event subscription; by default a stable number derived from the event. */
	notificationId?: number;
}): Record<string, unknown> {
	const payload: Record<string, unknown> = {
		id: randomUUID(),
		webhook_id: args.webhookId,
		notification_id: args.notificationId ?? notificationIdFor(args.event),
		escmsg_id: randomUUID(),
		event: args.event,
		message: args.message || messageFor(args.event, args.objectId),
		object_id: args.objectId,
		agent_id: args.agentId,
		timestamp: dotNetTimestamp(new Date()),
		ticket: args.ticket,
	};
	if (args.action) payload.action = args.action;
	return payload;
}

/**
 * Halo's message for an event, in the style of the captured one ("The status has been changed
 * for Ticket ID: 0004242."): ticket numbers zero-padded to seven digits.
 */
export function messageFor(event: string, ticketId: number): string {
	const ref = `Ticket ID: ${String(ticketId).padStart(7, '0')}`;
	const name = event.toLowerCase();
	if (name.includes('status')) return `The status has been changed for ${ref}.`;
	if (name.includes('new') || name.includes('logged'))
		return `A new ticket has been logged: ${ref}.`;
	if (name.includes('action') || name.includes('note'))
		return `An action has been added to ${ref}.`;
	if (name.includes('closed')) return `${ref} has been closed.`;
	if (name.includes('assign')) return `${ref} has been reassigned.`;
	return `${ref} has been updated.`;
}

function notificationIdFor(event: string): number {
	let hash = 0;
	for (let i = 0; i < event.length; i++) hash = (hash * 31 + event.toLowerCase().charCodeAt(i)) | 0;
	return (Math.abs(hash) % 900) + 1;
}

/** An ISO timestamp with .NET's seven fraction digits and `Z`, as in the captured payload. */
function dotNetTimestamp(date: Date): string {
	return `${date.toISOString().slice(0, 23)}0000Z`;
}

function haloTimestamp(date: Date): string {
	return date.toISOString().slice(0, 19);
}

/**
 * POSTs the payload as JSON, with Basic authentication when the webhook asks for it. Never
 * throws: a refused connection, a timeout or a bad URL end up in `error`.
 */
export function deliver(
	target: WebhookTarget,
	payload: Record<string, unknown>,
	event: string,
	options: DeliverOptions = {},
): Promise<DeliveryRecord> {
	const started = new Date();
	const startedAt = performance.now();
	const requestbody = JSON.stringify(payload);
	const record = (
		fields: Pick<DeliveryRecord, 'status' | 'responsestatus' | 'responsebody' | 'error'>,
	): DeliveryRecord => ({
		id: String(payload.id ?? randomUUID()),
		webhook_id: target.id,
		timestamp: haloTimestamp(started),
		duration: Math.round(performance.now() - startedAt),
		requestbody,
		event,
		...fields,
	});
	const failed = (error: string) =>
		record({ status: null, responsestatus: null, responsebody: '', error });

	let url: URL;
	try {
		url = new URL(target.url);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
	} catch {
		return Promise.resolve(failed(`Invalid payload URL: ${target.url}`));
	}

	const headers: Record<string, string | number> = {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(requestbody),
		'User-Agent': 'halopsa-sandbox webhook',
	};
	if (target.authentication_type === BASIC_AUTHENTICATION) {
		const credentials = `${target.basic_username ?? ''}:${target.basic_password ?? ''}`;
		headers.Authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
	}

	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	return new Promise((resolve) => {
		let settled = false;
		const finish = (result: DeliveryRecord) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(result);
		};
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const request = send(url, { method: 'POST', headers }, (response: IncomingMessage) => {
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
				size += chunk.length;
			});
			response.on('end', () => {
				const responsebody = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
				const status = response.statusCode ?? null;
				finish(record({ status, responsestatus: status, responsebody, error: null }));
			});
			response.on('error', (error) => finish(failed(describe(error))));
			response.on('close', () => finish(failed('The connection closed before the answer ended')));
		});
		// A deadline for the whole delivery, not only for an idle socket.
		const timer = setTimeout(
			() => request.destroy(new Error(`No answer within ${timeoutMs} ms`)),
			timeoutMs,
		);
		request.on('error', (error) => finish(failed(describe(error))));
		request.end(requestbody);
	});
}

function describe(error: Error & { code?: string }): string {
	return error.code ? `${error.code}: ${error.message}` : error.message;
}

/**
 * The delivery as a row of Halo's WebhookEvent schema, where `error` is a boolean and the
 * request headers are logged (without the Authorization value, which carries the password).
 */
export function toWebhookEventRow(
	record: DeliveryRecord,
	notificationId?: number,
): Record<string, unknown> {
	return {
		id: record.id,
		webhook_id: record.webhook_id,
		...(notificationId === undefined ? {} : { notification_id: notificationId }),
		timestamp: record.timestamp,
		status: record.status,
		duration: record.duration,
		requestheaders: 'Content-Type: application/json',
		requestbody: record.requestbody,
		responsestatus: record.responsestatus,
		responsebody: record.error ?? record.responsebody,
		error:
			record.error !== null ||
			record.status === null ||
			record.status < 200 ||
			record.status >= 300,
	};
}
