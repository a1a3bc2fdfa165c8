import type { INodeProperties } from 'n8n-workflow';

import type { HaloOperation, ResourceSpec } from '../catalogue';
import {
	batchOptionsProperty,
	customFieldsProperty,
	jsonBodyProperty,
	limitProperty,
	returnAllProperty,
	simplifyProperty,
} from './common';
import { collectionOptions, fieldProperty } from './fields';
import { locatorProperty } from './locator';
import { operationOptions } from './operations';

function shownFor(
	spec: ResourceSpec,
	operations: HaloOperation[],
	properties: INodeProperties[],
): INodeProperties[] {
	const present = operations.filter((operation) => spec.operations.includes(operation));
	if (present.length === 0) return [];
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [spec.value], operation: present },
		},
	}));
}

function parentProperty(spec: ResourceSpec): INodeProperties[] {
	if (!spec.parent) return [];
	const { locator, parameter, label } = spec.parent;
	return [locatorProperty(locator, parameter, label, { required: true })];
}

function idProperty(spec: ResourceSpec): INodeProperties {
	const { parameter, label, locator } = spec.id;
	if (locator) return locatorProperty(locator, parameter, label, { required: true });
	return {
		displayName: label,
		name: parameter,
		type: 'number',
		default: 0,
		required: true,
		description: `ID of the ${spec.label.toLowerCase()}, unique within its ${spec.parent?.label.toLowerCase() ?? 'list'}`,
	};
}

function writeExtras(spec: ResourceSpec): INodeProperties[] {
	return [
		...(spec.customFields ? [customFieldsProperty] : []),
		jsonBodyProperty,
		batchOptionsProperty,
	];
}

const closeProperties: INodeProperties[] = [
	{
		displayName: 'Closed Status Name or ID',
		name: 'closedStatusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStatuses' },
		default: 9,
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "Halo's built-in Closed status has ID 9",
	},
	{
		displayName: 'Closure Note',
		name: 'closureNote',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Why the ticket was closed; Halo stores it as the closure note',
	},
];

/** Every parameter of one resource, built from its catalogue entry. */
export function resourceProperties(spec: ResourceSpec): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [spec.value] } },
			options: operationOptions(spec),
			default: 'get',
		},
		...shownFor(spec, ['create', 'get', 'getAll', 'update', 'delete'], parentProperty(spec)),
		...shownFor(spec, ['get', 'update', 'delete', 'close'], [idProperty(spec)]),
		...shownFor(
			spec,
			['create'],
			[
				...spec.required.map((field) => fieldProperty(field, true)),
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: collectionOptions(spec.fields),
				},
				...writeExtras(spec),
			],
		),
		...shownFor(
			spec,
			['update'],
			[
				{
					displayName: 'Update Fields',
					name: 'updateFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: collectionOptions([...spec.required, ...spec.fields]),
				},
				...writeExtras(spec),
			],
		),
		...shownFor(spec, ['close'], [...closeProperties, jsonBodyProperty, batchOptionsProperty]),
		...shownFor(
			spec,
			['getAll'],
			[
				returnAllProperty,
				limitProperty,
				{
					displayName: 'Filters',
					name: 'filters',
					type: 'collection',
					placeholder: 'Add Filter',
					default: {},
					options: collectionOptions(spec.filters),
				},
			],
		),
		...shownFor(spec, ['get', 'getAll'], [simplifyProperty]),
	];
}
