import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';

import { TICKET_EVENTS, type TicketEvent } from '../description';
import {
	advance,
	fromDate,
	haloTime,
	isAfter,
	isNewSince,
	readCursor,
	writeCursor,
	type TicketCursor,
} from './cursor';
import { filterQuery } from './filters';
import { sampleTicket } from './sample';
import { ticketPage, type TicketRow } from './tickets';

/**
 * At most this many list requests per poll (100 tickets each). A larger backlog, e.g. after a
 * bulk update, is read over the following polls: the cursor keeps its place, and Halo's budget of
 * 300 requests per 5 minutes (api-notes §3.1) stays mostly free for the workflows themselves.
 */
export const MAX_REQUESTS_PER_POLL = 20;

/** n8n-core's default when the engine gives no budget (`PollContext`, 5 minutes). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

function readEvents(context: IPollFunctions): TicketEvent[] {
	const events = context.getNodeParameter('events', []) as unknown;
	const chosen = Array.isArray(events)
		? TICKET_EVENTS.filter((event) => events.includes(event))
		: [];
	if (chosen.length === 0) {
		throw new NodeOperationError(context.getNode(), '"Events" must name at least one event', {
			description: 'Choose Ticket Created, Ticket Updated or both.',
		});
	}
	return chosen;
}

function pollBudgetMs(context: IPollFunctions): number {
	// Older n8n versions have no budget; the method is typed as always present in n8n-workflow 2.40.
	return typeof context.getPollBudgetMs === 'function'
		? context.getPollBudgetMs()
		: DEFAULT_POLL_BUDGET_MS;
}

/**
 * Created or updated, judged against the cursor the poll started from: a ticket whose
 * `dateoccurred` lies after it was logged since the last poll. `dateoccurred`, not `datecreated`,
 * because Halo leaves `datecreated` blank on list rows (api-notes §3.2 #6). A ticket logged and
 * changed again between two polls is one "created" item.
 */
function eventOf(start: TicketCursor, ticket: TicketRow): TicketEvent {
	const occurred = haloTime(ticket.row.dateoccurred);
	if (occurred === undefined) return start.lastUpdate === null ? 'ticketCreated' : 'ticketUpdated';
	return isNewSince(start, occurred, ticket.id) ? 'ticketCreated' : 'ticketUpdated';
}

/** Changed tickets matching the filters, oldest change first, from just before the cursor. */
function changesQuery(filters: IDataObject, cursor: TicketCursor): IDataObject {
	const from = fromDate(cursor);
	return {
		...filters,
		order: 'last_update',
		orderdesc: false,
		order2: 'id',
		orderdesc2: false,
		...(from === undefined ? {} : { lastupdatefromdate: from }),
	};
}

const byTimeThenId = (a: TicketRow, b: TicketRow) =>
	a.time - b.time || a.finer - b.finer || a.id - b.id;

/**
 * The first poll of an active workflow replays nothing: the cursor starts at the newest
 * `last_update` in Halo (Halo's clock, so a clock difference between n8n and Halo loses nothing).
 */
async function startCursor(context: IPollFunctions): Promise<TicketCursor> {
	const { rows } = await ticketPage(context, { order: 'last_update', orderdesc: true }, 1);
	if (rows.length === 0) return { lastUpdate: null, seen: {} };
	const newest = Math.max(...rows.map((row) => row.time));
	const seen: Record<string, string> = {};
	for (const row of rows) if (row.time === newest) seen[row.id] = row.print;
	return { lastUpdate: new Date(newest).toISOString(), seen };
}

/**
 * Reads the tickets changed since the cursor in ascending `last_update` (then id), keyset style:
 * each request starts from the cursor again, so tickets that change while the trigger reads move
 * behind it instead of shifting pages. While the cursor stays within one second (more than a page
 * of tickets changed in it) the next page of the same query follows, and a poll that stops there
 * leaves the page number in the cursor for the next poll.
 */
export async function pollTickets(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const events = readEvents(this);
	const filters = filterQuery(this);
	if (this.getMode() === 'manual') return await sampleTicket(this, events, filters);

	const staticData = this.getWorkflowStaticData('node');
	const start = readCursor(staticData);
	if (start === undefined) {
		writeCursor(staticData, await startCursor(this));
		return null;
	}

	const budgetMs = pollBudgetMs(this);
	const startedAt = Date.now();
	const changed: TicketRow[] = [];
	let cursor: TicketCursor = { lastUpdate: start.lastUpdate, seen: start.seen };
	let query = changesQuery(filters, cursor);
	let pageNo = start.resume?.query === JSON.stringify(query) ? start.resume.pageNo : 1;
	for (let request = 1; ; request++) {
		const page = await ticketPage(this, query, pageNo);
		const fresh = page.rows.filter((row) => isAfter(cursor, row)).sort(byTimeThenId);
		for (const row of fresh) {
			changed.push(row);
			cursor = advance(cursor, row);
		}
		if (!page.more) break;
		const next = changesQuery(filters, cursor);
		pageNo = next.lastupdatefromdate === query.lastupdatefromdate ? pageNo + 1 : 1;
		query = next;
		// Stop early enough that the engine never abandons the poll (and with it the cursor).
		if (request >= MAX_REQUESTS_PER_POLL || Date.now() - startedAt >= budgetMs / 2) {
			if (pageNo > 1) cursor = { ...cursor, resume: { query: JSON.stringify(query), pageNo } };
			break;
		}
	}

	writeCursor(staticData, cursor);
	const items = changed
		.map((ticket) => ({ event: eventOf(start, ticket), ticket: ticket.row }))
		.filter(({ event }) => events.includes(event))
		.map((json) => ({ json }));
	return items.length > 0 ? [items] : null;
}
