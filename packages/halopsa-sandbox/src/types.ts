/**
 * Public contract of the sandbox. The node package's tests, the end-to-end suite and the
 * benchmarks all code against these types, so change them only together with their callers.
 */

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** An API application as configured in Halo (Configuration > Integrations > Halo API > Applications). */
export interface ApiApplication {
	clientId: string;
	clientSecret: string;
	/** Permissions granted to the application, e.g. `['all']` or `['read:tickets', 'edit:customers']`. */
	scopes: string[];
	/** Id of the agent the application logs in as (Halo checks that agent's permissions as well). */
	agentId: number;
	/** Display name shown in errors and the request log. */
	name?: string;
}

/** What an agent may do; Halo checks these in addition to the application's scopes. */
export interface AgentPermissions {
	/** Areas the agent may read, e.g. `['tickets', 'customers']`; `['all']` for everything. */
	read: string[];
	/** Areas the agent may change. */
	edit: string[];
}

export interface RateLimitSettings {
	/** Requests allowed per window, per API application. */
	requests: number;
	/** Length of the rolling window in seconds. */
	windowSeconds: number;
	/** Send a `Retry-After` header with 429s. Halo is not known to send one, so the default is false. */
	sendRetryAfter?: boolean;
}

/**
 * A fault applies to requests whose method and path match (path compared case-insensitively,
 * `*` matches one path segment, a trailing `/**` any rest). It fires `times` times (default:
 * every time) or, with `probability`, on a draw from a generator seeded with `seed`, so runs
 * repeat exactly.
 */
export interface FaultRule {
	method?: HttpMethod | '*';
	path: string;
	/** Answer with this status instead of processing the request. */
	status?: number;
	/** Body for `status`; a Halo-shaped error body is used when absent. */
	body?: unknown;
	/** Extra latency in milliseconds before the request is handled. */
	delayMs?: number;
	/**
	 * Drop the connection: `before` the request is processed (nothing changed on the server),
	 * or `after` it was processed (the change happened, the client never hears of it).
	 */
	drop?: 'before' | 'after';
	times?: number;
	probability?: number;
	seed?: number;
}

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Tenant name for hosted-style token requests (`?tenant=`). Default `sandbox`. */
	tenant?: string;
	/** The default API application; more can be added with `applications`. */
	clientId?: string;
	clientSecret?: string;
	/** Scopes of the default application. Default `['all']`. */
	scopes?: string[];
	applications?: ApiApplication[];
	/** Number of generated tickets. Default 12. Other collections scale with it. */
	tickets?: number;
	/** Seed of the data generator. Default 1. */
	seed?: number;
	/** Latency added to every request, in milliseconds. Default 0. */
	latencyMs?: number;
	/** Default 300 requests per 300 s, as on hosted Halo; `false` switches it off. */
	rateLimit?: RateLimitSettings | false;
	/** `expires_in` of issued tokens, in seconds. Default 3600. */
	tokenTtlSeconds?: number;
	faults?: FaultRule[];
}

export interface RequestLogEntry {
	/** Sequence number, starting at 1, in arrival order. */
	seq: number;
	/** ISO timestamp of arrival. */
	time: string;
	method: string;
	/** Path as sent, without the query string, e.g. `/api/Tickets` or `/auth/token`. */
	path: string;
	/** Query parameters as sent (repeated keys keep the last value). */
	query: Record<string, string>;
	status: number;
	/** Client id of the application that made the request, when known. */
	application?: string;
	/**
	 * A short, non-reversible fingerprint of the bearer token (never the token itself), so tests
	 * can count distinct tokens without a secret reaching the log.
	 */
	token?: string;
	/** `true` for token requests to the auth server. */
	isTokenRequest: boolean;
	/** Number of records in a POST body (1 for a bare object). */
	bodyItems?: number;
	/** Set when a fault changed the outcome. */
	fault?: 'status' | 'drop-before' | 'drop-after' | 'delay';
	durationMs: number;
}

export interface WebhookDelivery {
	id: string;
	webhookId: string;
	url: string;
	event: string;
	status: number | null;
	error?: string;
	body: unknown;
}

export interface Sandbox {
	/** Base URL of the server, e.g. `http://127.0.0.1:43123`. */
	url: string;
	/** Authorisation server URL, `<url>/auth`. */
	authUrl: string;
	/** Resource server URL, `<url>/api`. */
	resourceUrl: string;
	tenant: string;
	clientId: string;
	clientSecret: string;

	/** Every request in arrival order (a copy). */
	requests(): RequestLogEntry[];
	resetRequests(): void;

	setFaults(faults: FaultRule[]): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimitSettings | false): void;
	setTokenTtl(seconds: number): void;
	/** Revoke every token issued so far (they answer 401 from now on). */
	revokeTokens(): void;
	/** Add or replace an API application. */
	addApplication(app: ApiApplication): void;
	/** Set what an agent may do (default for generated agents: everything). */
	setAgentPermissions(agentId: number, permissions: AgentPermissions): void;

	/** Records of a collection as stored, e.g. `store('tickets')`; a deep copy. */
	store(collection: string): Array<Record<string, unknown>>;
	/** Webhook deliveries made so far. */
	deliveries(): WebhookDelivery[];

	close(): Promise<void>;
}
