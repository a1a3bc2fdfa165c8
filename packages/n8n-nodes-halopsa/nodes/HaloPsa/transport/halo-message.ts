/**
 * Halo's own words from an error answer. Halo's error bodies come in several shapes (api-notes
 * §2.9): `{ClassName, Message}`, `{message}`, RFC 6749 `{error, error_description}`, field-keyed
 * validation (`{"[0].summary": ["…"]}` or ASP.NET's `{title, errors: {…}}`), plain text, an HTML
 * page from a proxy, bytes (attachment requests), or nothing. None of them may make parsing throw.
 */
import { redactText } from './redact';

export interface FieldProblem {
	/** Position in the posted array, when Halo's key starts with `[n].`. */
	index?: number;
	/** Field name without the position, e.g. `summary`. */
	field: string;
	text: string;
}

export interface HaloMessage {
	/** One line for the user; '' when Halo said nothing usable. */
	text: string;
	fields: FieldProblem[];
}

const FIELD_KEY = /^(?:\[(\d+)\]\.?)?([A-Za-z_$][\w$]*(?:[.[\]\w$]*)?)$/;

function decode(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
		const bytes = Buffer.isBuffer(body)
			? body
			: Buffer.from(body instanceof ArrayBuffer ? body : (body as Uint8Array).buffer);
		// Not text (control bytes other than tab and line breaks): nothing to show.
		if (bytes.some((byte) => byte < 9 || (byte > 13 && byte < 32))) return '';
		body = bytes.toString('utf8');
	}
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
			try {
				return JSON.parse(trimmed) as unknown;
			} catch {
				return trimmed;
			}
		}
		return trimmed;
	}
	return body;
}

function texts(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (Array.isArray(value)) return value.flatMap(texts);
	return [];
}

function fieldProblems(record: Record<string, unknown>): FieldProblem[] {
	const problems: FieldProblem[] = [];
	for (const [key, value] of Object.entries(record)) {
		const match = FIELD_KEY.exec(key);
		const said = texts(value);
		if (!match || said.length === 0) continue;
		problems.push({
			index: match[1] === undefined ? undefined : Number(match[1]),
			field: match[2],
			text: said.join(' '),
		});
	}
	return problems;
}

const MESSAGE_KEYS = [
	'Message',
	'message',
	'error_description',
	'errorMessage',
	'title',
	'error',
	'detail',
];

export function readHaloMessage(body: unknown): HaloMessage {
	const decoded = decode(body);
	if (decoded === null || decoded === undefined) return { text: '', fields: [] };
	if (typeof decoded === 'string') {
		if (/^</.test(decoded)) return { text: 'an HTML page', fields: [] };
		const line = decoded.length > 500 ? `${decoded.slice(0, 500)}…` : decoded;
		return { text: redactText(line), fields: [] };
	}
	if (Array.isArray(decoded)) {
		return { text: redactText(texts(decoded).join(' ')), fields: [] };
	}
	if (typeof decoded !== 'object') return { text: redactText(String(decoded)), fields: [] };

	const record = decoded as Record<string, unknown>;
	const nested = record.errors;
	const fields =
		typeof nested === 'object' && nested !== null && !Array.isArray(nested)
			? fieldProblems(nested as Record<string, unknown>)
			: [];
	const key = MESSAGE_KEYS.find((candidate) => texts(record[candidate]).length > 0);
	let text = key ? texts(record[key]).join(' ') : '';
	if (key === undefined && fields.length === 0) fields.push(...fieldProblems(record));
	if (text === '' && fields.length > 0) {
		text = fields.map((problem) => `${problem.field}: ${problem.text}`).join('; ');
	}
	if (text.length > 500) text = `${text.slice(0, 500)}…`;
	return {
		text: redactText(text),
		fields: fields.map((problem) => ({ ...problem, text: redactText(problem.text) })),
	};
}
