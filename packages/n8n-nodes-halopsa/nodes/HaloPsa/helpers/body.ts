import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec, ResourceSpec } from '../catalogue';
import { readCustomFields } from './customFields';
import { fieldValue } from './fieldValue';
import { readJsonBody } from './json';
import { parentId, recordId } from './recordId';
import { parameterError } from './validation';

export function collectionValues(
	context: IExecuteFunctions,
	fields: FieldSpec[],
	collection: string,
	itemIndex: number,
): IDataObject {
	const given = context.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	const values: IDataObject = {};
	for (const field of fields) {
		if (!(field.name in given)) continue;
		const value = fieldValue(context, field, given[field.name], itemIndex);
		if (value !== undefined) values[field.name] = value;
	}
	return values;
}

function requiredValues(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): IDataObject {
	const values: IDataObject = {};
	for (const field of spec.required) {
		const raw = context.getNodeParameter(field.name, itemIndex, '') as unknown;
		const value = fieldValue(context, field, raw, itemIndex);
		if (value === undefined) throw parameterError(context, field.label, itemIndex, 'is required');
		values[field.name] = value;
	}
	return values;
}

/** Custom fields, then the JSON escape hatch last; the record's identity cannot be overridden. */
function finish(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
	fields: IDataObject,
	identity: IDataObject,
): IDataObject {
	const customfields = spec.customFields ? readCustomFields(context, itemIndex) : undefined;
	const json = readJsonBody(context, itemIndex);
	// A create carrying an id is an update of that record to Halo (api-notes §2.2).
	if (!('id' in identity) && json.id !== undefined && json.id !== 0 && json.id !== null) {
		throw parameterError(
			context,
			'Additional Body Fields (JSON)',
			itemIndex,
			'must not contain "id" when creating: Halo would overwrite that record instead',
			'Use the Update operation to change an existing record.',
		);
	}
	return { ...fields, ...(customfields ? { customfields } : {}), ...json, ...identity };
}

function parentIdentity(context: IExecuteFunctions, spec: ResourceSpec, itemIndex: number) {
	const parent = parentId(context, spec, itemIndex);
	return spec.parent && parent !== undefined ? { [spec.parent.field]: parent } : {};
}

export function createBody(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): IDataObject {
	const identity = parentIdentity(context, spec, itemIndex);
	const fields = {
		...requiredValues(context, spec, itemIndex),
		...collectionValues(context, spec.fields, 'additionalFields', itemIndex),
	};
	return finish(context, spec, itemIndex, fields, identity);
}

export function updateBody(
	context: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
): IDataObject {
	const identity = {
		id: recordId(context, spec, itemIndex),
		...parentIdentity(context, spec, itemIndex),
	};
	const fields = collectionValues(
		context,
		[...spec.required, ...spec.fields],
		'updateFields',
		itemIndex,
	);
	return finish(context, spec, itemIndex, fields, identity);
}
