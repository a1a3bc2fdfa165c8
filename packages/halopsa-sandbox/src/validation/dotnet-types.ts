import type { SubsetProperty } from '../schemas/subset';

const SCALARS: Record<string, string> = {
	'integer/int32': 'System.Int32',
	'integer/int64': 'System.Int64',
	integer: 'System.Int32',
	'number/double': 'System.Double',
	'number/float': 'System.Single',
	number: 'System.Double',
	boolean: 'System.Boolean',
	'string/date-time': 'System.DateTime',
	'string/uuid': 'System.Guid',
	'string/date-span': 'System.TimeSpan',
	'string/byte': 'System.Byte[]',
	'string/uri': 'System.Uri',
	string: 'System.String',
};

const VALUE_TYPES = new Set([
	'System.Int32',
	'System.Int64',
	'System.Double',
	'System.Single',
	'System.Boolean',
	'System.DateTime',
	'System.Guid',
	'System.TimeSpan',
]);

/**
 * The .NET type name System.Text.Json puts in its conversion errors, e.g. `System.Int32` or
 * ``System.Nullable`1[System.Int32]``. Halo's model classes are named after the schemas; their
 * namespace is not in the OpenAPI document, so nested types are named by the schema alone.
 */
export function dotNetTypeName(property: SubsetProperty): string {
	if (property.$ref) return property.$ref;
	if (property.type === 'array') {
		const item = property.items
			? dotNetTypeName(property.items)
			: (property['x-items-schema'] ?? 'System.Object');
		return `System.Collections.Generic.List\`1[${item}]`;
	}
	if (property.type === 'object') return property['x-schema'] ?? 'System.Object';
	if (property.type === undefined) return 'System.Object';
	const scalar =
		SCALARS[`${property.type}/${property.format ?? ''}`] ??
		SCALARS[property.type] ??
		'System.Object';
	return property.nullable && VALUE_TYPES.has(scalar) ? `System.Nullable\`1[${scalar}]` : scalar;
}
