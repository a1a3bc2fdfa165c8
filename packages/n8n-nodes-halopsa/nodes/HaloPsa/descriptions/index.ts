import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../catalogue';
import { resourceProperties } from './resource';

export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((spec) => ({ name: spec.label, value: spec.value })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: 'ticket',
	},
	...RESOURCES.flatMap(resourceProperties),
];
