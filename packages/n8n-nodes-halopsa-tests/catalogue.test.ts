/**
 * Every name the catalogue sends to Halo must exist in Halo's own OpenAPI document: Halo silently
 * ignores unknown body fields and query parameters (api-notes §2.6), so a typo would pass every
 * other test and do nothing in production. The document is read through the sandbox's generated
 * subset of it (packages/halopsa-sandbox/src/schemas, made by scripts/generate-openapi-subset.js).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CATALOGUE as SANDBOX_CATALOGUE } from 'halopsa-sandbox';

import generatedSubset from 'halopsa-sandbox/src/schemas/halo-openapi-subset.generated.json';
import { LOCATORS, RESOURCES } from 'n8n-nodes-halopsa/nodes/HaloPsa/catalogue';

interface Subset {
	resources: Record<string, { bodySchema: string; listQuery: Array<{ name: string }> }>;
	schemas: Record<string, { properties: Record<string, unknown> }>;
}

const subset = generatedSubset as unknown as Subset;

const segment = (path: string) => path.replace(/^\//, '');

describe('catalogue against Halo OpenAPI', () => {
	for (const spec of RESOURCES) {
		describe(spec.label, () => {
			const resource = subset.resources[segment(spec.path)];
			const properties = subset.schemas[spec.schema]?.properties ?? {};

			it(`${spec.path} is a Halo path whose POST body is ${spec.schema}`, () => {
				assert.ok(resource, `${spec.path} is not in the OpenAPI document`);
				assert.equal(resource.bodySchema, spec.schema);
			});

			it('every body field exists in the schema', () => {
				const names = [...spec.required, ...spec.fields].map((field) => field.name);
				if (spec.parent) names.push(spec.parent.field);
				if (spec.customFields) names.push('customfields');
				assert.deepEqual(
					names.filter((name) => !(name in properties)),
					[],
				);
			});

			it('every simplified field exists in the schema', () => {
				assert.ok(spec.simplify.length <= 10, 'Simplify keeps at most 10 fields');
				assert.deepEqual(
					spec.simplify.filter((name) => !(name in properties)),
					[],
				);
			});

			it('every filter is a query parameter of the list', () => {
				const query = new Set(resource.listQuery.map((parameter) => parameter.name));
				const names = spec.filters.map((filter) => filter.name);
				if (spec.parent) names.push(spec.parent.field);
				assert.deepEqual(
					names.filter((name) => !query.has(name)),
					[],
				);
			});

			it('the list key is the one the sandbox serves', () => {
				const served = SANDBOX_CATALOGUE.find((def) => def.path === segment(spec.path));
				assert.equal(served?.listKey, spec.listKey);
			});
		});
	}

	it('custom fields are written with keys of the CustomField schema', () => {
		const properties = subset.schemas.CustomField.properties;
		for (const key of ['id', 'name', 'value']) assert.ok(key in properties, key);
	});

	it('every resource locator searches a Halo list that takes search=', () => {
		for (const locator of Object.values(LOCATORS)) {
			const resource = subset.resources[segment(locator.path)];
			assert.ok(resource, locator.path);
			assert.ok(
				resource.listQuery.some((parameter) => parameter.name === 'search'),
				`${locator.path} has no search parameter`,
			);
		}
	});
});
