import { NodeApiError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import { haloTime } from './cursor';

/** A listed ticket as the order check sees it. */
export interface OrderedRow {
	id: number;
	/** `last_update` in epoch ms. */
	time: number;
	/** The digits of `last_update` finer than a millisecond, as ten-thousandths of one. */
	finer: number;
	/** The row as Halo listed it (its `last_update` goes into the error message). */
	row: IDataObject;
}

/**
 * The part of a Halo date finer than a millisecond. .NET writes a date with every fraction digit
 * it holds (up to 7, api-notes §5.2 shows `06:41:08.7895915Z`), so two rows within one millisecond
 * still differ here and Halo's order between them is checked on these digits, not on the ids.
 */
export function finerThanMs(value: unknown): number {
	const digits = /T\d\d:\d\d:\d\d\.(\d+)/.exec(String(value))?.[1] ?? '';
	return Number(`${digits.slice(3, 7)}0000`.slice(0, 4));
}

const WHAT_IT_MEANS =
	'The trigger reads changes oldest first from the date it asks for and keeps its place by the newest change it has handed out; from a page Halo did not sort or filter as asked it would skip changes without notice, so it stopped and kept its place. ';
const WHAT_TO_DO =
	'Check that the Resource Server URL points at Halo’s API itself (not a proxy that rewrites the query). If it does, this Halo version does not sort or filter GET /Tickets by last_update: use a Schedule Trigger with HaloPSA > Ticket > Get Many instead, and report your Halo version to the package’s issue tracker.';

function ignoredError(
	context: IPollFunctions,
	parameter: string,
	evidence: string,
	pageNo: number,
): NodeApiError {
	return new NodeApiError(context.getNode(), {} as JsonObject, {
		message: `Halo ignored ${parameter} on GET /Tickets`,
		description: `${evidence} on page ${pageNo}. ${WHAT_IT_MEANS}${WHAT_TO_DO}`,
	});
}

/**
 * Halo silently ignores query parameters it does not honour (api-notes §2.6), and the sort and
 * date filter fields are [inferred] (§2.6, §2.7). The cursor is only right if every page comes in
 * the order asked for and from the date asked for, so a page that shows otherwise is refused
 * before the cursor moves.
 */
export function checkPageOrder(
	context: IPollFunctions,
	query: IDataObject,
	pageNo: number,
	rows: OrderedRow[],
): void {
	const from = typeof query.lastupdatefromdate === 'string' ? query.lastupdatefromdate : undefined;
	const fromTime = from === undefined ? undefined : haloTime(from);
	if (from !== undefined && fromTime !== undefined) {
		const early = rows.find((row) => row.time < fromTime);
		if (early) {
			const evidence = `Ticket ${early.id} has last_update ${String(early.row.last_update)}, before lastupdatefromdate=${from}`;
			throw ignoredError(context, 'lastupdatefromdate', evidence, pageNo);
		}
	}
	if (query.order !== 'last_update') return;
	const descending = query.orderdesc === true;
	const idsDescending = query.orderdesc2 === true;
	for (let i = 1; i < rows.length; i++) {
		const [before, after] = [rows[i - 1], rows[i]];
		const later = after.time - before.time || after.finer - before.finer;
		let parameter: string;
		if (later !== 0) {
			if (descending ? later < 0 : later > 0) continue;
			parameter = `order=last_update${descending ? '&orderdesc=true' : ''}`;
		} else {
			// Rows of one instant: only the ids settle them, and only if they were asked to.
			if (query.order2 !== 'id' || (idsDescending ? after.id < before.id : after.id > before.id))
				continue;
			parameter = `order2=id${idsDescending ? '&orderdesc2=true' : ''}`;
		}
		const evidence = `Ticket ${after.id} (last_update ${String(after.row.last_update)}) came after ticket ${before.id} (last_update ${String(before.row.last_update)})`;
		throw ignoredError(context, parameter, evidence, pageNo);
	}
}
