/**
 * Runs the HaloPSA Trigger's poll the way n8n's poll engine would (its real description gives
 * parameters their defaults; the node's static data lives in an object kept between polls).
 */
import assert from 'node:assert/strict';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HaloPsaTrigger } from 'n8n-nodes-halopsa/nodes/HaloPsaTrigger/HaloPsaTrigger.node.ts';
import { fingerprint } from 'n8n-nodes-halopsa/nodes/HaloPsaTrigger/poll/cursor';
import { createPollContext, type CredentialStore } from './harness';

export const haloPsaTrigger = new HaloPsaTrigger();

export interface PollOptions {
	credentials: CredentialStore;
	staticData: IDataObject;
	parameters?: INodeParameters;
	mode?: 'trigger' | 'manual';
	pollBudgetMs?: number;
}

export async function runPoll(options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const context = createPollContext({
		credentials: options.credentials,
		parameters: options.parameters ?? {},
		description: haloPsaTrigger.description,
		staticData: options.staticData,
		mode: options.mode,
		pollBudgetMs: options.pollBudgetMs,
		node: { name: 'HaloPSA Trigger', type: 'n8n-nodes-halopsa.haloPsaTrigger' },
	});
	return await haloPsaTrigger.poll.call(context);
}

/** A Halo date as the trigger keeps it: UTC, to the millisecond (zone-less dates read as UTC). */
export function isoOf(haloDate: unknown): string {
	const text = String(haloDate);
	return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`).toISOString();
}

/** The `lastupdatefromdate` the trigger sends for a cursor: a whole second before it. */
export function fromDateOf(iso: string): string {
	const seconds = Math.floor(Date.parse(iso) / 1000) - 1;
	return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The cursor's `seen` for these ticket rows (as Halo lists them): id → fingerprint. */
export function seenOf(
	...rows: Array<Record<string, unknown> | undefined>
): Record<string, string> {
	return Object.fromEntries(
		rows.map((row) => {
			assert.ok(row, 'a ticket row to fingerprint');
			return [String(row.id), fingerprint(row as IDataObject)];
		}),
	);
}
