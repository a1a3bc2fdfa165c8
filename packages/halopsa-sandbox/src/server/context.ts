import type { Applications } from '../auth/applications';
import type { TokenStore } from '../auth/tokens';
import type { Store } from '../store/store';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import type { Faults } from './faults';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';

export interface Settings {
	latencyMs: number;
	tokenTtlSeconds: number;
}

/** Everything one sandbox instance holds; handlers receive it instead of reaching for globals. */
export interface SandboxContext {
	tenant: string;
	/** Filled in once the server listens. */
	urls: { url: string; authUrl: string; resourceUrl: string };
	settings: Settings;
	store: Store;
	applications: Applications;
	tokens: TokenStore;
	log: RequestLog;
	faults: Faults;
	rateLimiter: RateLimiter;
	webhooks: WebhookDispatcher;
}
