import type { INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../catalogue';
import { locatorProperty } from './locator';

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';
export const DYNAMIC_OPTIONS_DESCRIPTION = `Choose from the list, or specify an ID using an ${EXPRESSION_LINK}`;

/** The n8n parameter for one catalogue field. */
export function fieldProperty(field: FieldSpec, required = false): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.name,
		description: field.description,
		hint: field.hint,
		required,
	};
	switch (field.type) {
		case 'string':
			return {
				...base,
				type: 'string',
				default: '',
				...(field.rows ? { typeOptions: { rows: field.rows } } : {}),
			};
		case 'number':
			return { ...base, type: 'number', default: 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'options':
			return {
				...base,
				type: 'options',
				default: '',
				typeOptions: { loadOptionsMethod: field.source },
				description: field.description ?? DYNAMIC_OPTIONS_DESCRIPTION,
			};
		case 'fixedOptions':
			return {
				...base,
				type: 'options',
				default: field.options[0].value,
				options: [...field.options].sort((a, b) => a.name.localeCompare(b.name)),
			};
		case 'locator':
			return {
				...locatorProperty(field.locator, field.name, field.label, {
					required,
					description: field.description,
				}),
				hint: field.hint,
			};
	}
}

/** Fields of a collection, sorted by display name as n8n's guidelines ask. */
export function collectionOptions(fields: FieldSpec[]): INodeProperties[] {
	return [...fields]
		.sort((a, b) => a.label.localeCompare(b.label))
		.map((field) => fieldProperty(field));
}
