import type { IDataObject } from 'n8n-workflow';

import type { ResourceSpec } from '../catalogue';
import { customFieldsByName } from './customFields';

/** The catalogue's few useful fields of a record; custom fields become `{ name: value }`. */
export function simplifyRecord(spec: ResourceSpec, record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const key of spec.simplify) {
		if (!(key in record)) continue;
		simple[key] = key === 'customfields' ? customFieldsByName(record[key]) : record[key];
	}
	return simple;
}
