/**
 * Throughput of the sandbox: startup with 10,000 tickets, then requests per second for a single
 * ticket read, a paginated ticket page (page_size 100) and a one-ticket POST, each with 16
 * keep-alive requests in flight. Not a test: numbers depend on the machine.
 *
 *   npm run bench -w halopsa-sandbox [-- --requests 5000 --concurrency 16]
 */
import { Agent, request } from 'node:http';
import { startSandbox } from '../src/index';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const REQUESTS = option('requests', 5000);
const CONCURRENCY = option('concurrency', 16);
const TICKETS = 10_000;

interface Scenario {
	name: string;
	method: 'GET' | 'POST';
	path: (i: number) => string;
	body?: string;
}

function send(
	agent: Agent,
	url: URL,
	scenario: Scenario,
	i: number,
	token: string,
): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				method: scenario.method,
				path: `/api${scenario.path(i)}`,
				headers: {
					authorization: `Bearer ${token}`,
					...(scenario.body
						? {
								'content-type': 'application/json',
								'content-length': Buffer.byteLength(scenario.body),
							}
						: {}),
				},
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		req.end(scenario.body);
	});
}

async function measure(
	url: URL,
	token: string,
	scenario: Scenario,
): Promise<{ rps: number; failures: number }> {
	const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	let next = 0;
	let failures = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < REQUESTS) {
			const status = await send(agent, url, scenario, next++, token);
			if (status >= 300) failures++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	return { rps: REQUESTS / seconds, failures };
}

async function main(): Promise<void> {
	const startedAt = performance.now();
	const sandbox = await startSandbox({ tickets: TICKETS, rateLimit: false });
	const startupMs = performance.now() - startedAt;

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
	const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
	const url = new URL(sandbox.url);
	const ticketType = sandbox.store('tickettypes').find((type) => type.use === 'ticket')?.id ?? 1;

	const scenarios: Scenario[] = [
		{ name: 'GET /api/Tickets/{id}', method: 'GET', path: (i) => `/Tickets/${(i % TICKETS) + 1}` },
		{
			name: 'GET /api/Tickets page (page_size 100)',
			method: 'GET',
			path: (i) => `/Tickets?pageinate=true&page_size=100&page_no=${(i % 50) + 1}`,
		},
		{
			name: 'POST /api/Tickets (one ticket)',
			method: 'POST',
			path: () => '/Tickets',
			body: JSON.stringify([
				{
					summary: 'Benchmark ticket',
					details: 'Created by the benchmark',
					tickettype_id: ticketType,
					client_id: 1,
				},
			]),
		},
	];

	const rows: string[][] = [['startup with 10,000 tickets', `${startupMs.toFixed(0)} ms`, '']];
	for (const scenario of scenarios) {
		const { rps, failures } = await measure(url, token, scenario);
		rows.push([scenario.name, `${rps.toFixed(0)} req/s`, failures ? `${failures} failed` : '']);
	}
	await sandbox.close();

	const width = Math.max(...rows.map((row) => row[0].length));
	process.stdout.write(
		`halopsa-sandbox benchmark: ${REQUESTS} requests per scenario, ${CONCURRENCY} in flight, keep-alive\n`,
	);
	for (const [name, value, note] of rows)
		process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${note}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
