import { openApiSubset, type SubsetProperty, type SubsetSchema } from '../schemas/subset';
import { dotNetTypeName } from './dotnet-types';
import { isBase64, isGuid, isIsoDateTime, isTimeSpan } from './formats';

export interface BodyFieldError {
	/** Location in the body, e.g. `[0].client_id` or `[1].customfields[0].id`. */
	path: string;
	message: string;
}

export interface ValidateOptions {
	/**
	 * Accept numbers written as JSON strings (`"130"`), as System.Text.Json does with
	 * `JsonNumberHandling.AllowReadingFromString`. Off by default. Halo's web UI sends some
	 * integer ids as strings (api-notes §2.2, asset create capture), so Halo may accept them.
	 */
	numbersFromStrings?: boolean;
}

type Check = (value: unknown, path: string, errors: BodyFieldError[]) => void;

interface Compiler {
	numbersFromStrings: boolean;
	checks: Map<string, Check>;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
// Beyond 2^53 a JavaScript number is no longer exact; Int64's own bounds are what .NET checks.
const INT64_LIMIT = 9223372036854775807;

const STRICT: Compiler = { numbersFromStrings: false, checks: new Map() };
const LENIENT: Compiler = { numbersFromStrings: true, checks: new Map() };
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function hasSchema(schemaName: string): boolean {
	return Object.prototype.hasOwnProperty.call(openApiSubset().schemas, schemaName);
}

/**
 * Checks the JSON types of every property of `record` that the schema declares, the way Halo's
 * System.Text.Json model binding does: no strings for numbers or booleans, no fractions for
 * integers, no numbers for strings, null only for nullable value types. Unknown properties are
 * ignored, as Halo ignores them; names match case-insensitively (ASP.NET Core's web defaults).
 * Every error found is returned, in property order; Halo itself stops at the first.
 */
export function validateRecord(
	schemaName: string,
	record: unknown,
	pathPrefix: string,
	options: ValidateOptions = {},
): BodyFieldError[] {
	const errors: BodyFieldError[] = [];
	checkerFor(options.numbersFromStrings ? LENIENT : STRICT, schemaName)(record, pathPrefix, errors);
	return errors;
}

function checkerFor(compiler: Compiler, schemaName: string): Check {
	let check = compiler.checks.get(schemaName);
	if (!check) {
		const schema = openApiSubset().schemas[schemaName];
		if (!schema) throw new Error(`No schema named ${schemaName} in the OpenAPI subset`);
		// Registered before compiling so self-referencing schemas resolve to this entry.
		const lazy: { current?: Check } = {};
		compiler.checks.set(schemaName, (value, path, errors) => lazy.current!(value, path, errors));
		lazy.current = compileObject(compiler, schemaName, schema);
		check = lazy.current;
		compiler.checks.set(schemaName, check);
	}
	return check;
}

function compileObject(compiler: Compiler, typeName: string, schema: SubsetSchema): Check {
	const byName = new Map<string, Check>();
	for (const [name, property] of Object.entries(schema.properties)) {
		byName.set(name.toLowerCase(), compileProperty(compiler, property));
	}
	return (value, path, errors) => {
		if (!isPlainObject(value)) {
			errors.push(conversionError(typeName, path));
			return;
		}
		for (const key of Object.keys(value)) {
			const check = byName.get(key.toLowerCase());
			if (check) check(value[key], joinPath(path, key), errors);
		}
	};
}

function compileProperty(compiler: Compiler, property: SubsetProperty): Check {
	const typeName = dotNetTypeName(property);
	const acceptsNull = property.nullable === true || isReferenceType(property);
	const checkValue = compileValue(compiler, property, typeName);
	return (value, path, errors) => {
		if (value === null) {
			if (!acceptsNull) errors.push(conversionError(typeName, path));
			return;
		}
		checkValue(value, path, errors);
	};
}

function compileValue(compiler: Compiler, property: SubsetProperty, typeName: string): Check {
	if (property.$ref) {
		const schemaName = property.$ref;
		return (value, path, errors) => checkerFor(compiler, schemaName)(value, path, errors);
	}
	const lenient = compiler.numbersFromStrings;
	const fail = (path: string, errors: BodyFieldError[]) =>
		errors.push(conversionError(typeName, path));
	switch (property.type) {
		case 'integer': {
			const [min, max] =
				property.format === 'int64' ? [-INT64_LIMIT, INT64_LIMIT] : [INT32_MIN, INT32_MAX];
			return (value, path, errors) => {
				const number =
					lenient && typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : value;
				if (
					typeof number !== 'number' ||
					!Number.isInteger(number) ||
					number < min ||
					number > max
				) {
					fail(path, errors);
				}
			};
		}
		case 'number':
			return (value, path, errors) => {
				const number =
					lenient && typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : value;
				if (typeof number !== 'number' || !Number.isFinite(number)) fail(path, errors);
			};
		case 'boolean':
			return (value, path, errors) => {
				if (typeof value !== 'boolean') fail(path, errors);
			};
		case 'string':
			return compileString(property.format, fail);
		case 'array':
			return compileArray(compiler, property, fail);
		case 'object':
			return (value, path, errors) => {
				if (!isPlainObject(value)) fail(path, errors);
			};
		default:
			// Untyped properties (e.g. CustomField.value) take any JSON value.
			return () => undefined;
	}
}

function compileString(
	format: string | undefined,
	fail: (path: string, errors: BodyFieldError[]) => void,
): Check {
	const accepts: ((text: string) => boolean) | undefined =
		format === 'date-time'
			? isIsoDateTime
			: format === 'uuid'
				? isGuid
				: format === 'date-span'
					? isTimeSpan
					: format === 'byte'
						? isBase64
						: undefined;
	return (value, path, errors) => {
		if (typeof value !== 'string' || (accepts && !accepts(value))) fail(path, errors);
	};
}

function compileArray(
	compiler: Compiler,
	property: SubsetProperty,
	fail: (path: string, errors: BodyFieldError[]) => void,
): Check {
	const checkItem = property.items ? compileProperty(compiler, property.items) : undefined;
	return (value, path, errors) => {
		if (!Array.isArray(value)) {
			fail(path, errors);
			return;
		}
		if (!checkItem) return;
		for (let i = 0; i < value.length; i++) checkItem(value[i], `${path}[${i}]`, errors);
	};
}

/** Strings, arrays and objects are .NET reference types: null binds to them whatever the schema says. */
function isReferenceType(property: SubsetProperty): boolean {
	if (property.$ref || property.type === 'array' || property.type === 'object') return true;
	if (property.type !== 'string') return property.type === undefined;
	return (
		property.format !== 'date-time' && property.format !== 'uuid' && property.format !== 'date-span'
	);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinPath(prefix: string, key: string): string {
	return prefix === '' ? key : `${prefix}.${key}`;
}

/**
 * System.Text.Json's message, in full so that clients parsing it find every part. The body has
 * been parsed before validation, so the position is unknown: line and byte are always 0.
 */
export function conversionError(typeName: string, path: string): BodyFieldError {
	const jsonPath = path === '' ? '$' : path.startsWith('[') ? `$${path}` : `$.${path}`;
	return {
		path,
		message: `The JSON value could not be converted to ${typeName}. Path: ${jsonPath} | LineNumber: 0 | BytePositionInLine: 0.`,
	};
}
