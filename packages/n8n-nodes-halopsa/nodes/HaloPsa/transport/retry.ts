/**
 * When to try a request again and how long to wait. Shared by the token request (credential) and
 * the API transport so both treat Halo's limits the same way.
 */

export interface BackoffPolicy {
	firstDelayMs: number;
	maxDelayMs: number;
	maxRetries: number;
}

/**
 * 429: Halo counts 300 requests per rolling 5-minute window and is not known to send Retry-After
 * (api-notes §3.1), so the waits must together outlast the window: 2, 4, 8, 16, 32, then 60 s
 * five times = 362 s. Shorter schedules only burn attempts inside the same window (HaloAPI issue
 * #31, api-notes §6).
 */
export const RATE_LIMIT_BACKOFF: BackoffPolicy = {
	firstDelayMs: 2_000,
	maxDelayMs: 60_000,
	maxRetries: 10,
};

/** 502/503/504 and dropped connections: short outages; 0.5, 1 and 2 s. */
export const TRANSIENT_BACKOFF: BackoffPolicy = {
	firstDelayMs: 500,
	maxDelayMs: 4_000,
	maxRetries: 3,
};

/** A Retry-After longer than this is not waited for; it is longer than Halo's whole window. */
export const MAX_RETRY_AFTER_MS = 300_000;

export const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/** Failures where the connection broke or never formed: worth another attempt. */
const CONNECTION_ERROR_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Of those, the ones where no byte of the request can have reached the server: the connection was
 * refused or the host could not be found or routed to. A create may be sent again after these, and
 * only after these (a reset or a timeout can happen after Halo processed the request).
 */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EAI_AGAIN',
]);

const CERTIFICATE_ERROR_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The first string `code` on an error or its chain of causes (axios puts Node's code on top). */
export function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code !== '') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export function isConnectionErrorCode(code: string | undefined): boolean {
	return code !== undefined && CONNECTION_ERROR_CODES.has(code);
}

export function isNotSentErrorCode(code: string | undefined): boolean {
	return code !== undefined && NOT_SENT_CODES.has(code);
}

export function isCertificateErrorCode(code: string | undefined): boolean {
	return code !== undefined && CERTIFICATE_ERROR_CODES.has(code);
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text === 'number' && Number.isFinite(text)) return Math.max(0, text * 1000);
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retryIndex` (0-based). The server's Retry-After wins when
 * it sent one (capped at MAX_RETRY_AFTER_MS); otherwise the delay doubles up to the policy's cap.
 */
export function backoffDelayMs(
	policy: BackoffPolicy,
	retryIndex: number,
	retryAfterMs?: number,
): number {
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
	return Math.min(policy.firstDelayMs * 2 ** retryIndex, policy.maxDelayMs);
}
