import {
	NodeApiError,
	sleep,
	type IDataObject,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { HaloCredentialError } from '../../../credentials/haloPsa/config-error';
import { describeFailure, haloApiError, type Failure } from './errors';
import { redactText } from './redact';
import {
	backoffDelayMs,
	errorCode,
	isConnectionErrorCode,
	isNotSentErrorCode,
	parseRetryAfterMs,
	RATE_LIMIT_BACKOFF,
	TRANSIENT_BACKOFF,
	TRANSIENT_STATUSES,
} from './retry';
import type { HaloContext, HaloRequest } from './types';

export const CREDENTIAL_TYPE = 'haloPsaClientCredentialsApi';

interface Attempt {
	status?: number;
	code?: string;
	headers?: Record<string, unknown>;
	body?: unknown;
	credentialError?: HaloCredentialError;
}

/** What n8n threw, read defensively: a NodeApiError around axios's error or around our credential's. */
function readAttempt(error: unknown): Attempt {
	const cause = (error as { cause?: unknown }).cause ?? error;
	if (cause instanceof HaloCredentialError) return { credentialError: cause };
	const response = (cause as { response?: { status?: unknown; headers?: unknown; data?: unknown } })
		.response;
	if (response && typeof response.status === 'number') {
		return {
			status: response.status,
			headers: (response.headers ?? {}) as Record<string, unknown>,
			body: response.data,
		};
	}
	return { code: errorCode(cause) };
}

/** Every record carries an `id`, so Halo updates rather than creates: sending it twice is harmless. */
export function isIdempotentUpsert(body: HaloRequest['body']): boolean {
	const records = Array.isArray(body) ? body : body === undefined ? [] : [body];
	return records.length > 0 && records.every((record: IDataObject) => Boolean(record?.id));
}

type Decision =
	| { retry: true; delayMs: number; rateLimited: boolean }
	| { retry: false; kind?: Failure['kind'] };

/**
 * Reads (GET), deletes and updates that carry ids may be repeated after any transient failure.
 * A create may only be repeated when Halo cannot have processed it: a 429 (the limiter refuses
 * before the request is handled [inferred]) or a connection that never formed. After a reset,
 * a timeout or a 502/503/504 it may exist in Halo, so it is not sent again (design.md,
 * Reliability rules).
 */
function decide(
	request: HaloRequest,
	attempt: Attempt,
	counts: { rateLimited: number; transient: number },
): Decision {
	const repeatable = request.method !== 'POST' || isIdempotentUpsert(request.body);
	const { status, code } = attempt;
	if (status === 429) {
		if (counts.rateLimited >= RATE_LIMIT_BACKOFF.maxRetries) return { retry: false };
		const retryAfter = parseRetryAfterMs(attempt.headers?.['retry-after']);
		return {
			retry: true,
			rateLimited: true,
			delayMs: backoffDelayMs(RATE_LIMIT_BACKOFF, counts.rateLimited, retryAfter),
		};
	}
	const transient =
		(status !== undefined && TRANSIENT_STATUSES.has(status)) ||
		(status === undefined && isConnectionErrorCode(code));
	if (!transient) return { retry: false };
	if (!repeatable && !(status === undefined && isNotSentErrorCode(code))) {
		return { retry: false, kind: 'mayHaveCreated' };
	}
	if (counts.transient >= TRANSIENT_BACKOFF.maxRetries) return { retry: false };
	const retryAfter = parseRetryAfterMs(attempt.headers?.['retry-after']);
	return {
		retry: true,
		rateLimited: false,
		delayMs: backoffDelayMs(TRANSIENT_BACKOFF, counts.transient, retryAfter),
	};
}

function credentialFailure(
	context: HaloContext,
	error: HaloCredentialError,
	itemIndex?: number,
): NodeApiError {
	return new NodeApiError(context.getNode(), { credential: CREDENTIAL_TYPE } as JsonObject, {
		message: error.message,
		description: error.description ?? undefined,
		itemIndex,
	});
}

/** A failure with neither an HTTP status nor a network code (e.g. no credential selected). */
function unexplained(context: HaloContext, error: unknown, itemIndex?: number): NodeApiError {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return new NodeApiError(context.getNode(), {} as JsonObject, {
		message: redactText(
			typeof message === 'string' && message ? message : 'The request to Halo failed',
		),
		description: typeof description === 'string' ? redactText(description) : undefined,
		itemIndex,
	});
}

/**
 * One request to Halo's resource server through n8n's authenticated request helper: the
 * credential supplies the token, the base URL and the 401 refresh. This adds the retries and
 * turns failures into NodeApiErrors without secrets (errors.ts).
 */
export async function haloApiRequest<T = unknown>(
	this: HaloContext,
	request: HaloRequest,
	itemIndex?: number,
): Promise<T> {
	const counts = { rateLimited: 0, transient: 0 };
	for (;;) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.path,
			qs: request.qs,
			body: request.body,
			json: true,
		};
		if (request.binary) options.encoding = 'arraybuffer';
		if (request.fullResponse) options.returnFullResponse = true;
		try {
			return (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as T;
		} catch (error) {
			const attempt = readAttempt(error);
			if (attempt.credentialError)
				throw credentialFailure(this, attempt.credentialError, itemIndex);
			if (attempt.status === undefined && attempt.code === undefined) {
				throw unexplained(this, error, itemIndex);
			}
			const decision = decide(request, attempt, counts);
			if (decision.retry) {
				const counter = decision.rateLimited ? 'rateLimited' : 'transient';
				counts[counter]++;
				this.logger.warn(
					`HaloPSA: ${request.method} ${request.path} failed (${attempt.status ?? attempt.code ?? 'network error'}); retry ${counts[counter]} in ${decision.delayMs} ms`,
				);
				await sleep(decision.delayMs);
				continue;
			}
			const failure = describeFailure({
				kind: decision.kind,
				method: request.method,
				path: request.path,
				status: attempt.status,
				code: attempt.code,
				rawBody: attempt.body,
				retries: counts.rateLimited + counts.transient,
				resource: request.resource,
			});
			throw haloApiError(this.getNode(), failure, itemIndex);
		}
	}
}
