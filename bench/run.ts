/**
 * `npm run bench`: n8n's built-in HaloPSA node against this package's node, in one real n8n,
 * against the local Halo sandbox with 50 ms of latency per request (issue 5). Writes
 * bench/results.md and exits non-zero when a criterion fails. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startSandbox } from 'halopsa-sandbox';

import { mebibytes, seconds } from './lib/format';
import { machineInfo } from './lib/machine';
import { startN8n, waitForWebhooks, type N8nInstance } from './lib/n8n';
import { postJson } from './lib/http';
import { builtinNode, oursNode } from './lib/nodes';
import { credentialsFor, warmUpWorkflow, workflowsFor } from './lib/plan';
import { criteria, renderCriteria } from './lib/criteria';
import { renderMachine, renderTables } from './lib/report';
import type { BenchResults, BenchSettings } from './lib/results';
import { renderResultsFile } from './lib/results-file';
import {
	runCreate,
	runGetAll,
	runGetOne,
	runUpdate,
	type NodeKey,
	type PhaseResult,
} from './lib/scenarios';
import { listedTicketIds } from './lib/scenarios';
import { prepareUserFolder } from './lib/setup';
import type { HaloNodeUnderTest } from './lib/workflows';

const benchDir = __dirname;
const workDir = path.join(benchDir, '.work');

/**
 * BENCH_QUICK=1 shrinks every scenario for work on the bench itself; its figures go to
 * bench/.work/ only, never to results.md. BENCH_NODES=builtin runs one node (while the other is
 * not built).
 */
const quick = process.env.BENCH_QUICK === '1';

const settings: BenchSettings = {
	latencyMs: 50,
	tickets: quick ? 1_000 : 10_000,
	bigTickets: quick ? 5_000 : 100_000,
	getOneExecutions: quick ? 10 : 100,
	writeItems: quick ? 100 : 1_000,
	getAllRepetitions: quick ? 1 : 5,
	memoryRepetitions: quick ? 1 : 2,
	// Hosted Halo's 300 requests per rolling 300 s, scaled down ten times in time (api-notes §3.1).
	rateLimit: quick ? { requests: 10, windowSeconds: 10 } : { requests: 30, windowSeconds: 30 },
	oursBatchSize: 50,
	floorRecordsPerPost: 100,
	floorPageSize: 100,
	command: 'npm run bench',
};

const nodes: HaloNodeUnderTest[] = [builtinNode, oursNode].filter(
	(node) => !process.env.BENCH_NODES || process.env.BENCH_NODES.split(',').includes(node.key),
);

