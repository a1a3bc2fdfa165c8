import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** The error with the index of the item it belongs to, as n8n shows it in the editor. */
export function forItem(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * What a failed item becomes: an error item paired with it under Continue On Fail, else the
 * error itself is thrown.
 */
export function failedItem(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const itemError = forItem(context, error, itemIndex);
	if (!context.continueOnFail()) throw itemError;
	const { description } = itemError;
	return {
		// The description carries the advice, e.g. to check Halo before re-running a create.
		json: { error: itemError.message, ...(description ? { description } : {}) },
		pairedItem: { item: itemIndex },
	};
}
