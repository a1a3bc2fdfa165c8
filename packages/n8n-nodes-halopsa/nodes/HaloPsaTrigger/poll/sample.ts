import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { TicketEvent } from '../description';
import { ticketPage } from './tickets';

/**
 * Manual runs ("Fetch Test Event") show the newest matching ticket without touching the cursor
 * (n8n does not keep static data from manual runs). For Ticket Created alone that is the newest
 * ticket logged (ids rise with creation); otherwise the ticket changed last.
 */
export async function sampleTicket(
	context: IPollFunctions,
	events: TicketEvent[],
	filters: Record<string, unknown>,
): Promise<INodeExecutionData[][] | null> {
	const createdOnly = events.length === 1 && events[0] === 'ticketCreated';
	const order = createdOnly
		? { order: 'id', orderdesc: true }
		: // Ties on last_update (Halo may stamp whole seconds) go to the higher id.
			{ order: 'last_update', orderdesc: true, order2: 'id', orderdesc2: true };
	const query = { ...filters, ...order };
	const { rows } = await ticketPage(context, query, 1, 1);
	if (rows.length === 0) return null;
	const event: TicketEvent = createdOnly ? 'ticketCreated' : 'ticketUpdated';
	return [[{ json: { event, ticket: rows[0].row } }]];
}
