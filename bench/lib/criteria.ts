import { seconds, table } from './format';
import { median, nodeKeys as nodes, nodeLabel as label, type BenchResults } from './results';
import type { NodeKey, PhaseResult } from './scenarios';

export interface Criterion {
	text: string;
	pass: boolean;
	measured: string;
}

function problemsOf(results: BenchResults): string[] {
	const all: Array<[string, PhaseResult | PhaseResult[]]> = [
		['get one', nodes.map((node) => results.getOne[node])],
		['create', nodes.map((node) => results.create[node])],
		['update', nodes.map((node) => results.update[node])],
		['get all', nodes.flatMap((node) => results.getAll[node])],
		['create, rate-limited', nodes.map((node) => results.rateLimitedCreate[node])],
		['update, rate-limited', nodes.map((node) => results.rateLimitedUpdate[node])],
		['get all (memory)', nodes.flatMap((node) => results.memory[node])],
	];
	return all.flatMap(([scenario, phases]) =>
		(Array.isArray(phases) ? phases : [phases]).flatMap((phase) =>
			phase.problems.map((problem) => `${scenario}, ${label[phase.node]}: ${problem}`),
		),
	);
}

export function criteria(results: BenchResults): Criterion[] {
	const { settings } = results;
	const postCap = Math.ceil(settings.writeItems / settings.oursBatchSize);
	const createB = results.create.builtin;
	const createO = results.create.ours;
	const requestFactor = createB.traffic.requests / Math.max(1, createO.traffic.requests);
	const timeFactor = createB.wallMs / createO.wallMs;
	const getAllB = median(results.getAll.builtin.map((phase) => phase.wallMs));
	const getAllO = median(results.getAll.ours.map((phase) => phase.wallMs));
	const rl = [results.rateLimitedCreate.ours, results.rateLimitedUpdate.ours];
	const rlComplete = rl.every((phase) => phase.items?.completed === phase.items?.expected);
	const rlOnce = rl.every(
		(phase) =>
			phase.store?.duplicates === 0 &&
			phase.store?.strays === 0 &&
			phase.traffic.recordsWritten === phase.items?.expected,
	);
	return [
		{
			text: 'ours uses one token request per bench run, whatever the number of executions',
			pass: results.tokens.ours.main === 1,
			measured:
				`${results.tokens.ours.main} token request(s) on the main sandbox over all ` +
				`${countExecutions(results, 'ours')} executions (built-in: ${results.tokens.builtin.main}); ` +
				`the ${settings.bigTickets.toLocaleString('en')}-ticket sandbox is another Halo with its own credential: ` +
				`${results.tokens.ours.big} (built-in: ${results.tokens.builtin.big})`,
		},
		{
			text: `create and update of N items cost at most ceil(N / batch size) POSTs (N = ${settings.writeItems}, batch size ${settings.oursBatchSize}: ${postCap})`,
			pass: createO.traffic.posts <= postCap && results.update.ours.traffic.posts <= postCap,
			measured: `create ${createO.traffic.posts} POSTs, update ${results.update.ours.traffic.posts} POSTs`,
		},
		{
			text: `on ${settings.writeItems} creates ours sends at least 20 times fewer requests than the built-in`,
			pass: requestFactor >= 20,
			measured: `${createB.traffic.requests} / ${createO.traffic.requests} = ${requestFactor.toFixed(1)} times fewer`,
		},
		{
			text: `on ${settings.writeItems} creates ours takes at least 10 times less wall time than the built-in`,
			pass: timeFactor >= 10,
			measured: `${seconds(createB.wallMs)} / ${seconds(createO.wallMs)} = ${timeFactor.toFixed(1)} times less`,
		},
		{
			text: `get-all (${settings.tickets} tickets) is no slower than the built-in (median of ${settings.getAllRepetitions} runs each)`,
			pass: getAllO <= getAllB,
			measured: `ours ${seconds(getAllO)}, built-in ${seconds(getAllB)}`,
		},
		{
			text: 'under the rate limit ours completes every item',
			pass: rlComplete,
			measured: rl
				.map(
					(phase, index) =>
						`${index ? 'update' : 'create'} ${phase.items?.completed}/${phase.items?.expected}`,
				)
				.join(', '),
		},
		{
			text: 'under the rate limit ours writes no item twice',
			pass: rlOnce,
			measured: rl
				.map(
					(phase, index) =>
						`${index ? 'update' : 'create'}: ${phase.traffic.recordsWritten} records accepted by Halo, ` +
						`${phase.store?.duplicates} duplicate(s) and ${phase.store?.strays} stray(s) in the store`,
				)
				.join('; '),
		},
		{
			text: 'every measurement is valid (right answers, right records)',
			pass: problemsOf(results).length === 0,
			measured: problemsOf(results).slice(0, 8).join('; ') || 'no problems',
		},
	];
}

function countExecutions(results: BenchResults, node: NodeKey): number {
	return (
		results.getOne[node].executions +
		results.create[node].executions +
		results.update[node].executions +
		results.getAll[node].length +
		results.rateLimitedCreate[node].executions +
		results.rateLimitedUpdate[node].executions
	);
}

export function renderCriteria(list: Criterion[]): string {
	return table(
		['', 'criterion (issue 5)', 'measured'],
		list.map((criterion) => [
			criterion.pass ? '**PASS**' : '**FAIL**',
			criterion.text,
			criterion.measured,
		]),
	);
}
