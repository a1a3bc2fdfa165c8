import type { INodePropertyOptions } from 'n8n-workflow';

import type { HaloOperation, ResourceSpec } from '../catalogue';

const LABELS: Record<HaloOperation, { name: string; verb: string; many?: boolean }> = {
	close: { name: 'Close', verb: 'Close' },
	create: { name: 'Create', verb: 'Create' },
	delete: { name: 'Delete', verb: 'Delete' },
	get: { name: 'Get', verb: 'Get' },
	getAll: { name: 'Get Many', verb: 'Get many', many: true },
	update: { name: 'Update', verb: 'Update' },
};

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** The Operation dropdown of one resource, sorted by name. */
export function operationOptions(spec: ResourceSpec): INodePropertyOptions[] {
	const noun = spec.label.toLowerCase();
	return spec.operations
		.map((operation) => {
			const { name, verb, many } = LABELS[operation];
			const action = many ? `${verb} ${spec.plural}` : `${verb} ${article(noun)} ${noun}`;
			return { name, value: operation, action, description: action };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
