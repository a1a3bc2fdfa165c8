import { mebibytes, seconds } from './format';
import { renderCriteria, type Criterion } from './criteria';
import { renderMachine, renderTables } from './report';
import { median, type BenchResults } from './results';

/** Whether the peaks of the two nodes' runs overlap (RSS varies with garbage-collector timing). */
function memoryVerdict(results: BenchResults): string {
	const peaks = (node: 'builtin' | 'ours') =>
		results.memory[node].map((phase) => phase.memory?.peakBytes ?? 0);
	const [builtinLow, builtinHigh] = [Math.min(...peaks('builtin')), Math.max(...peaks('builtin'))];
	const [oursLow, oursHigh] = [Math.min(...peaks('ours')), Math.max(...peaks('ours'))];
	if (oursHigh < builtinLow) return 'every run of ours peaked below every run of the built-in';
	if (builtinHigh < oursLow) return 'every run of ours peaked above every run of the built-in';
	return "the two nodes' peaks overlap, so this run shows no difference in memory between them";
}

/** Slowest minus fastest of a node's get-all runs. */
function spread(results: BenchResults, node: 'builtin' | 'ours'): string {
	const walls = results.getAll[node].map((phase) => phase.wallMs);
	return `${((Math.max(...walls) - Math.min(...walls)) / 1000).toFixed(2)} s`;
}

/** What the figures say, in sentences, each computed from this run's figures. */
function observations(results: BenchResults): string[] {
	const { settings } = results;
	const notes: string[] = [];
	const getOne = results.getOne;
	notes.push(
		`Tokens: the built-in node asked for ${results.tokens.builtin.main} tokens on the main sandbox, one per execution; ours asked for ${results.tokens.ours.main} in the whole run and reused it from n8n's credential store.`,
	);
	notes.push(
		`Get one: ${getOne.builtin.traffic.requests} requests against ${getOne.ours.traffic.requests}; the token round trip is most of the difference in time per execution (median ${getOne.builtin.perExecutionMs?.median.toFixed(0)} ms against ${getOne.ours.perExecutionMs?.median.toFixed(0)} ms at ${settings.latencyMs} ms latency).`,
	);
	const create = results.create;
	notes.push(
		`Writes: the built-in node sends one POST per item, one after the other, so ${settings.writeItems} items cost ${settings.writeItems} round trips (${seconds(create.builtin.wallMs)}); ours sends ${create.ours.traffic.posts} arrays of up to ${settings.oursBatchSize} (${seconds(create.ours.wallMs)}). Ours sends ${(create.ours.traffic.posts / Math.ceil(settings.writeItems / settings.floorRecordsPerPost)).toFixed(1)} times the floor's POSTs: its default batch is ${settings.oursBatchSize} records, the floor assumes ${settings.floorRecordsPerPost} per request (Batch Size ${settings.floorRecordsPerPost} would send the floor's number).`,
	);
	const getAllB = median(results.getAll.builtin.map((phase) => phase.wallMs));
	const getAllO = median(results.getAll.ours.map((phase) => phase.wallMs));
	const pages = Math.ceil(settings.tickets / settings.floorPageSize);
	const parallel = (node: 'builtin' | 'ours') =>
		median(results.getAll[node].map((phase) => (phase.traffic.serverMs ?? 0) / phase.wallMs)) > 1.2;
	const reading = (node: 'builtin' | 'ours') =>
		parallel(node) ? 'reads several pages at a time' : 'reads one page after the other';
	notes.push(
		`Get all: both nodes read ${pages} pages of ${settings.floorPageSize}; the built-in ${reading('builtin')}, ours ${reading('ours')} (see "requests in flight"). Ours' median is ${Math.abs((1 - getAllO / getAllB) * 100).toFixed(1)} % ${getAllO <= getAllB ? 'below' : 'above'} the built-in's, with each node's runs spread over ${spread(results, 'builtin')} (built-in) and ${spread(results, 'ours')} (ours).`,
	);
	const rlB = results.rateLimitedUpdate.builtin;
	if (rlB.traffic.tokenRateLimited > 0 && rlB.items?.completed === 0) {
		notes.push(
			`Rate limit, built-in: its update failed as a whole, even with Continue On Fail: it asks for a token before its item loop, that request got a 429, and the error escaped the per-item handling (n8n then passed the input items through). Its create wrote ${results.rateLimitedCreate.builtin.items?.completed} of ${settings.writeItems} items; the other ${results.rateLimitedCreate.builtin.items?.failed} failed with 429s.`,
		);
	}
	const rlO = results.rateLimitedUpdate.ours;
	notes.push(
		`Rate limit, ours: ${results.rateLimitedCreate.ours.traffic.rateLimited + rlO.traffic.rateLimited} requests were answered 429; ours waited and sent the same batch again (a 429 means Halo refused it unprocessed), finishing the update in ${seconds(rlO.wallMs)}.`,
	);
	const memoryRuns = [...results.memory.builtin, ...results.memory.ours];
	const starts = memoryRuns.map((phase) => phase.memory?.startBytes ?? 0);
	const growths = memoryRuns.map((phase) =>
		phase.memory ? phase.memory.peakBytes - phase.memory.startBytes : 0,
	);
	notes.push(
		`Memory: both nodes end up holding every ticket as an output item. A freshly started n8n held ${mebibytes(Math.min(...starts))} to ${mebibytes(Math.max(...starts))} (n8n and its task runner) and grew by ${mebibytes(Math.min(...growths))} to ${mebibytes(Math.max(...growths))} per run; ${memoryVerdict(results)}.`,
	);
	return notes;
}

