import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parameterError } from './validation';

const DISPLAY_NAME = 'Additional Body Fields (JSON)';

/** The JSON escape hatch: must be one object; parsed before any request is sent. */
export function readJsonBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('additionalBodyFieldsJson', itemIndex, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw parameterError(
				context,
				DISPLAY_NAME,
				itemIndex,
				'is not valid JSON',
				(error as Error).message,
			);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw parameterError(
			context,
			DISPLAY_NAME,
			itemIndex,
			'must be a JSON object, e.g. {"source": 0}',
		);
	}
	return value as IDataObject;
}
