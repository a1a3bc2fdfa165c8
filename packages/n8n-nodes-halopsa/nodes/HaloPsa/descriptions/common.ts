import type { INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const customFieldsProperty: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFieldsUi',
	type: 'fixedCollection',
	placeholder: 'Add Custom Field',
	default: {},
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Field',
			name: 'customFieldValues',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					hint: "In an expression, a field's name (e.g. CFCustomerReference) works as well as its ID",
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

export const jsonBodyProperty: INodeProperties = {
	displayName: 'Additional Body Fields (JSON)',
	name: 'additionalBodyFieldsJson',
	type: 'json',
	default: '{}',
	description:
		"Any other fields of Halo's API for this record, as a JSON object; they are sent as they are and win over the fields above",
	hint: 'Field names as in Halo\'s API documentation, e.g. {"source": 0}',
};

export const batchOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description:
				'How many records to send in one request; Halo takes arrays, so 50 items cost one request. 1 sends one request per item.',
		},
	],
};
