/**
 * Runs the HaloPSA node the way n8n would (its real description gives parameters their
 * defaults) over the harness's execution context, against a sandbox, and reads back what the
 * sandbox received.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HaloPsa } from 'n8n-nodes-halopsa/nodes/HaloPsa/HaloPsa.node.ts';
import {
	createExecuteContext,
	createLoadOptionsContext,
	sandboxCredentialStore,
	type CredentialStore,
	type Sandbox,
} from './harness';

export const haloPsa = new HaloPsa();

export interface RunOptions {
	/** Parameters for every item, or one set per item. */
	parameters: INodeParameters | INodeParameters[];
	/** Number of input items (default: one per parameter set, or 1). */
	items?: number;
	continueOnFail?: boolean;
	credentials?: CredentialStore;
}

export async function runNode(
	sandbox: Sandbox,
	options: RunOptions,
): Promise<INodeExecutionData[]> {
	const count =
		options.items ?? (Array.isArray(options.parameters) ? options.parameters.length : 1);
	const context = createExecuteContext({
		credentials: options.credentials ?? sandboxCredentialStore(sandbox),
		parameters: options.parameters,
		inputItems: Array.from({ length: count }, (_, index) => ({ json: { index } })),
		continueOnFail: options.continueOnFail,
		description: haloPsa.description,
	});
	const [output] = await haloPsa.execute.call(context);
	return output;
}

export function loadOptionsContext(sandbox: Sandbox, parameters: INodeParameters = {}) {
	return createLoadOptionsContext({
		credentials: sandboxCredentialStore(sandbox),
		parameters,
		description: haloPsa.description,
	});
}

export interface SentRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	bodyItems?: number;
}

/** The API requests the sandbox received (token requests left out), in order. */
export function apiRequests(sandbox: Sandbox): SentRequest[] {
	return sandbox
		.requests()
		.filter((entry) => !entry.isTokenRequest)
		.map(({ method, path, query, bodyItems }) => ({
			method,
			path,
			query,
			...(bodyItems === undefined ? {} : { bodyItems }),
		}));
}

export const list = (value: string | number) => ({
	__rl: true,
	mode: 'list',
	value: String(value),
});
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

/** A record as the sandbox stores it. */
export function stored(sandbox: Sandbox, collection: string, id: unknown, ticketId?: unknown) {
	return sandbox
		.store(collection)
		.find((row) => row.id === id && (ticketId === undefined || row.ticket_id === ticketId));
}
