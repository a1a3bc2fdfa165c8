/**
 * An `IPollFunctions` for a polling trigger, built on the execute context: parameters are read
 * without an item index, and the node's static data is an object the test keeps between polls,
 * as n8n keeps it between ticks of an active workflow.
 */
import type { IDataObject, IPollFunctions, WorkflowExecuteMode } from 'n8n-workflow';

import { createExecuteContext, type ContextOptions, type HarnessContext } from './context';

export interface PollContextOptions
	extends Omit<ContextOptions, 'inputItems' | 'continueOnFail' | 'parameters'> {
	parameters?: ContextOptions['parameters'];
	/** The node's static data; pass the same object to consecutive polls. */
	staticData?: IDataObject;
	/** `trigger` for an active workflow's tick, `manual` for "Fetch Test Event". */
	mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>;
	/** What `getPollBudgetMs()` answers; absent = the method is missing, as in older n8n. */
	pollBudgetMs?: number;
}

export type TestPollContext = IPollFunctions & HarnessContext & { staticData: IDataObject };

export function createPollContext(options: PollContextOptions = {}): TestPollContext {
	const base = createExecuteContext({ ...options, inputItems: [{ json: {} }] });
	const read = base.getNodeParameter as unknown as (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		parameterOptions?: { extractValue?: boolean },
	) => unknown;
	const staticData = options.staticData ?? {};
	const mode = options.mode ?? 'trigger';
	const context = {
		...base,
		staticData,
		getNodeParameter: (
			name: string,
			fallback?: unknown,
			parameterOptions?: { extractValue?: boolean },
		) => read(name, 0, fallback, parameterOptions),
		getMode: () => mode,
		getActivationMode: () => (mode === 'manual' ? 'manual' : 'activate'),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node')
				throw new Error(`The harness keeps only node static data, not "${type}"`);
			return staticData;
		},
		...(options.pollBudgetMs === undefined
			? {}
			: { getPollBudgetMs: () => options.pollBudgetMs as number }),
		__emit: () => {
			throw new Error('A polling node returns its items; it does not emit them');
		},
		__emitError: () => {
			throw new Error('A polling node throws its errors; it does not emit them');
		},
	};
	return context as unknown as TestPollContext;
}
