import { mebibytes, millis, ratio, seconds, table } from './format';
import type { MachineInfo } from './machine';
import {
	median,
	nodeKeys as nodes,
	nodeLabel as label,
	type BenchResults,
	type BenchSettings,
} from './results';
import type { NodeKey, PhaseResult } from './scenarios';

function writeFloor(settings: BenchSettings): number {
	return Math.ceil(settings.writeItems / settings.floorRecordsPerPost);
}

function requestsCell(phase: PhaseResult): string {
	return String(phase.traffic.requests);
}

function itemsCell(phase: PhaseResult): string {
	const items = phase.items;
	return items ? `${items.completed} / ${items.failed}` : '';
}

function getOneTable(results: BenchResults): string {
	const { builtin, ours } = results.getOne;
	const n = results.settings.getOneExecutions;
	const rows = nodes.map((node) => {
		const phase = results.getOne[node];
		const per = phase.perExecutionMs;
		return [
			label[node],
			requestsCell(phase),
			String(phase.traffic.tokenRequests),
			seconds(phase.wallMs),
			per ? `${millis(per.median)} / ${millis(per.p95)}` : '',
		];
	});
	rows.push([
		'ours / built-in',
		ratio(ours.traffic.requests, builtin.traffic.requests),
		ratio(ours.traffic.tokenRequests, builtin.traffic.tokenRequests),
		ratio(ours.wallMs, builtin.wallMs),
		'',
	]);
	rows.push(['floor', `${n + 1}`, '1 per run', '', '']);
	rows.push(['ours / floor', ratio(ours.traffic.requests, n + 1), '', '', '']);
	return table(
		[
			'',
			'HTTP requests',
			'token requests',
			'wall time (all executions)',
			'per execution median / p95',
		],
		rows,
	);
}

function writeTable(results: BenchResults, which: 'create' | 'update'): string {
	const phases = results[which];
	const { builtin, ours } = phases;
	const floor = writeFloor(results.settings);
	const rows = nodes.map((node) => {
		const phase = phases[node];
		return [
			label[node],
			requestsCell(phase),
			String(phase.traffic.tokenRequests),
			String(phase.traffic.posts),
			seconds(phase.wallMs),
			itemsCell(phase),
			String(phase.store?.duplicates ?? ''),
		];
	});
	rows.push([
		'ours / built-in',
		ratio(ours.traffic.requests, builtin.traffic.requests),
		'',
		ratio(ours.traffic.posts, builtin.traffic.posts),
		ratio(ours.wallMs, builtin.wallMs),
		'',
		'',
	]);
	rows.push(['floor', `${floor} (+ 1 token per run)`, '', String(floor), '', '', '0']);
	rows.push([
		'ours / floor',
		ratio(ours.traffic.requests, floor),
		'',
		ratio(ours.traffic.posts, floor),
		'',
		'',
		'',
	]);
	return table(
		[
			'',
			'HTTP requests',
			'token requests',
			'POSTs',
			'wall time',
			'items done / failed',
			'written twice',
		],
		rows,
	);
}

function getAllTable(results: BenchResults): string {
	const { settings } = results;
	const floor = Math.ceil(settings.tickets / settings.floorPageSize);
	const wall = (node: NodeKey) => median(results.getAll[node].map((phase) => phase.wallMs));
	// Sum of the sandbox's answer times over wall time: about 1 when pages are read one after
	// the other, more when several are in flight at once.
	const inFlight = (node: NodeKey) =>
		median(results.getAll[node].map((phase) => (phase.traffic.serverMs ?? 0) / phase.wallMs));
	const rows = nodes.map((node) => {
		const first = results.getAll[node][0];
		return [
			label[node],
			requestsCell(first),
			String(first.traffic.tokenRequests),
			String(first.items?.completed ?? ''),
			seconds(wall(node)),
			results.getAll[node][0].traffic.serverMs === undefined ? '' : inFlight(node).toFixed(1),
			results.getAll[node].map((phase) => seconds(phase.wallMs)).join(', '),
		];
	});
	const b = results.getAll.builtin[0];
	const o = results.getAll.ours[0];
	rows.push([
		'ours / built-in',
		ratio(o.traffic.requests, b.traffic.requests),
		'',
		'',
		ratio(wall('ours'), wall('builtin')),
		'',
		'',
	]);
	rows.push(['floor', `${floor} (+ 1 token per run)`, '', String(settings.tickets), '', '', '']);
	rows.push(['ours / floor', ratio(o.traffic.requests, floor), '', '', '', '', '']);
	return table(
		[
			'',
			'HTTP requests (first run)',
			'token requests',
			'tickets returned',
			'wall time (median)',
			'requests in flight on average (median)',
			'each run',
		],
		rows,
	);
}

