import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from 'n8n-nodes-halopsa/nodes/HaloPsa/catalogue';
import { haloPsa } from './node-run';

const { description, methods } = haloPsa;

function walk(properties: INodeProperties[], visit: (property: INodeProperties) => void) {
	for (const property of properties) {
		visit(property);
		for (const option of property.options ?? []) {
			if ('values' in option) walk(option.values as INodeProperties[], visit);
			else if ('displayName' in option) walk([option as INodeProperties], visit);
		}
	}
}

describe('node description', () => {
	it('is the HaloPSA node with its own credential, usable as a tool', () => {
		assert.equal(description.name, 'haloPsa');
		assert.equal(description.displayName, 'HaloPSA');
		assert.equal(description.usableAsTool, true);
		assert.deepEqual(description.credentials, [
			{ name: 'haloPsaClientCredentialsApi', required: true },
		]);
	});

	it('offers every operation of every catalogue resource', () => {
		for (const spec of RESOURCES) {
			const selector = description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(spec.value),
			);
			assert.deepEqual(
				selector?.options?.map((option) => ('value' in option ? option.value : undefined)).sort(),
				[...spec.operations].sort(),
				spec.value,
			);
		}
	});

	it('refers only to list-search and load-options methods that exist', () => {
		const referenced = { listSearch: new Set<string>(), loadOptions: new Set<string>() };
		walk(description.properties, (property) => {
			const load = property.typeOptions?.loadOptionsMethod;
			if (load) referenced.loadOptions.add(load);
			for (const mode of property.modes ?? []) {
				const search = mode.typeOptions?.searchListMethod;
				if (search) referenced.listSearch.add(search);
			}
		});

		assert.deepEqual([...referenced.listSearch].sort(), Object.keys(methods.listSearch).sort());
		assert.deepEqual([...referenced.loadOptions].sort(), Object.keys(methods.loadOptions).sort());
	});

	it('lists collection fields in alphabetical order with Title Case names', () => {
		walk(description.properties, (property) => {
			if (property.type !== 'collection') return;
			const names = (property.options as INodeProperties[]).map((option) => option.displayName);
			assert.deepEqual(
				names,
				[...names].sort((a, b) => a.localeCompare(b)),
				property.name,
			);
			for (const name of names) assert.match(name, /^[A-Z0-9(]/, name);
		});
	});

	it('describes every boolean with "Whether"', () => {
		walk(description.properties, (property) => {
			if (property.type === 'boolean' && property.description) {
				assert.match(property.description, /^Whether /, property.displayName);
			}
		});
	});

	it('requires the record on Update for every resource', () => {
		for (const spec of RESOURCES) {
			const id = description.properties.find(
				(property) =>
					property.name === spec.id.parameter &&
					property.displayOptions?.show?.resource?.includes(spec.value) &&
					property.displayOptions?.show?.operation?.includes('update'),
			);
			assert.equal(id?.required, true, spec.value);
		}
	});
});
