/** The parts of n8n's run object (IRun) the suite reads; runtime.md §6. */
export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
	error?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	data?: { main: Array<RunItem[] | null> };
	error?: { message: string; description?: string | null; name?: string };
}

export interface RunError {
	name?: string;
	message: string;
	description?: string | null;
	node?: { name: string } | string;
}

export interface RunResult {
	status: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: RunError;
		};
	};
}

/**
 * `n8n execute --rawOutput` prints log lines first and then the run object, pretty-printed from
 * a line that is exactly `{` to the next line that is exactly `}` (runtime.md §6).
 */
export function parseExecuteOutput(stdout: string): RunResult {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = start === -1 ? -1 : lines.indexOf('}', start);
	if (start === -1 || end === -1) {
		throw new Error(`no run JSON in the output of n8n execute:\n${stdout.slice(-2000)}`);
	}
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as RunResult;
}

/** Output items (their `json`) of a node's first run on one output. */
export function itemsOf(
	run: RunResult,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		throw new Error(`node "${nodeName}" did not run (ran: ${ran})`);
	}
	return (runs[0].data?.main[output] ?? []).map((item) => item.json);
}

/** The error of a failed run, or of one node's run. */
export function errorOf(run: RunResult, nodeName?: string): RunError | undefined {
	if (nodeName) return run.data.resultData.runData[nodeName]?.[0]?.error;
	return run.data.resultData.error;
}
