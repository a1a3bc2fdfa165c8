import { NodeApiError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import { haloApiRequest, MAX_PAGE_SIZE } from '../../HaloPsa/transport';
import { fingerprint, haloTime, type TicketVersion } from './cursor';
import { checkPageOrder, finerThanMs } from './order';

/** A list row with the values the trigger orders and de-duplicates by. */
export interface TicketRow extends TicketVersion {
	/** The digits of `last_update` finer than `time` holds (see `finerThanMs`). */
	finer: number;
	row: IDataObject;
}

export interface TicketPage {
	rows: TicketRow[];
	/** Whether Halo may hold more rows after this page. */
	more: boolean;
}

function shapeError(context: IPollFunctions, message: string): NodeApiError {
	return new NodeApiError(context.getNode(), {} as JsonObject, {
		message,
		description:
			'The trigger needs each ticket’s id and last_update from GET /Tickets; check that the Resource Server URL points at Halo’s API.',
	});
}

/**
 * One page of `GET /Tickets`, rows read from the `tickets` key (api-notes §2.4), with pagination
 * switched on the way Halo requires (`pageinate=true` and `page_no`, §2.5). A page not in the order
 * or not from the date the query asks for is refused (`checkPageOrder`).
 */
export async function ticketPage(
	context: IPollFunctions,
	query: IDataObject,
	pageNo: number,
	pageSize = MAX_PAGE_SIZE,
): Promise<TicketPage> {
	const answer = (await haloApiRequest.call(context, {
		method: 'GET',
		path: '/Tickets',
		qs: { ...query, pageinate: true, page_size: pageSize, page_no: pageNo },
		resource: 'Ticket',
	})) as IDataObject | null;
	const rows = answer && typeof answer === 'object' ? answer.tickets : undefined;
	if (!Array.isArray(rows))
		throw shapeError(context, 'Halo’s answer to GET /Tickets has no "tickets" list');

	const parsed = (rows as IDataObject[]).map((row) => {
		const id = row.id;
		const time = haloTime(row.last_update);
		if (typeof id !== 'number' || time === undefined) {
			throw shapeError(
				context,
				`A ticket in Halo’s answer has no usable ${typeof id !== 'number' ? 'id' : 'last_update'}`,
			);
		}
		return { id, time, finer: finerThanMs(row.last_update), print: fingerprint(row), row };
	});
	checkPageOrder(context, query, pageNo, parsed);
	const total = typeof answer?.record_count === 'number' ? answer.record_count : undefined;
	const seen = (pageNo - 1) * pageSize + rows.length;
	const more = rows.length >= pageSize && (total === undefined || seen < total);
	return { rows: parsed, more };
}
