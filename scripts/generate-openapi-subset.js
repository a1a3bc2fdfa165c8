#!/usr/bin/env node
'use strict';
/*
 * Writes the part of Halo's OpenAPI document that the sandbox serves:
 * packages/halopsa-sandbox/src/schemas/halo-openapi-subset.generated.json
 *
 *   node scripts/generate-openapi-subset.js [path/to/openapi.json] [--out path]
 *
 * The default input is ../shared/halo/openapi.json relative to the repository root.
 * Output is deterministic (sorted keys), so a regenerated file only differs when the input does.
 *
 * Schemas are resolved to a bounded depth so the file stays small: the body schema of each
 * resource keeps every property, and its `$ref`s point at further entries of `schemas`; those
 * referenced schemas (the first level of nesting) keep their own properties, but their nested
 * objects and arrays are reduced to `{ type: 'object' }` / `{ type: 'array' }`. Dictionaries
 * (e.g. KBEntry.wordpress_tags) are kept as plain objects at every level.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/**
 * Resources served by the sandbox: the name used in the output, the collection path in Halo's
 * document. Add a row to serve (or vendor) another resource.
 */
const RESOURCES = [
	['Tickets', '/Tickets'],
	['Actions', '/Actions'],
	['Client', '/Client'],
	['Site', '/Site'],
	['Users', '/Users'],
	['Agent', '/Agent'],
	['Team', '/Team'],
	['Asset', '/Asset'],
	['AssetType', '/AssetType'],
	['ClientContract', '/ClientContract'],
	['Invoice', '/Invoice'],
	['Quotation', '/Quotation'],
	['Projects', '/Projects'],
	['Opportunities', '/Opportunities'],
	['Appointment', '/Appointment'],
	['KBArticle', '/KBArticle'],
	['Supplier', '/Supplier'],
	['Item', '/Item'],
	['Status', '/Status'],
	['TicketType', '/TicketType'],
	['Priority', '/Priority'],
	['Category', '/Category'],
	['Outcome', '/Outcome'],
	['FieldInfo', '/FieldInfo'],
	['Attachment', '/Attachment'],
	['Webhook', '/Webhook'],
	['WebhookEvent', '/WebhookEvent'],
];

/** Schemas wanted in full although no POST body names them (list rows the sandbox returns). */
const EXTRA_ROOT_SCHEMAS = [];

/** Keywords of a property kept in the output; everything else (examples, xml, …) is dropped. */
const KEPT_KEYWORDS = ['type', 'format', 'nullable', 'enum', 'maxLength', 'minimum', 'maximum'];

const repoRoot = path.resolve(__dirname, '..');
const defaultInput = path.resolve(repoRoot, '..', 'shared', 'halo', 'openapi.json');
const defaultOutput = path.join(
	repoRoot,
	'packages',
	'halopsa-sandbox',
	'src',
	'schemas',
	'halo-openapi-subset.generated.json',
);

function parseArgs(argv) {
	const args = { input: defaultInput, output: defaultOutput };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--out') args.output = path.resolve(argv[++i]);
		else args.input = path.resolve(argv[i]);
	}
	return args;
}

