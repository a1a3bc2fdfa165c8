import type { Sandbox } from 'halopsa-sandbox';

/**
 * A direct client of the sandbox's API, used as the oracle for what a list should contain
 * (the sandbox applies Halo's default filters, e.g. projects are not tickets). Callers reset the
 * sandbox's request log afterwards, so these requests never count as the node's.
 */
export async function listFromSandbox(
	sandbox: Sandbox,
	path: string,
	listKey: string,
	query: Record<string, string> = {},
): Promise<Array<Record<string, unknown>>> {
	const tokenResponse = await fetch(`${sandbox.authUrl}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sandbox.clientId,
			client_secret: sandbox.clientSecret,
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
		if (pageRows.length === 0 || rows.length >= Number(body.record_count)) return rows;
	}
}

export function sortedIds(rows: Array<Record<string, unknown>>): number[] {
	return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
