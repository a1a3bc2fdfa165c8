import type { IDataObject } from 'n8n-workflow';

import { toHaloDate } from '../../HaloPsa/helpers/dates';

/**
 * Where the trigger stands, kept in the node's workflow static data (n8n persists it with the
 * workflow, and n8n 2.40's poll engine commits it together with the execution it emitted).
 * `lastUpdate` is the newest `last_update` handed out (Halo's clock, not n8n's); `ids` are the
 * tickets already handed out at exactly that instant, so tickets sharing it are neither lost nor
 * repeated. `lastUpdate: null` means Halo had no tickets when the trigger started.
 */
export interface TicketCursor {
	lastUpdate: string | null;
	ids: number[];
	/**
	 * Where to go on when a poll stopped inside a run of pages that all start at the same
	 * `lastupdatefromdate` (more than 100 tickets in one second): the query and the next page.
	 */
	resume?: { query: string; pageNo: number };
}

const KEY = 'ticketCursor';

export function readCursor(staticData: IDataObject): TicketCursor | undefined {
	const stored = staticData[KEY] as Partial<TicketCursor> | undefined;
	if (!stored || typeof stored !== 'object') return undefined;
	const lastUpdate = typeof stored.lastUpdate === 'string' ? stored.lastUpdate : null;
	const ids = Array.isArray(stored.ids) ? stored.ids.filter((id) => typeof id === 'number') : [];
	const resume = stored.resume;
	const valid =
		resume &&
		typeof resume.query === 'string' &&
		Number.isInteger(resume.pageNo) &&
		resume.pageNo > 1;
	return { lastUpdate, ids, ...(valid ? { resume: { ...resume } } : {}) };
}

/** Written in place: n8n persists the object it handed out, not a replacement. */
export function writeCursor(staticData: IDataObject, cursor: TicketCursor): void {
	staticData[KEY] = {
		lastUpdate: cursor.lastUpdate,
		ids: [...cursor.ids],
		...(cursor.resume ? { resume: { ...cursor.resume } } : {}),
	};
}

/**
 * A Halo date as epoch milliseconds. Halo writes UTC without a zone (api-notes §2.8), which is
 * read as UTC; finer than milliseconds is cut, and ties are settled by the ids.
 */
export function haloTime(value: unknown): number | undefined {
	const iso = toHaloDate(value);
	return iso === undefined ? undefined : Date.parse(iso);
}

/** Whether a row at `time` with `id` lies after the cursor. */
export function isAfter(cursor: TicketCursor, time: number, id: number): boolean {
	if (cursor.lastUpdate === null) return true;
	const at = Date.parse(cursor.lastUpdate);
	return time > at || (time === at && !cursor.ids.includes(id));
}

/** The cursor moved past a row handed out (rows arrive in ascending `last_update`, then id). */
export function advance(cursor: TicketCursor, time: number, id: number): TicketCursor {
	const at = cursor.lastUpdate === null ? undefined : Date.parse(cursor.lastUpdate);
	if (at === undefined || time > at) return { lastUpdate: new Date(time).toISOString(), ids: [id] };
	if (time === at && !cursor.ids.includes(id)) {
		return { lastUpdate: cursor.lastUpdate, ids: [...cursor.ids, id] };
	}
	return cursor;
}

/**
 * The `lastupdatefromdate` to ask Halo for: one whole second before the cursor. Halo's filter is
 * not documented as inclusive or as honouring fractions of a second [inferred], so the request
 * reaches back and the rows at or before the cursor that were already handed out are skipped here.
 */
export function fromDate(cursor: TicketCursor): string | undefined {
	if (cursor.lastUpdate === null) return undefined;
	const seconds = Math.floor(Date.parse(cursor.lastUpdate) / 1000) - 1;
	return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