function rateLimitedTable(results: BenchResults): string {
	const rows: string[][] = [];
	for (const [name, phases] of [
		['create', results.rateLimitedCreate],
		['update', results.rateLimitedUpdate],
	] as const) {
		for (const node of nodes) {
			const phase = phases[node];
			rows.push([
				`${name}, ${label[node]}`,
				String(phase.items?.completed ?? ''),
				String(phase.items?.failed ?? ''),
				String(phase.traffic.requests),
				String(phase.traffic.rateLimited),
				String(phase.traffic.tokenRequests),
				seconds(phase.wallMs),
				String(phase.traffic.recordsWritten),
				String(phase.store?.duplicates ?? ''),
				(phase.items?.errors ?? []).slice(0, 1).join('').slice(0, 140),
			]);
		}
	}
	return table(
		[
			'',
			'items done',
			'items failed',
			'HTTP requests',
			'of which 429',
			'token requests',
			'wall time',
			'records Halo accepted',
			'written twice',
			'first error reported',
		],
		rows,
	);
}

function memoryTable(results: BenchResults): string {
	const peak = (node: NodeKey) =>
		Math.max(...results.memory[node].map((phase) => phase.memory?.peakBytes ?? 0));
	const growth = (node: NodeKey) =>
		Math.max(
			...results.memory[node].map((phase) =>
				phase.memory ? phase.memory.peakBytes - phase.memory.startBytes : 0,
			),
		);
	const wall = (node: NodeKey) => median(results.memory[node].map((phase) => phase.wallMs));
	const rows = nodes.map((node) => {
		const phases = results.memory[node];
		return [
			label[node],
			phases
				.map((phase) =>
					phase.memory
						? `${mebibytes(phase.memory.startBytes)} → ${mebibytes(phase.memory.peakBytes)}`
						: '',
				)
				.join(', '),
			mebibytes(peak(node)),
			mebibytes(growth(node)),
			phases.map((phase) => String(phase.items?.completed ?? '')).join(', '),
			String(phases[0].traffic.requests),
			seconds(wall(node)),
		];
	});
	rows.push([
		'ours / built-in',
		'',
		ratio(peak('ours'), peak('builtin')),
		ratio(growth('ours'), growth('builtin')),
		'',
		ratio(results.memory.ours[0].traffic.requests, results.memory.builtin[0].traffic.requests),
		ratio(wall('ours'), wall('builtin')),
	]);
	return table(
		[
			'',
			'RSS before → peak, each run',
			'highest peak',
			'largest growth',
			'tickets returned',
			'HTTP requests (first run)',
			'wall time (median)',
		],
		rows,
	);
}

const n = (value: number) => value.toLocaleString('en');

export function renderTables(results: BenchResults): string {
	const { settings } = results;
	return [
		`### 1. Get one ticket, ${settings.getOneExecutions} executions`,
		getOneTable(results),
		`### 2. Create ${n(settings.writeItems)} tickets from ${n(settings.writeItems)} items (one execution)`,
		writeTable(results, 'create'),
		`### 3. Update ${n(settings.writeItems)} tickets (one execution)`,
		writeTable(results, 'update'),
		`### 4. Get all ${settings.tickets.toLocaleString('en')} tickets (Return All)`,
		getAllTable(results),
		`### 5. Create and update ${n(settings.writeItems)} tickets under a rate limit of ${settings.rateLimit.requests} requests per ${settings.rateLimit.windowSeconds} s`,
		rateLimitedTable(results),
		`### 6. Peak memory of the n8n process tree while getting all ${settings.bigTickets.toLocaleString('en')} tickets`,
		memoryTable(results),
	].join('\n\n');
}

export function renderMachine(
	machine: MachineInfo,
	settings: BenchSettings,
	durationMs: number,
): string {
	return [
		`- Date: ${machine.date}`,
		`- Command: \`${settings.command}\` (whole run: ${seconds(durationMs)})`,
		`- Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB memory, ${machine.os}`,
		`- n8n ${machine.n8n} (n8n-nodes-base ${machine.nodesBase}) on Node ${machine.n8nNode}; runner and sandbox on Node ${machine.runnerNode}`,
		`- n8n-nodes-halopsa ${machine.packageVersion} (installed as a community package from \`npm pack\`), halopsa-sandbox ${machine.sandboxVersion}, commit ${machine.commit}`,
	].join('\n');
}
