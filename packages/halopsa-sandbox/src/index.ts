import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Applications } from './auth/applications';
import { TokenStore } from './auth/tokens';
import { generateDataset } from './data/generate';
import type { SandboxContext } from './server/context';
import { Faults } from './server/faults';
import { createRequestHandler } from './server/http-server';
import { RateLimiter } from './server/rate-limit';
import { RequestLog } from './server/request-log';
import { Store } from './store/store';
import type { Sandbox, SandboxOptions } from './types';
import { WebhookDispatcher } from './webhooks/dispatcher';

export * from './types';
export { CATALOGUE, type ResourceDef } from './api/catalogue';

export const DEFAULTS = {
	host: '127.0.0.1',
	tenant: 'sandbox',
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	tickets: 12,
	seed: 1,
	tokenTtlSeconds: 3600,
	/** Hosted Halo's limit (api-notes §3.1). */
	rateLimit: { requests: 300, windowSeconds: 300 },
} as const;

/** Starts a sandbox on its own port; several may run at once. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const tenant = options.tenant ?? DEFAULTS.tenant;
	const clientId = options.clientId ?? DEFAULTS.clientId;
	const clientSecret = options.clientSecret ?? DEFAULTS.clientSecret;

	const store = new Store(
		generateDataset({
			tickets: options.tickets ?? DEFAULTS.tickets,
			seed: options.seed ?? DEFAULTS.seed,
		}),
	);
	const applications = new Applications();
	// Agent 1 is the API agent generated data reserves for applications.
	applications.add({
		clientId,
		clientSecret,
		scopes: options.scopes ?? ['all'],
		agentId: 1,
		name: 'Sandbox application',
	});
	for (const app of options.applications ?? []) applications.add(app);

	const faults = new Faults();
	faults.set(options.faults ?? []);

	const ctx: SandboxContext = {
		tenant,
		urls: { url: '', authUrl: '', resourceUrl: '' },
		settings: {
			latencyMs: options.latencyMs ?? 0,
			tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
		},
		store,
		applications,
		tokens: new TokenStore(),
		log: new RequestLog(),
		faults,
		rateLimiter: new RateLimiter(
			options.rateLimit === undefined ? { ...DEFAULTS.rateLimit } : options.rateLimit,
		),
		webhooks: new WebhookDispatcher(store),
	};

	const server = createServer({ keepAlive: true }, createRequestHandler(ctx));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? DEFAULTS.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const url = `http://${host}:${address.port}`;
	ctx.urls = { url, authUrl: `${url}/auth`, resourceUrl: `${url}/api` };

	let closing: Promise<void> | undefined;
	return {
		...ctx.urls,
		tenant,
		clientId,
		clientSecret,
		requests: () => ctx.log.all(),
		resetRequests: () => ctx.log.reset(),
		setFaults: (rules) => ctx.faults.set(rules),
		clearFaults: () => ctx.faults.clear(),
		setLatency: (ms) => {
			ctx.settings.latencyMs = Math.max(0, ms);
		},
		setRateLimit: (limit) => ctx.rateLimiter.configure(limit),
		setTokenTtl: (seconds) => {
			ctx.settings.tokenTtlSeconds = seconds;
		},
		revokeTokens: () => ctx.tokens.revokeAll(),
		addApplication: (app) => ctx.applications.add(app),
		setAgentPermissions: (agentId, permissions) =>
			ctx.applications.setAgentPermissions(agentId, permissions),
		store: (collection) =>
			structuredClone(ctx.store.has(collection) ? ctx.store.rows(collection) : []) as Array<
				Record<string, unknown>
			>,
		deliveries: () => ctx.webhooks.deliveries(),
		close: () => {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}).then(() => ctx.webhooks.idle());
			return closing;
		},
	};
}
