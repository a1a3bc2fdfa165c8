import type { ResourceSpec } from './types';

export const site: ResourceSpec = {
	value: 'site',
	label: 'Site',
	plural: 'sites',
	path: '/Site',
	listKey: 'sites',
	schema: 'Site',
	id: { parameter: 'siteId', label: 'Site', locator: 'site' },
	operations: ['create', 'get', 'getAll', 'update', 'delete'],
	required: [
		{ name: 'name', label: 'Name', type: 'string' },
		{ name: 'client_id', label: 'Client', type: 'locator', locator: 'client' },
	],
	fields: [
		{
			name: 'inactive',
			label: 'Inactive',
			type: 'boolean',
			description: 'Whether the site is inactive',
		},
		{ name: 'maincontact_name', label: 'Main Contact Name', type: 'string' },
		{ name: 'notes', label: 'Notes', type: 'string', rows: 4 },
		{ name: 'phonenumber', label: 'Phone Number', type: 'string' },
		{ name: 'timezone', label: 'Time Zone', type: 'string' },
	],
	filters: [
		{ name: 'client_id', label: 'Client', type: 'locator', locator: 'client' },
		{
			name: 'includeinactive',
			label: 'Include Inactive',
			type: 'boolean',
			description: 'Whether to include inactive sites',
		},
		{ name: 'search', label: 'Search', type: 'string' },
	],
	simplify: [
		'id',
		'name',
		'client_id',
		'client_name',
		'inactive',
		'phonenumber',
		'maincontact_name',
		'timezone',
		'notes',
		'customfields',
	],
	customFields: true,
};
