import type { INodeProperties } from 'n8n-workflow';

import { LOCATORS } from '../catalogue';
import { locatorUrlPattern } from '../catalogue/locators';
import type { LocatorKind } from '../catalogue';

/** A resource locator for one Halo record: from a searchable list, by ID, or by the page URL. */
export function locatorProperty(
	kind: LocatorKind,
	name: string,
	displayName: string,
	options: { required?: boolean; description?: string } = {},
): INodeProperties {
	const spec = LOCATORS[kind];
	const pattern = locatorUrlPattern(spec);
	const noun = spec.displayName.toLowerCase();
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${noun} ID` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${spec.urlExample}`,
				validation: [
					{
						type: 'regex',
						properties: { regex: pattern, errorMessage: `Not a Halo ${noun} URL` },
					},
				],
				extractValue: { type: 'regex', regex: pattern },
			},
		],
	};
}
