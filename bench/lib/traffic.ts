import type { RequestLogEntry } from 'halopsa-sandbox';

/** What a phase cost on the wire, read from the sandbox's request log. */
export interface Traffic {
	requests: number;
	tokenRequests: number;
	/** Resource-server requests by method. */
	gets: number;
	posts: number;
	/** Answers with status 429 (rate limit). */
	rateLimited: number;
	/** Token requests answered 429. */
	tokenRateLimited: number;
	/** Records carried by POSTs that Halo accepted (2xx): a record written twice counts twice. */
	recordsWritten: number;
	/** Time the sandbox spent answering, summed over requests (its latency included). */
	serverMs?: number;
}

export function trafficOf(log: RequestLogEntry[]): Traffic {
	const api = log.filter((entry) => !entry.isTokenRequest);
	const acceptedPosts = api.filter(
		(entry) => entry.method === 'POST' && entry.status >= 200 && entry.status < 300,
	);
	return {
		requests: log.length,
		tokenRequests: log.filter((entry) => entry.isTokenRequest).length,
		gets: api.filter((entry) => entry.method === 'GET').length,
		posts: api.filter((entry) => entry.method === 'POST').length,
		rateLimited: log.filter((entry) => entry.status === 429).length,
		tokenRateLimited: log.filter((entry) => entry.isTokenRequest && entry.status === 429).length,
		recordsWritten: acceptedPosts.reduce((sum, entry) => sum + (entry.bodyItems ?? 0), 0),
		serverMs: log.reduce((sum, entry) => sum + entry.durationMs, 0),
	};
}