/** bench/results.md: the figures of one run, how they were taken, and what they mean. */
export function renderResultsFile(results: BenchResults, list: Criterion[]): string {
	const { settings } = results;
	const failed = list.filter((criterion) => !criterion.pass);
	return `# Benchmark: n8n's built-in HaloPSA node against n8n-nodes-halopsa

Generated by \`${settings.command}\` (bench/run.ts); do not edit by hand. How it works: bench/README.md.

${renderMachine(results.machine, settings, results.durationMs)}

**Result: ${failed.length === 0 ? 'every criterion of issue 5 passes' : `${failed.length} criterion/criteria of issue 5 FAIL (see below)`}.**

## Method

- One \`n8n start\` (n8n ${results.machine.n8n}, its own user folder, port and task-broker port), one
  sandbox (packages/halopsa-sandbox) with ${settings.tickets.toLocaleString('en')} tickets and ${settings.latencyMs} ms of latency on every request, token
  requests included. Our package is installed into the user folder the way n8n installs a community
  package (\`npm pack\`, extract, production install), so its node type is \`n8n-nodes-halopsa.haloPsa\`.
- Each scenario is a workflow started by a Webhook node that responds "When Last Node Finishes"
  with the last node's first item: the ticket for get one, otherwise the answer of a Summarize node
  after the HaloPSA node that counts its output items, those with an \`id\` and those with an
  \`error\` (natively, in n8n's process: an expression over all items would not do, n8n 2.40
  evaluates expressions in an isolate capped at 128 MB). The runner calls the webhook and
  measures wall time around each HTTP call, so n8n's CLI start-up (about 5 s per \`n8n execute\`) is
  paid by neither node. Create and update get their ${settings.writeItems.toLocaleString('en')} items from a Code node fed by the webhook body.
  Executions are sequential; five calls of a webhook-only workflow warm n8n up first.
- Both nodes run the same work with the same Halo API application: the built-in node
  (n8n-nodes-base.haloPSA, credential haloPSAApi) in **hosted** mode, the only mode its code
  handles as intended (its on-premise branch compares against a value the option never has); ours
  (credential haloPsaClientCredentialsApi) in hosted mode too. Simplify is off for both, so both put
  out Halo's full records. Our Batch Size is left at its default (${settings.oursBatchSize}).
- Requests are counted from the sandbox's request log, reset before each phase; token requests are
  the entries the sandbox marks as token requests. Items written twice are counted two ways: in
  the sandbox's store (each item's summary carries a marker unique to the phase and the item) and as
  the records carried by POSTs Halo accepted.
- Successful executions are not saved to n8n's database (\`EXECUTIONS_DATA_SAVE_ON_SUCCESS=none\`):
  writing 10,000 or 100,000 items to SQLite after each run would cost both nodes the same and blur
  what the nodes themselves cost.
- Get all: ${settings.getAllRepetitions} runs per node, alternating built-in and ours; the median is compared.
- Rate limit: the sandbox's rolling-window limiter at ${settings.rateLimit.requests} requests per ${settings.rateLimit.windowSeconds} s (hosted Halo's 300 per
  300 s scaled down ten times in time), cleared before each node's turn; each node then runs the
  create and right after it the update, as one workflow after another would. Both nodes run with
  "On Error: Continue" (Continue On Fail) here, so the built-in reports failed items instead of
  stopping at the first 429. An item counts as done when the node put out a record with an \`id\`
  (error items carry only \`error\` and the input fields, which have no \`id\`).
- Memory: a second sandbox with ${settings.bigTickets.toLocaleString('en')} tickets (its own credential per node), ${settings.memoryRepetitions} runs per node,
  alternating. n8n is restarted before each run so every run starts from a fresh process; the RSS
  of the n8n process and its children (the task runner) is summed and read from /proc every
  100 ms. RSS moves with garbage-collector timing, so single runs differ by tens of MiB.
- The floor is the fewest requests the work can take: get one = 1 GET per execution plus 1 token per
  run; get all = ceil(tickets / ${settings.floorPageSize}) pages (Halo caps a page at 100 rows, api-notes §2.5); create and
  update = ceil(N / ${settings.floorRecordsPerPost}) POSTs. Halo documents no limit on the size of an array POST, so one
  POST is the theoretical minimum; ${settings.floorRecordsPerPost} records per request is taken as the practical ceiling, the
  same size as Halo's largest page. A token is needed once per run, so the floor of a scenario
  counts it only where a node must fetch one.

## Results

${renderTables(results)}

## What the figures say

${observations(results)
	.map((note) => `- ${note}`)
	.join('\n')}

## Criteria (issue 5)

${renderCriteria(list)}
`;
}
