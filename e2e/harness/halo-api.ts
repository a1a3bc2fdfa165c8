import type { Sandbox } from 'halopsa-sandbox';

/** The API application the oracle logs in with, so its requests are told apart from n8n's. */
export const oracleClientId = 'e2e-oracle';
const oracleSecret = 'e2e-oracle-secret';

/**
 * A direct client of the sandbox's API, used as the oracle for what a list should contain
 * (the sandbox applies Halo's default filters, e.g. projects are not tickets). It uses an API
 * application of its own, so the request log separates its calls from the node's.
 */
export async function listFromSandbox(
	sandbox: Sandbox,
	path: string,
	listKey: string,
	query: Record<string, string> = {},
): Promise<Array<Record<string, unknown>>> {
	sandbox.addApplication({
		clientId: oracleClientId,
		clientSecret: oracleSecret,
		scopes: ['all'],
		agentId: 1,
		name: 'e2e oracle',
	});
	const tokenResponse = await fetch(`${sandbox.authUrl}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: oracleClientId,
			client_secret: oracleSecret,
			scope: 'all',
		}),
	});
	if (!tokenResponse.ok) throw new Error(`sandbox token: ${tokenResponse.status}`);
	const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
	const rows: Array<Record<string, unknown>> = [];
	for (let page = 1; ; page++) {
		const params = new URLSearchParams({
			...query,
			pageinate: 'true',
			page_size: '100',
			page_no: String(page),
		});
		const response = await fetch(`${sandbox.resourceUrl}${path}?${params}`, {
			headers: { authorization: `Bearer ${token}` },
		});
		if (!response.ok) throw new Error(`sandbox ${path}: ${response.status}`);
		const body = (await response.json()) as Record<string, unknown>;
		const pageRows = (body[listKey] ?? []) as Array<Record<string, unknown>>;
		rows.push(...pageRows);
		const total = Number(body.record_count);
		if (pageRows.length === 0 || !(rows.length < total)) return rows;
	}
}

export function sortedIds(rows: Array<Record<string, unknown>>): number[] {
	return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** Requests of the default application, i.e. the ones n8n made. */
export function requestsOfN8n(sandbox: Sandbox): ReturnType<Sandbox['requests']> {
	return sandbox.requests().filter((call) => call.application !== oracleClientId);
}
