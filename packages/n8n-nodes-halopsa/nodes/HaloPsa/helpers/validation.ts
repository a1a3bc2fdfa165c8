import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * A parameter an item cannot be sent with. The message names the parameter as the user sees it
 * and the item, so a bad row in a batch of hundreds is found at once.
 */
export function parameterError(
	context: IExecuteFunctions,
	displayName: string,
	itemIndex: number,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`"${displayName}" ${problem} (item ${itemIndex})`,
		{
			itemIndex,
			description,
		},
	);
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/** A Halo record id: a positive whole number, given as a number or as digits. */
export function parseId(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
	if (typeof value === 'string' && WHOLE_NUMBER.test(value) && Number(value) > 0) {
		return Number(value);
	}
	return undefined;
}

export function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

export function describeValue(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}
