import type { INodeProperties } from 'n8n-workflow';

import { CATALOGUE, type FieldSpec } from '../HaloPsa/catalogue';
import { collectionOptions } from '../HaloPsa/descriptions/fields';

export type TicketEvent = 'ticketCreated' | 'ticketUpdated';

export const TICKET_EVENTS: TicketEvent[] = ['ticketCreated', 'ticketUpdated'];

const EVENT_LABELS: Record<TicketEvent, string> = {
	ticketCreated: 'Ticket Created',
	ticketUpdated: 'Ticket Updated',
};

/** The chosen events by their labels, e.g. "Ticket Created, Ticket Updated". */
export const EVENTS_SUBTITLE = `={{$parameter["events"].map((event) => (${JSON.stringify(EVENT_LABELS)})[event] || event).join(", ")}}`;

/**
 * The Get Many ticket filters that make sense for a watcher. The date filters are left out: the
 * trigger sets `lastupdatefromdate` itself, and a fixed date window would stop it seeing changes.
 */
const WATCH_FILTERS = new Set([
	'agent_id',
	'client_id',
	'closed_only',
	'open_only',
	'requesttype_id',
	'search',
	'site_id',
	'status_id',
	'user_id',
]);

export const TRIGGER_FILTERS: FieldSpec[] = CATALOGUE.ticket.filters.filter((field) =>
	WATCH_FILTERS.has(field.name),
);

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['ticketCreated', 'ticketUpdated'],
		options: [
			{
				name: EVENT_LABELS.ticketCreated,
				value: 'ticketCreated',
				description: 'A ticket was logged since the last check',
			},
			{
				name: EVENT_LABELS.ticketUpdated,
				value: 'ticketUpdated',
				description:
					'An existing ticket changed since the last check (any field, a new action, a status change)',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only tickets matching every filter trigger the workflow',
		options: collectionOptions(TRIGGER_FILTERS),
	},
];
