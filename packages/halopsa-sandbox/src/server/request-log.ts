import type { RequestLogEntry } from '../types';

/** Entries kept; older ones are dropped so a long benchmark cannot exhaust memory. */
export const LOG_CAPACITY = 100_000;

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private seq = 0;

	begin(method: string, path: string, query: Record<string, string>): RequestLogEntry {
		const entry: RequestLogEntry = {
			seq: ++this.seq,
			time: new Date().toISOString(),
			method,
			path,
			query,
			status: 0,
			isTokenRequest: false,
			durationMs: 0,
		};
		this.entries.push(entry);
		if (this.entries.length > LOG_CAPACITY) this.entries = this.entries.slice(-LOG_CAPACITY / 2);
		return entry;
	}

	all(): RequestLogEntry[] {
		return this.entries.map((entry) => ({ ...entry, query: { ...entry.query } }));
	}

	reset(): void {
		this.entries = [];
	}
}
