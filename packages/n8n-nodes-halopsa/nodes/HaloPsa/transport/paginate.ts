import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { haloApiRequest } from './request';
import type { GetAllOptions, HaloContext, ListShape } from './types';

/** Halo's largest page (api-notes §2.5: "Maximum size: 100"; HAPI #90). */
export const MAX_PAGE_SIZE = 100;

/** A hard stop far beyond any real list (1,000,000 rows at 100 a page). */
const MAX_PAGES = 10_000;

function listError(context: HaloContext, message: string, description: string, itemIndex?: number) {
	return new NodeApiError(context.getNode(), {} as JsonObject, { message, description, itemIndex });
}

function rowsOf(
	context: HaloContext,
	path: string,
	shape: ListShape,
	answer: unknown,
	itemIndex?: number,
): { rows: IDataObject[]; recordCount?: number } {
	if ('bare' in shape) {
		if (Array.isArray(answer)) return { rows: answer as IDataObject[] };
		const wrapped = shape.orKey ? (answer as IDataObject | null)?.[shape.orKey] : undefined;
		if (Array.isArray(wrapped)) return { rows: wrapped as IDataObject[] };
		throw listError(
			context,
			`Halo's answer to GET ${path} is not a list`,
			'A list was expected here; the Resource Server URL may point at something other than Halo’s API.',
			itemIndex,
		);
	}
	const record = answer as IDataObject | null;
	const rows = record && typeof record === 'object' ? record[shape.listKey] : undefined;
	// Rows come from the declared key only; Halo's views carry other arrays beside them (§2.4).
	if (!Array.isArray(rows)) {
		throw listError(
			context,
			`Halo's answer to GET ${path} has no "${shape.listKey}" list`,
			'The Resource Server URL may point at something other than Halo’s API, or this Halo version names the list differently.',
			itemIndex,
		);
	}
	const count = record?.record_count;
	return {
		rows: rows as IDataObject[],
		recordCount: typeof count === 'number' && Number.isFinite(count) ? count : undefined,
	};
}

/**
 * Every row of a list (or the first `limit`), following api-notes §2.5: `pageinate=true` with
 * `page_no` from 1 and `page_size` 100 (Halo ignores both without `pageinate`), rows read from the
 * declared key. Stops when `record_count` rows have arrived (it counts all matching rows, not the
 * page), at an empty page, or at the limit. A short page is not the end while `record_count` says
 * more exist: Halo caps page sizes silently (assets: 50). A page identical to the one before means
 * the server ignores `page_no`; that is an error rather than an endless loop or a silent cut.
 * Bare arrays and unpaginated lists (e.g. actions) are one request.
 */
export async function haloApiRequestAllItems(
	this: HaloContext,
	path: string,
	shape: ListShape,
	qs: IDataObject = {},
	options: GetAllOptions = {},
	itemIndex?: number,
): Promise<IDataObject[]> {
	const limit = options.limit !== undefined && options.limit > 0 ? options.limit : undefined;

	if ('bare' in shape || options.unpaginated) {
		const query = { ...qs };
		if (options.unpaginated && limit !== undefined) query.count = limit;
		const answer = await haloApiRequest.call(this, { method: 'GET', path, qs: query }, itemIndex);
		const { rows } = rowsOf(this, path, shape, answer, itemIndex);
		return limit === undefined ? rows : rows.slice(0, limit);
	}

	const pageSize = options.fixedPageSize ?? Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE);
	const collected: IDataObject[] = [];
	let previousPage: string | undefined;
	let firstPageLength: number | undefined;
	for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
		const answer = await haloApiRequest.call(
			this,
			{ method: 'GET', path, qs: { ...qs, pageinate: true, page_size: pageSize, page_no: pageNo } },
			itemIndex,
		);
		const { rows, recordCount } = rowsOf(this, path, shape, answer, itemIndex);
		if (rows.length === 0) break;

		const fingerprint = JSON.stringify(rows);
		if (fingerprint === previousPage) {
			throw listError(
				this,
				`Halo returned the same rows for page ${pageNo} as for page ${pageNo - 1} of ${path}`,
				'Halo appears to ignore page_no here, so the full list cannot be read page by page. Use filters to narrow the list, or turn off Return All and set a Limit.',
				itemIndex,
			);
		}
		previousPage = fingerprint;
		firstPageLength ??= rows.length;

		collected.push(...rows);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		if (recordCount !== undefined) {
			if (collected.length >= recordCount) break;
		} else if (rows.length < firstPageLength) {
			// Without a total, a page shorter than the server's own page size is the last one.
			break;
		}
	}
	return collected;
}
