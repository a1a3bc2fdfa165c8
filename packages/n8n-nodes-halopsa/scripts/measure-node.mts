/**
 * Measures the request budget of the HaloPSA node against a local sandbox (issue 3, "Done
 * when"): Get Many with Return All over 10,000 tickets, and Create from 500 items. Prints the
 * figures; no assertions, timings are informative only.
 *
 *   cd packages/n8n-nodes-halopsa && node --import tsx scripts/measure-node.mts
 */
import { startHaloSandbox } from '../test/harness/index.ts';
import { apiRequests, runNode } from '../test/node-run.ts';

type Row = Record<string, unknown>;

async function topUpTickets(sandbox: Awaited<ReturnType<typeof startHaloSandbox>>, wanted: number) {
	const types = sandbox.store('tickettypes');
	const isTicket = (row: Row) =>
		row.deleted !== true &&
		(types.find((type) => type.id === row.tickettype_id)?.use ?? 'ticket') === 'ticket';
	const missing = wanted - sandbox.store('tickets').filter(isTicket).length;
	const ticketType = types.find((type) => type.use === 'ticket')?.id;
	if (missing > 0) {
		await runNode(sandbox, {
			parameters: Array.from({ length: missing }, (_, index) => ({
				resource: 'ticket',
				operation: 'create',
				tickettype_id: ticketType,
				summary: `Top-up ${index}`,
			})),
		});
	}
	return sandbox.store('tickets').filter(isTicket).length;
}

const sandbox = await startHaloSandbox({ tickets: 10_000 });
try {
	const available = await topUpTickets(sandbox, 10_000);
	sandbox.resetRequests();
	let started = performance.now();
	const all = await runNode(sandbox, {
		parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, simplify: false },
	});
	const listMs = performance.now() - started;
	const listRequests = apiRequests(sandbox).length;
	console.log(
		`Get Many, Return All: ${all.length} of ${available} tickets in ${listRequests} list requests (${listMs.toFixed(0)} ms)`,
	);

	sandbox.resetRequests();
	const types = sandbox.store('tickettypes');
	const ticketType = types.find((type) => type.use === 'ticket')?.id;
	started = performance.now();
	const created = await runNode(sandbox, {
		parameters: Array.from({ length: 500 }, (_, index) => ({
			resource: 'ticket',
			operation: 'create',
			tickettype_id: ticketType,
			summary: `Measured ${index}`,
		})),
	});
	const createMs = performance.now() - started;
	const log = sandbox.requests();
	const posts = log.filter((entry) => !entry.isTokenRequest && entry.method === 'POST').length;
	const tokenRequests = log.filter((entry) => entry.isTokenRequest).length;
	const tokens = new Set(log.map((entry) => entry.token).filter(Boolean)).size;
	console.log(
		`Create from 500 items: ${created.length} tickets, ${posts} POSTs, ${tokenRequests} token request(s), ${tokens} distinct token(s) (${createMs.toFixed(0)} ms)`,
	);
} finally {
	await sandbox.close();
}
