/*
 * Time and memory of dataset generation and body validation (not a test: figures vary by machine).
 *   node --expose-gc --import tsx bench/generate.ts [tickets...]
 * Each size runs in a fresh process so the figures include a cold start, as the CLI sees it.
 */
import { execFileSync } from 'node:child_process';
import { generateDataset } from '../src/data/generate';
import { validateRecord } from '../src/validation/validate-body';

function measure(tickets: number): void {
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const data = generateDataset({ tickets, seed: 1 });
	const wall = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	global.gc?.();
	const heap = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
	const batch = data.tickets.slice(0, 50);
	const validateStarted = performance.now();
	const rounds = 200;
	for (let round = 0; round < rounds; round++) {
		batch.forEach((ticket, index) => validateRecord('Faults', ticket, `[${index}]`));
	}
	const perBatch = (performance.now() - validateStarted) / rounds;
	console.log(
		`${String(tickets).padStart(7)} tickets: ${wall.toFixed(0).padStart(5)} ms wall, ` +
			`${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms cpu, ` +
			`${heap.toFixed(0).padStart(4)} MB heap, ${data.actions.length} actions; ` +
			`50-ticket body validated in ${(perBatch * 1000).toFixed(0)} µs`,
	);
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 1) {
	measure(sizes[0]);
} else {
	for (const size of sizes.length > 0 ? sizes : [12, 10_000, 100_000]) {
		execFileSync(process.execPath, [...process.execArgv, __filename, String(size)], {
			stdio: 'inherit',
		});
	}
}