function refName(ref) {
	const prefix = '#/components/schemas/';
	if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`);
	return ref.slice(prefix.length);
}

function pick(source, keys) {
	const out = {};
	for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
	return out;
}

/** The JSON body of an operation, whichever JSON media type declares it. */
function bodySchema(operation) {
	const content = operation && operation.requestBody && operation.requestBody.content;
	if (!content) return undefined;
	const media = content['application/json'] || content['text/json'] || Object.values(content)[0];
	return media && media.schema;
}

function parameters(operation, location) {
	if (!operation || !operation.parameters) return [];
	const seen = new Set();
	const out = [];
	for (const param of operation.parameters) {
		// Halo's document repeats some parameters (e.g. `debug`, `utcoffset` on /Tickets/{id}).
		if (param.in !== location || seen.has(param.name)) continue;
		seen.add(param.name);
		const schema = param.schema || {};
		const entry = { name: param.name, type: schema.$ref ? 'object' : schema.type || 'string' };
		if (schema.format) entry.format = schema.format;
		if (param.description) entry.description = param.description;
		if (param.required) entry.required = true;
		out.push(entry);
	}
	return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function findItemPath(paths, collectionPath) {
	const wanted = `${collectionPath}/{id}`.toLowerCase();
	return Object.keys(paths).find((p) => p.toLowerCase() === wanted);
}

/**
 * A property reduced to what validation needs. `keepRefs` decides whether references survive
 * (first level) or collapse to their JSON type (deeper levels).
 */
function reduceProperty(property, schemas, keepRefs, wanted) {
	if (property.$ref) {
		const name = refName(property.$ref);
		const target = schemas[name] || {};
		// A $ref to an enum or scalar schema is that scalar; to an object, a nested object.
		if (target.type && target.type !== 'object')
			return reduceProperty(target, schemas, false, wanted);
		if (keepRefs) {
			wanted.add(name);
			return { $ref: name, nullable: true };
		}
		// The schema name survives as `x-schema` so error messages can name the .NET type.
		return { type: 'object', nullable: true, 'x-schema': name };
	}
	const out = pick(property, KEPT_KEYWORDS);
	if (property.type === 'array') {
		const items = property.items || {};
		if (items.$ref || items.type === 'array' || items.type === 'object') {
			if (keepRefs) out.items = reduceProperty(items, schemas, keepRefs, wanted);
			else if (items.$ref) out['x-items-schema'] = refName(items.$ref);
		} else if (items.type) {
			out.items = pick(items, ['type', 'format', 'nullable']);
		}
	}
	return out;
}

function reduceSchema(schema, schemas, keepRefs, wanted) {
	const properties = {};
	for (const [name, property] of Object.entries(schema.properties || {})) {
		properties[name] = reduceProperty(property, schemas, keepRefs, wanted);
	}
	const out = { type: 'object', properties };
	if (schema.required) out.required = schema.required.slice().sort();
	return out;
}

function sortKeys(value) {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out = {};
		for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
		return out;
	}
	return value;
}

function buildSubset(document, sourceBytes, sourceName) {
	const schemas = document.components.schemas;
	const resources = {};
	const roots = new Set(EXTRA_ROOT_SCHEMAS);
	for (const [name, collectionPath] of RESOURCES) {
		const operations = document.paths[collectionPath];
		if (!operations) throw new Error(`${collectionPath} is not in the document`);
		const body = bodySchema(operations.post);
		let bodyItemSchema = null;
		let bodyIsArray = false;
		if (body) {
			bodyIsArray = body.type === 'array';
			const item = bodyIsArray ? body.items : body;
			if (item && item.$ref) bodyItemSchema = refName(item.$ref);
		}
		if (bodyItemSchema) roots.add(bodyItemSchema);
		const itemPath = findItemPath(document.paths, collectionPath);
		const itemOperations = itemPath ? document.paths[itemPath] : {};
		resources[name] = {
			path: collectionPath,
			bodySchema: bodyItemSchema,
			bodyIsArray,
			listQuery: parameters(operations.get, 'query'),
			itemPath: itemPath || null,
			getQuery: parameters(itemOperations.get, 'query'),
			deleteQuery: itemOperations.delete ? parameters(itemOperations.delete, 'query') : null,
			summary: (operations.get && operations.get.summary) || null,
		};
	}

	const out = {};
	const firstLevel = new Set();
	for (const name of roots) out[name] = reduceSchema(schemas[name], schemas, true, firstLevel);
	for (const name of firstLevel) {
		if (!out[name]) out[name] = reduceSchema(schemas[name], schemas, false, new Set());
	}

	return sortKeys({
		generatedBy: 'scripts/generate-openapi-subset.js',
		source: {
			file: sourceName,
			sha256: crypto.createHash('sha256').update(sourceBytes).digest('hex'),
			bytes: sourceBytes.length,
			openapi: document.openapi,
			title: document.info && document.info.title,
			description: document.info && document.info.description,
			version: document.info && document.info.version,
			paths: Object.keys(document.paths).length,
			schemas: Object.keys(schemas).length,
		},
		resources,
		schemas: out,
	});
}

function main() {
	const { input, output } = parseArgs(process.argv.slice(2));
	const bytes = fs.readFileSync(input);
	const document = JSON.parse(bytes.toString('utf8'));
	const subset = buildSubset(document, bytes, path.basename(input));
	const text = `${JSON.stringify(subset, null, '\t')}\n`;
	fs.mkdirSync(path.dirname(output), { recursive: true });
	fs.writeFileSync(output, text);
	const schemaCount = Object.keys(subset.schemas).length;
	process.stdout.write(
		`Wrote ${path.relative(process.cwd(), output)}: ${RESOURCES.length} resources, ` +
			`${schemaCount} schemas, ${text.length} bytes\n`,
	);
}

if (require.main === module) main();

module.exports = { RESOURCES, buildSubset };
