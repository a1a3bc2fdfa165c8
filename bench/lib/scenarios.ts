import type { Sandbox } from 'halopsa-sandbox';

import { postJson } from './http';
import { sampleTreeRss, type MemorySample } from './memory';
import type { N8nInstance } from './n8n';
import { trafficOf, type Traffic } from './traffic';
import type { BenchWorkflow, HaloNodeUnderTest } from './workflows';

export type NodeKey = HaloNodeUnderTest['key'];

export interface ItemCounts {
	expected: number;
	completed: number;
	failed: number;
	/** A few error messages as the node reported them. */
	errors: string[];
}

export interface StoreCheck {
	/** Records in the sandbox carrying this phase's marker. */
	records: number;
	/** Distinct markers among them (one per input item written). */
	distinct: number;
	/** Records beyond one per marker: items written twice. */
	duplicates: number;
	/** Update only: marked records that are not among the tickets to update (created instead). */
	strays: number;
}

export interface PhaseResult {
	node: NodeKey;
	traffic: Traffic;
	wallMs: number;
	executions: number;
	perExecutionMs?: { median: number; p95: number; max: number };
	items?: ItemCounts;
	store?: StoreCheck;
	memory?: MemorySample;
	/** Things that went wrong in the measurement itself (bad answers, wrong records). */
	problems: string[];
}

/** The Summarize node's answer (bench/lib/workflows.ts). */
interface SummarizeAnswer {
	count_bench_item: number;
	count_id: number;
	count_error: number;
	concatenated_error: string;
}

interface WorkflowSummary {
	items: number;
	/** Output items carrying a record id. */
	completed: number;
	/** Output items carrying an error. */
	failedItems: number;
	/** Distinct error messages, at most three. */
	errors: string[];
}

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Runs `work` with a clean request log and returns what it cost on the wire. */
async function withTraffic<T>(sandbox: Sandbox, work: () => Promise<T>) {
	sandbox.resetRequests();
	const started = process.hrtime.bigint();
	const result = await work();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	return { result, wallMs, traffic: trafficOf(sandbox.requests()) };
}

function parseSummary(status: number, body: string): WorkflowSummary | string {
	if (status !== 200) return `webhook answered ${status}: ${body.slice(0, 300)}`;
	let answer: SummarizeAnswer;
	try {
		answer = JSON.parse(body) as SummarizeAnswer;
	} catch {
		return `webhook answered with no summary: ${body.slice(0, 300)}`;
	}
	if (typeof answer.count_bench_item !== 'number') {
		return `webhook answered with no summary: ${body.slice(0, 300)}`;
	}
	const messages = String(answer.concatenated_error ?? '')
		.split('\n')
		.filter((message) => message !== '');
	return {
		items: answer.count_bench_item,
		completed: answer.count_id,
		failedItems: answer.count_error,
		errors: [...new Set(messages)].slice(0, 3),
	};
}

function itemCounts(
	expected: number,
	summary: WorkflowSummary | string,
	traffic: Traffic,
): ItemCounts {
	if (typeof summary === 'string') {
		return { expected, completed: 0, failed: expected, errors: [summary] };
	}
	const errors = [...summary.errors];
	if (summary.completed + summary.failedItems > summary.items) {
		errors.unshift('some output items carry both an id and an error');
	}
	if (errors.length === 0 && summary.completed < expected) {
		// With Continue On Fail, n8n passes the input items on when a node throws as a whole.
		errors.push(
			traffic.tokenRateLimited > 0
				? 'the node failed as a whole: its token request was answered 429, before its item loop'
				: 'the node failed as a whole (no per-item errors)',
		);
	}
	return { expected, completed: summary.completed, failed: expected - summary.completed, errors };
}

function markedTickets(sandbox: Sandbox, marker: string) {
	return sandbox
		.store('tickets')
		.filter((ticket) => typeof ticket.summary === 'string' && ticket.summary.startsWith(marker));
}

function storeCheck(sandbox: Sandbox, marker: string, targetIds?: Set<number>): StoreCheck {
	const records = markedTickets(sandbox, marker);
	const distinct = new Set(records.map((ticket) => ticket.summary)).size;
	const strays = targetIds
		? records.filter((ticket) => !targetIds.has(Number(ticket.id))).length
		: 0;
	return { records: records.length, distinct, duplicates: records.length - distinct, strays };
}

