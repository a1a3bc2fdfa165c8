const NO_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

interface DateTimeLike {
	toISO: () => string | null;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as DateTimeLike).toISO === 'function'
	);
}

/**
 * An n8n date parameter as the ISO-8601 UTC string Halo expects (api-notes §2.8). n8n's date
 * picker gives no time zone; Halo stores UTC, so such a value is read as UTC.
 */
export function toHaloDate(value: unknown): string | undefined {
	let text: string | undefined;
	if (value instanceof Date) text = value.toISOString();
	else if (isDateTimeLike(value)) text = value.toISO() ?? undefined;
	else if (typeof value === 'string') text = value.trim();
	if (!text) return undefined;
	if (NO_ZONE.test(text)) {
		text = text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`;
	}
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
