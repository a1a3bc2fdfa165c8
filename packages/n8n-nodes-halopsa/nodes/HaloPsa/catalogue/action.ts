import type { ResourceSpec } from './types';

export const action: ResourceSpec = {
	value: 'action',
	label: 'Ticket Action',
	plural: 'ticket actions',
	path: '/Actions',
	listKey: 'actions',
	schema: 'Actions',
	id: { parameter: 'actionId', label: 'Action ID' },
	parent: { field: 'ticket_id', parameter: 'ticketId', label: 'Ticket', locator: 'ticket' },
	operations: ['create', 'get', 'getAll', 'update', 'delete'],
	required: [
		{
			name: 'outcome_id',
			label: 'Action Type Name or ID',
			type: 'options',
			source: 'getOutcomes',
			hint: 'Halo requires an action type (outcome) on every action: a note, an email, a time entry…',
		},
		{ name: 'note', label: 'Note', type: 'string', rows: 4 },
	],
	fields: [
		{
			name: 'actisbillable',
			label: 'Billable',
			type: 'boolean',
			description: 'Whether the time on this action is billable',
		},
		{ name: 'datetime', label: 'Action Date', type: 'dateTime' },
		{ name: 'emailcc', label: 'Email CC', type: 'string' },
		{ name: 'emailsubject', label: 'Email Subject', type: 'string' },
		{ name: 'emailto', label: 'Email To', type: 'string' },
		{
			name: 'important',
			label: 'Important',
			type: 'boolean',
			description: 'Whether to flag the action as important',
		},
		{
			name: 'new_status',
			label: 'New Ticket Status Name or ID',
			type: 'options',
			source: 'getStatuses',
			description:
				'Status the ticket moves to with this action. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			name: 'note_html',
			label: 'Note (HTML)',
			type: 'string',
			rows: 4,
			description: 'The note as HTML; Halo shows it instead of the plain-text note',
		},
		{
			name: 'hiddenfromuser',
			label: 'Private Note',
			type: 'boolean',
			description: 'Whether to hide the action from the end user (a private note)',
		},
		{
			name: 'sendemail',
			label: 'Send Email to User',
			type: 'boolean',
			description: 'Whether Halo emails the note to the end user',
		},
		{ name: 'timetaken', label: 'Time Taken (Hours)', type: 'number' },
	],
	filters: [
		{
			name: 'agentonly',
			label: 'Agent Actions Only',
			type: 'boolean',
			description: 'Whether to return only actions done by agents',
		},
		{
			name: 'conversationonly',
			label: 'Conversation Only',
			type: 'boolean',
			description: 'Whether to return only the conversation with the end user',
		},
		{
			name: 'excludesys',
			label: 'Exclude System Actions',
			type: 'boolean',
			description: 'Whether to leave out actions Halo logged by itself',
		},
	],
	simplify: [
		'id',
		'ticket_id',
		'outcome',
		'outcome_id',
		'note',
		'datetime',
		'actionby_agent_id',
		'timetaken',
		'hiddenfromuser',
		'new_status',
	],
	customFields: false,
	// /Actions has no pagination, only `count` (api-notes §2.5)
	list: { unpaginated: true },
};
