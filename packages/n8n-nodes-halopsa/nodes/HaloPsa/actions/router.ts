import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CATALOGUE } from '../catalogue';
import type { HaloOperation, HaloResource, ResourceSpec } from '../catalogue';
import { parameterError } from '../helpers/validation';
import { haloUpsert } from '../transport';
import type { UpsertEntry, UpsertResult } from '../transport/types';
import { failedItem, forItem } from './errors';
import { OPERATIONS } from './operations';
import type { ItemOperation, WriteOperation } from './operations';

const DEFAULT_BATCH_SIZE = 50;

async function runPerItem(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	operation: ItemOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const records = await operation.execute.call(context, spec, itemIndex);
			output.push(...records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
		} catch (error) {
			output.push(failedItem(context, error, itemIndex));
		}
	}
	return output;
}

function batchSize(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
		throw parameterError(context, 'Batch Size', 0, 'must be a whole number of at least 1');
	}
	return size;
}

/**
 * Every item's body is built (and validated) before the first request; the bodies then go to
 * Halo as arrays of at most Batch Size records, and each result or error returns to its item.
 */
async function runWrites(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	operation: WriteOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const size = batchSize(context);
	const output = new Map<number, INodeExecutionData>();
	const entries: UpsertEntry[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			entries.push({ itemIndex, body: operation.body(context, spec, itemIndex) });
		} catch (error) {
			output.set(itemIndex, failedItem(context, error, itemIndex));
		}
	}

	if (entries.length > 0) {
		const results = await upsertOrFailAll(context, spec, entries, size);
		for (const { itemIndex, json, error } of results) {
			output.set(
				itemIndex,
				error
					? failedItem(context, error, itemIndex)
					: { json: json ?? {}, pairedItem: { item: itemIndex } },
			);
		}
	}

	return [...output.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

/**
 * Without Continue On Fail the first batch with an error ends the run: haloUpsert sends nothing
 * after it and throws (design.md: nothing is written twice when the run is repeated). With it, a
 * failure of the whole call (no token, say) is every pending item's failure.
 */
async function upsertOrFailAll(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	entries: UpsertEntry[],
	size: number,
): Promise<UpsertResult[]> {
	const continueOnFail = context.continueOnFail();
	try {
		return await haloUpsert.call(context, spec.path, entries, size, {
			stopAtFirstError: !continueOnFail,
		});
	} catch (error) {
		if (!continueOnFail) throw forItem(context, error, entries[0].itemIndex);
		return entries.map(({ itemIndex }) => ({
			itemIndex,
			error: forItem(context, error, itemIndex),
		}));
	}
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as HaloResource;
	const operation = this.getNodeParameter('operation', 0) as HaloOperation;
	const spec = CATALOGUE[resource];
	const handler = OPERATIONS[operation];
	if (!spec || !handler || !spec.operations.includes(operation)) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
		);
	}

	const itemCount = this.getInputData().length;
	const output =
		handler.kind === 'write'
			? await runWrites(this, spec, handler, itemCount)
			: await runPerItem(this, spec, handler, itemCount);
	return [output];
}
