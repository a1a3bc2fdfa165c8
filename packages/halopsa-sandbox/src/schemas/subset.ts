import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A property as kept by scripts/generate-openapi-subset.js. */
export interface SubsetProperty {
	type?: 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'object';
	format?: string;
	nullable?: boolean;
	enum?: unknown[];
	$ref?: string;
	items?: SubsetProperty;
	/** Name of the schema a collapsed nested object stood for. */
	'x-schema'?: string;
	/** Name of the item schema of a collapsed nested array. */
	'x-items-schema'?: string;
}

export interface SubsetSchema {
	type: 'object';
	properties: Record<string, SubsetProperty>;
	required?: string[];
}

export interface QueryParameter {
	name: string;
	/** As Halo's document writes it: `int`, `bool`, `string`, `double`, `integer`, `boolean`, … */
	type: string;
	format?: string;
	description?: string;
	required?: boolean;
}

export interface ResourceSpec {
	/** Collection path as Halo's document spells it, e.g. `/Tickets`. */
	path: string;
	/** Component schema of one POST body item, e.g. `Faults`. */
	bodySchema: string | null;
	bodyIsArray: boolean;
	listQuery: QueryParameter[];
	itemPath: string | null;
	getQuery: QueryParameter[];
	deleteQuery: QueryParameter[] | null;
	summary: string | null;
}

export interface OpenApiSubset {
	generatedBy: string;
	source: {
		file: string;
		sha256: string;
		bytes: number;
		openapi: string;
		title: string;
		description: string;
		version: string;
		paths: number;
		schemas: number;
	};
	resources: Record<string, ResourceSpec>;
	schemas: Record<string, SubsetSchema>;
}

const SUBSET_FILE = join(__dirname, 'halo-openapi-subset.generated.json');

let cached: OpenApiSubset | undefined;

/** The committed subset of Halo's OpenAPI document, read once. */
export function openApiSubset(): OpenApiSubset {
	cached ??= JSON.parse(readFileSync(SUBSET_FILE, 'utf8')) as OpenApiSubset;
	return cached;
}

/** The resource entry for e.g. `Tickets` or `ClientContract` (exact name, as in the generator's table). */
export function resourceSpec(name: string): ResourceSpec | undefined {
	return openApiSubset().resources[name];
}
