/**
 * Secrets must never reach an error, an item or a log line (design.md, Reliability rules). The
 * transport builds its errors from scratch, and whatever Halo's answer or a lower layer hands it
 * goes through here first: bearer tokens, client secrets and OAuth tokens are masked in text and
 * dropped from objects.
 */

const SECRET_KEY =
	/^(authorization|proxy-authorization|cookie|set-cookie|client_secret|clientsecret|access_token|accesstoken|refresh_token|id_token|password|x-api-key)$/i;

const MASK = '[redacted]';

/** Masks `Bearer …`, `client_secret=…`/`access_token=…` (form or query) and the JSON forms. */
export function redactText(text: string): string {
	return text
		.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${MASK}`)
		.replace(/\b(client_secret|access_token|refresh_token|id_token)=[^&\s"']*/gi, `$1=${MASK}`)
		.replace(
			/("(?:client_secret|access_token|refresh_token|id_token|accessToken|clientSecret)"\s*:\s*)"[^"]*"/gi,
			`$1"${MASK}"`,
		);
}

/**
 * A JSON-safe copy of `value` without secrets: secret-named keys are dropped, strings masked,
 * bytes summarised, depth and size bounded (a Halo error body is small; anything big is noise).
 */
export function redactValue(value: unknown, depth = 0): unknown {
	if (value === null || value === undefined) return value;
	if (typeof value === 'string') {
		const text = value.length > 2_000 ? `${value.slice(0, 2_000)}…` : value;
		return redactText(text);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
		return `[${(value as ArrayBuffer).byteLength} bytes]`;
	}
	if (depth >= 6) return '[nested too deep]';
	if (Array.isArray(value)) return value.slice(0, 50).map((entry) => redactValue(entry, depth + 1));
	if (typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>).slice(0, 100)) {
			if (SECRET_KEY.test(key)) continue;
			copy[key] = redactValue(entry, depth + 1);
		}
		return copy;
	}
	return String(value);
}
