import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { toHaloDate } from '../../HaloPsa/helpers/dates';

/**
 * Where the trigger stands, kept in the node's workflow static data (n8n persists it with the
 * workflow, and n8n 2.40's poll engine commits it together with the execution it emitted).
 * `lastUpdate` is the newest `last_update` handed out (Halo's clock, not n8n's); `seen` holds the
 * tickets already handed out at exactly that instant, so tickets sharing it are neither lost nor
 * repeated. `lastUpdate: null` means Halo had no tickets when the trigger started.
 */
export interface TicketCursor {
	lastUpdate: string | null;
	/**
	 * Id → fingerprint of the row as handed out. Halo's dates may stop at whole seconds (api-notes
	 * §2.8 shows none finer), so a ticket changed twice within one second keeps its `last_update`;
	 * only its content tells the second change from the first.
	 */
	seen: Record<string, string>;
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
	const seen: Record<string, string> = {};
	if (stored.seen && typeof stored.seen === 'object') {
		for (const [id, print] of Object.entries(stored.seen)) {
			if (typeof print === 'string') seen[id] = print;
		}
	}
	const resume = stored.resume;
	const valid =
		resume &&
		typeof resume.query === 'string' &&
		Number.isInteger(resume.pageNo) &&
		resume.pageNo > 1;
	return { lastUpdate, seen, ...(valid ? { resume: { ...resume } } : {}) };
}

/** Written in place: n8n persists the object it handed out, not a replacement. */
export function writeCursor(staticData: IDataObject, cursor: TicketCursor): void {
	staticData[KEY] = {
		lastUpdate: cursor.lastUpdate,
		seen: { ...cursor.seen },
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

/** A short digest of a list row, to tell two versions of a ticket with one `last_update` apart. */
export function fingerprint(row: IDataObject): string {
	return createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 16);
}

/** A ticket version the trigger reads: its id, `last_update` in epoch ms and fingerprint. */
export interface TicketVersion {
	id: number;
	time: number;
	print: string;
}

/** Whether this version of a ticket lies after the cursor (not yet handed out). */
export function isAfter(cursor: TicketCursor, version: TicketVersion): boolean {
	if (cursor.lastUpdate === null) return true;
	const at = Date.parse(cursor.lastUpdate);
	return version.time > at || (version.time === at && cursor.seen[version.id] !== version.print);
}

/** Whether a ticket that `occurred` at this time was logged after the cursor. */
export function isNewSince(cursor: TicketCursor, occurred: number, id: number): boolean {
	if (cursor.lastUpdate === null) return true;
	const at = Date.parse(cursor.lastUpdate);
	return occurred > at || (occurred === at && !(id in cursor.seen));
}

/** The cursor moved past a version handed out (they arrive in ascending `last_update`, then id). */
export function advance(cursor: TicketCursor, version: TicketVersion): TicketCursor {
	const at = cursor.lastUpdate === null ? undefined : Date.parse(cursor.lastUpdate);
	if (at === undefined || version.time > at) {
		return {
			lastUpdate: new Date(version.time).toISOString(),
			seen: { [version.id]: version.print },
		};
	}
	if (version.time < at) return cursor;
	return { lastUpdate: cursor.lastUpdate, seen: { ...cursor.seen, [version.id]: version.print } };
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