/** `count` sequential executions of "get one ticket", each for a different ticket. */
export async function runGetOne(
	sandbox: Sandbox,
	n8n: N8nInstance,
	workflow: BenchWorkflow,
	node: NodeKey,
	ticketIds: number[],
): Promise<PhaseResult> {
	const problems: string[] = [];
	const durations: number[] = [];
	const { wallMs, traffic } = await withTraffic(sandbox, async () => {
		for (const id of ticketIds) {
			const response = await postJson(n8n.webhookUrl(workflow.webhookPath), { id });
			durations.push(response.ms);
			let returned: unknown;
			try {
				returned = (JSON.parse(response.body) as { id?: unknown }).id;
			} catch {
				returned = undefined;
			}
			if (response.status !== 200 || Number(returned) !== id) {
				problems.push(`ticket ${id}: answer ${response.status} ${response.body.slice(0, 200)}`);
			}
		}
	});
	const sorted = [...durations].sort((a, b) => a - b);
	return {
		node,
		traffic,
		wallMs,
		executions: ticketIds.length,
		perExecutionMs: {
			median: percentile(sorted, 0.5),
			p95: percentile(sorted, 0.95),
			max: sorted[sorted.length - 1],
		},
		problems: problems.slice(0, 5),
	};
}

/** One execution creating `count` tickets from `count` items, each summary `<marker><index>`. */
export async function runCreate(
	sandbox: Sandbox,
	n8n: N8nInstance,
	workflow: BenchWorkflow,
	node: NodeKey,
	count: number,
	marker: string,
	options: { expectAll?: boolean } = {},
): Promise<PhaseResult> {
	const { result, wallMs, traffic } = await withTraffic(sandbox, () =>
		postJson(n8n.webhookUrl(workflow.webhookPath), { count, marker }),
	);
	const items = itemCounts(count, parseSummary(result.status, result.body), traffic);
	const store = storeCheck(sandbox, marker);
	const problems: string[] = [];
	if (store.distinct !== items.completed) {
		problems.push(
			`${items.completed} items reported done but ${store.distinct} marked tickets stored`,
		);
	}
	if (options.expectAll && items.failed > 0) {
		problems.push(`${items.failed} items failed: ${items.errors[0] ?? ''}`);
	}
	return { node, traffic, wallMs, executions: 1, items, store, problems };
}

/** One execution updating the given tickets, setting summary `<marker><index>` on each. */
export async function runUpdate(
	sandbox: Sandbox,
	n8n: N8nInstance,
	workflow: BenchWorkflow,
	node: NodeKey,
	ids: number[],
	marker: string,
	options: { expectAll?: boolean } = {},
): Promise<PhaseResult> {
	const { result, wallMs, traffic } = await withTraffic(sandbox, () =>
		postJson(n8n.webhookUrl(workflow.webhookPath), { ids, marker }),
	);
	const items = itemCounts(ids.length, parseSummary(result.status, result.body), traffic);
	const store = storeCheck(sandbox, marker, new Set(ids));
	const problems: string[] = [];
	if (store.distinct !== items.completed) {
		problems.push(
			`${items.completed} items reported done but ${store.distinct} tickets carry the marker`,
		);
	}
	if (options.expectAll && items.failed > 0) {
		problems.push(`${items.failed} items failed: ${items.errors[0] ?? ''}`);
	}
	return { node, traffic, wallMs, executions: 1, items, store, problems };
}

/**
 * Ids of the tickets GET /Tickets lists: not deleted, and of a ticket type used for tickets
 * (Halo lists projects and opportunities, which are tickets too, under their own endpoints).
 */
export function listedTicketIds(sandbox: Sandbox): number[] {
	const uses = new Map(sandbox.store('tickettypes').map((type) => [Number(type.id), type.use]));
	return sandbox
		.store('tickets')
		.filter(
			(ticket) =>
				ticket.deleted !== true &&
				(uses.get(Number(ticket.tickettype_id)) ?? 'ticket') === 'ticket',
		)
		.map((ticket) => Number(ticket.id))
		.sort((a, b) => a - b);
}

/** One execution of "get all tickets"; optionally samples the n8n process tree's RSS meanwhile. */
export async function runGetAll(
	sandbox: Sandbox,
	n8n: N8nInstance,
	workflow: BenchWorkflow,
	node: NodeKey,
	options: { sampleMemory?: boolean } = {},
): Promise<PhaseResult> {
	const expected = listedTicketIds(sandbox).length;
	const sampler = options.sampleMemory ? sampleTreeRss(n8n.pid) : undefined;
	const { result, wallMs, traffic } = await withTraffic(sandbox, () =>
		postJson(n8n.webhookUrl(workflow.webhookPath), {}),
	);
	const memory = sampler?.stop();
	const summary = parseSummary(result.status, result.body);
	const items = itemCounts(expected, summary, traffic);
	const problems: string[] = [];
	if (typeof summary === 'string') problems.push(summary);
	else if (summary.items !== expected) {
		problems.push(`returned ${summary.items} tickets, the sandbox holds ${expected}`);
	}
	return { node, traffic, wallMs, executions: 1, items, memory, problems };
}