function log(line: string) {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function main() {
	const started = Date.now();
	const machine = machineInfo();
	const runId = Date.now().toString(36);
	log(`n8n ${machine.n8n}, ${machine.cpus} CPUs, run ${runId}`);

	const main = await startSandbox({
		tickets: settings.tickets,
		latencyMs: settings.latencyMs,
		rateLimit: false,
	});
	log(`sandbox with ${settings.tickets} tickets at ${main.url}`);
	const big = await startSandbox({
		tickets: settings.bigTickets,
		latencyMs: settings.latencyMs,
		rateLimit: false,
		seed: 2,
	});
	log(`sandbox with ${settings.bigTickets} tickets at ${big.url}`);

	// A plain service-ticket type: project and opportunity types are listed elsewhere by Halo.
	const ticketTypeId = Number(main.store('tickettypes').find((type) => type.use === 'ticket')?.id);
	const { set, list } = workflowsFor(nodes, ticketTypeId);
	const warmUp = warmUpWorkflow();
	const userFolder = path.join(workDir, 'n8n-user');
	await prepareUserFolder({
		userFolder,
		credentials: credentialsFor(nodes, main, big),
		workflows: [...list, warmUp],
		installPackage: nodes.some((node) => node.key === 'ours'),
		log,
	});

	const tickets = listedTicketIds(main);
	const tokens: BenchResults['tokens'] = {
		builtin: { main: 0, big: 0 },
		ours: { main: 0, big: 0 },
	};
	const count = (phase: PhaseResult, sandbox: 'main' | 'big') => {
		tokens[phase.node][sandbox] += phase.traffic.tokenRequests;
		return phase;
	};
	const one = async (
		node: HaloNodeUnderTest,
		run: () => Promise<PhaseResult>,
	): Promise<PhaseResult> => {
		const phase = count(await run(), 'main');
		log(
			`  ${node.label}: ${phase.traffic.requests} requests (${phase.traffic.tokenRequests} token, ${phase.traffic.rateLimited} answered 429), ${seconds(phase.wallMs)}` +
				(phase.items ? `, ${phase.items.completed} done / ${phase.items.failed} failed` : '') +
				(phase.problems.length ? `; PROBLEM: ${phase.problems[0]}` : ''),
		);
		return phase;
	};
	const both = async (
		run: (node: HaloNodeUnderTest) => Promise<PhaseResult>,
	): Promise<Record<NodeKey, PhaseResult>> => {
		const results = {} as Record<NodeKey, PhaseResult>;
		for (const node of nodes) results[node.key] = await one(node, () => run(node));
		return results;
	};

	const webhookPaths = [...list, warmUp].map((workflow) => workflow.webhookPath);
	const startReady = async () => {
		const started = await startN8n(userFolder, workDir);
		await waitForWebhooks(started, webhookPaths);
		for (let index = 0; index < 5; index++)
			await postJson(started.webhookUrl(warmUp.webhookPath), {});
		log(
			`n8n started at ${started.baseUrl} (pid ${started.pid}), ${webhookPaths.length} webhooks registered`,
		);
		return started;
	};
	let n8n: N8nInstance = await startReady();
	try {
		log(`1. get one ticket, ${settings.getOneExecutions} executions`);
		const getOne = await both((node) =>
			runGetOne(
				main,
				n8n,
				set[node.key].getOne,
				node.key,
				tickets.slice(0, settings.getOneExecutions),
			),
		);

		log(
			`4. get all ${settings.tickets} tickets, ${settings.getAllRepetitions} runs each, alternating`,
		);
		const getAll: BenchResults['getAll'] = { builtin: [], ours: [] };
		for (let round = 0; round < settings.getAllRepetitions; round++) {
			const results = await both((node) => runGetAll(main, n8n, set[node.key].getAll, node.key));
			getAll.builtin.push(results.builtin);
			getAll.ours.push(results.ours);
		}

		log(`2. create ${settings.writeItems} tickets`);
		const create = await both((node) =>
			runCreate(
				main,
				n8n,
				set[node.key].create,
				node.key,
				settings.writeItems,
				`bench-${runId}-create-${node.key}#`,
				{ expectAll: true },
			),
		);

		log(`3. update ${settings.writeItems} tickets`);
		const updateIds = (node: HaloNodeUnderTest) => {
			const offset = (node.key === 'builtin' ? 1 : 2) * settings.writeItems;
			return tickets.slice(offset, offset + settings.writeItems);
		};
		const update = await both((node) =>
			runUpdate(
				main,
				n8n,
				set[node.key].update,
				node.key,
				updateIds(node),
				`bench-${runId}-update-${node.key}#`,
				{ expectAll: true },
			),
		);

		const limit = settings.rateLimit;
		log(
			`5. create then update ${settings.writeItems} tickets under ${limit.requests} requests per ${limit.windowSeconds} s`,
		);
		const rateLimitedCreate = {} as Record<NodeKey, PhaseResult>;
		const rateLimitedUpdate = {} as Record<NodeKey, PhaseResult>;
		for (const node of nodes) {
			// A fresh window for each node: setRateLimit clears the limiter's history.
			main.setRateLimit({ ...limit });
			rateLimitedCreate[node.key] = await one(node, () =>
				runCreate(
					main,
					n8n,
					set[node.key].createRl,
					node.key,
					settings.writeItems,
					`bench-${runId}-rlcreate-${node.key}#`,
				),
			);
			const offset = (node.key === 'builtin' ? 3 : 4) * settings.writeItems;
			const ids = tickets.slice(offset, offset + settings.writeItems);
			rateLimitedUpdate[node.key] = await one(node, () =>
				runUpdate(
					main,
					n8n,
					set[node.key].updateRl,
					node.key,
					ids,
					`bench-${runId}-rlupdate-${node.key}#`,
				),
			);
		}
		main.setRateLimit(false);

		log(
			`6. peak memory while getting all ${settings.bigTickets} tickets, ${settings.memoryRepetitions} runs each (n8n restarted before each run)`,
		);
		const memory: BenchResults['memory'] = { builtin: [], ours: [] };
		for (let round = 0; round < settings.memoryRepetitions; round++) {
			for (const node of nodes) {
				await n8n.stop();
				n8n = await startReady();
				await new Promise((resolve) => setTimeout(resolve, 2_000));
				const phase = count(
					await runGetAll(big, n8n, set[node.key].getAllBig, node.key, { sampleMemory: true }),
					'big',
				);
				memory[node.key].push(phase);
				const rss = phase.memory ?? { startBytes: 0, peakBytes: 0 };
				log(
					`  ${node.label}: RSS ${mebibytes(rss.startBytes)} -> peak ${mebibytes(rss.peakBytes)}, ${phase.traffic.requests} requests, ${seconds(phase.wallMs)}` +
						(phase.problems.length ? `; PROBLEM: ${phase.problems[0]}` : ''),
				);
			}
		}

		const results: BenchResults = {
			machine,
			settings,
			getOne,
			create,
			update,
			getAll,
			rateLimitedCreate,
			rateLimitedUpdate,
			memory,
			tokens,
			durationMs: Date.now() - started,
		};
		mkdirSync(workDir, { recursive: true });
		if (nodes.length < 2) {
			writeFileSync(
				path.join(workDir, 'results-partial.json'),
				JSON.stringify(results, null, '\t'),
			);
			log('one node only (BENCH_NODES): figures in bench/.work/results-partial.json only');
			return;
		}
		writeFileSync(path.join(workDir, 'results.json'), JSON.stringify(results, null, '\t'));
		const list = criteria(results);
		const report = [
			renderMachine(machine, settings, results.durationMs),
			renderTables(results),
			'### Criteria',
			renderCriteria(list),
		].join('\n\n');
		process.stdout.write(`\n${report}\n\n`);
		// Quick runs are for work on the bench: their figures never reach results.md.
		const resultsFile = path.join(
			quick ? workDir : benchDir,
			quick ? 'results-quick.md' : 'results.md',
		);
		writeFileSync(resultsFile, renderResultsFile(results, list));
		const failed = list.filter((criterion) => !criterion.pass).length;
		log(`wrote ${path.relative(path.dirname(benchDir), resultsFile)} (${failed} criteria failed)`);
		process.exitCode = list.every((criterion) => criterion.pass) ? 0 : 1;
	} finally {
		await n8n.stop();
		await main.close();
		await big.close();
	}
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(2);
});
