import { startSandbox, type Sandbox, type SandboxOptions } from '../src/index';

export interface Client {
	sandbox: Sandbox;
	token: string;
	/** Calls the resource server with the token; `path` is relative to `/api`. */
	api(path: string, init?: { method?: string; body?: unknown; token?: string }): Promise<Response>;
	json<T = any>(
		path: string,
		init?: { method?: string; body?: unknown; token?: string },
	): Promise<T>;
}

export async function requestToken(
	sandbox: Sandbox,
	fields: Record<string, string> = {},
	query = '',
): Promise<Response> {
	return fetch(`${sandbox.authUrl}/token${query}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sandbox.clientId,
			client_secret: sandbox.clientSecret,
			scope: 'all',
			...fields,
		}),
	});
}

export async function tokenFor(
	sandbox: Sandbox,
	fields: Record<string, string> = {},
): Promise<string> {
	const response = await requestToken(sandbox, fields);
	if (response.status !== 200)
		throw new Error(`token request failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { access_token: string }).access_token;
}

/** A sandbox with the rate limit off unless asked, and a token with scope `all`. */
export async function startClient(options: SandboxOptions = {}): Promise<Client> {
	const sandbox = await startSandbox({ rateLimit: false, ...options });
	const token = await tokenFor(sandbox);
	const api: Client['api'] = (path, init = {}) =>
		fetch(`${sandbox.resourceUrl}${path}`, {
			method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
			headers: {
				authorization: `Bearer ${init.token ?? token}`,
				...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
		});
	return {
		sandbox,
		token,
		api,
		json: async (path, init) => {
			const response = await api(path, init);
			const text = await response.text();
			if (!response.ok) throw new Error(`${response.status} ${text}`);
			return text === '' ? undefined : JSON.parse(text);
		},
	};
}
