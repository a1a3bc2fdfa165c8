import type { RateLimitSettings } from '../types';
import type { Reply } from './reply';

/**
 * Rolling-window limiter per API application (api-notes §3.1: "300 Requests per rolling 5 minute
 * window" on hosted Halo). Only admitted requests count, so a client that waits recovers
 * [inferred].
 */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();

	constructor(private settings: RateLimitSettings | false) {}

	configure(settings: RateLimitSettings | false): void {
		this.settings = settings;
		this.windows.clear();
	}

	current(): RateLimitSettings | false {
		return this.settings;
	}

	/** `undefined` when admitted, else the seconds until a slot frees up. */
	admit(application: string, now = Date.now()): number | undefined {
		const settings = this.settings;
		if (!settings) return undefined;
		const windowMs = settings.windowSeconds * 1000;
		let stamps = this.windows.get(application);
		if (!stamps) {
			stamps = [];
			this.windows.set(application, stamps);
		}
		let expired = 0;
		while (expired < stamps.length && stamps[expired] <= now - windowMs) expired++;
		if (expired > 0) stamps.splice(0, expired);
		if (stamps.length >= settings.requests) {
			return Math.max(1, Math.ceil((stamps[0] + windowMs - now) / 1000));
		}
		stamps.push(now);
		return undefined;
	}

	/** Halo's 429 text (api-notes §3.1), with the configured numbers (hosted Halo's when off). */
	message(): string {
		const settings = this.settings || { requests: 300, windowSeconds: 300 };
		const window =
			settings.windowSeconds % 60 === 0
				? `${settings.windowSeconds / 60} minute`
				: `${settings.windowSeconds} second`;
		return `Rate Limit Reached - ${settings.requests} Requests per rolling ${window} window`;
	}
}

/** Halo's 429 (api-notes §3.1): a plain-text sentence; `Retry-After` only when asked for. */
export function tooManyRequests(limiter: RateLimiter, retryAfter: number): Reply {
	const settings = limiter.current();
	const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
	if (settings && settings.sendRetryAfter) headers['retry-after'] = String(retryAfter);
	return { status: 429, headers, body: limiter.message() };
}
