import { LOCATORS } from '../catalogue';
import { locatorUrlPattern } from '../catalogue/locators';
import type { LocatorKind } from '../catalogue';

interface LocatorValue {
	__rl?: true;
	mode?: string;
	value?: unknown;
}

function isLocatorValue(value: unknown): value is LocatorValue {
	return typeof value === 'object' && value !== null && 'value' in value;
}

/**
 * The raw id a resource locator holds. Parameters are read without n8n's `extractValue`, so a
 * URL is taken apart here with the same pattern its "By URL" mode validates with.
 */
export function locatorRawValue(kind: LocatorKind, parameter: unknown): unknown {
	if (!isLocatorValue(parameter)) return parameter;
	const { mode, value } = parameter;
	if (mode !== 'url' || typeof value !== 'string') return value;
	const match = new RegExp(locatorUrlPattern(LOCATORS[kind])).exec(value.trim());
	return match ? match[1] : value;
}
