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
 * Pages requested at once after the first page has told the total. Halo limits requests per
 * rolling 5 minutes, not requests in flight (api-notes §3.1), so a few at a time cost no more of
 * that budget and hide most of the latency of a long list.
 */
export const PARALLEL_PAGES = 4;

/** `fn` over `inputs` with at most `limit` calls in flight; results in input order. */
async function mapConcurrently<T, R>(
	inputs: T[],
	limit: number,
	fn: (input: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const worker = async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await fn(inputs[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
	return results;
}

/** The page-by-page reading of one list, with its stop rules. */
class PageReader {
	readonly collected: IDataObject[] = [];
	private previousIds?: string;
	private firstPageLength?: number;

	constructor(
		private readonly context: HaloContext,
		private readonly path: string,
		private readonly shape: ListShape,
		private readonly qs: IDataObject,
		private readonly pageSize: number,
		private readonly itemIndex?: number,
	) {}

	async fetch(pageNo: number): Promise<{ rows: IDataObject[]; recordCount?: number }> {
		const answer = await haloApiRequest.call(
			this.context,
			{
				method: 'GET',
				path: this.path,
				qs: { ...this.qs, pageinate: true, page_size: this.pageSize, page_no: pageNo },
			},
			this.itemIndex,
		);
		return rowsOf(this.context, this.path, this.shape, answer, this.itemIndex);
	}

	/**
	 * Adds a page read in order; false when it ends the list: empty, or short of the server's own
	 * page size when no total is known. A page with the same rows as the one before means the
	 * server ignores `page_no`: an error rather than an endless loop or a silent cut.
	 */
	add(pageNo: number, rows: IDataObject[], recordCount: number | undefined): boolean {
		if (rows.length === 0) return false;
		const ids = JSON.stringify(rows.map((row) => row.id ?? row));
		if (ids === this.previousIds) {
			throw listError(
				this.context,
				`Halo returned the same rows for page ${pageNo} as for page ${pageNo - 1} of ${this.path}`,
				'Halo appears to ignore page_no here, so the full list cannot be read page by page. Use filters to narrow the list, or turn off Return All and set a Limit.',
				this.itemIndex,
			);
		}
		this.previousIds = ids;
		this.firstPageLength ??= rows.length;
		this.collected.push(...rows);
		return recordCount !== undefined || rows.length >= this.firstPageLength;
	}
}

/**
 * Every row of a list (or the first `limit`), following api-notes §2.5: `pageinate=true` with
 * `page_no` from 1 and `page_size` 100 (Halo ignores both without `pageinate`), rows read from the
 * declared key. Stops when `record_count` rows have arrived (it counts all matching rows, not the
 * page), at an empty page, or at the limit. A short page is not the end while `record_count` says
 * more exist: Halo caps page sizes silently (assets: 50), so the pages still to read are counted
 * from the rows page 1 really held, never from the size asked for. Those pages are then read a few
 * at a time (PARALLEL_PAGES) and taken in order. Bare arrays and unpaginated lists (e.g. actions)
 * are one request.
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
	const reader = new PageReader(this, path, shape, qs, pageSize, itemIndex);
	const wanted = (total?: number) => Math.min(limit ?? Infinity, total ?? Infinity);
	const done = (total?: number) => reader.collected.length >= wanted(total);

	const first = await reader.fetch(1);
	let total = first.recordCount;
	let more = reader.add(1, first.rows, total) && !done(total);
	let pageNo = 2;
	if (more && total !== undefined) {
		const lastPage = Math.min(MAX_PAGES, Math.ceil(wanted(total) / first.rows.length));
		const pageNos = Array.from({ length: lastPage - 1 }, (_, index) => index + 2);
		const pages = await mapConcurrently(pageNos, PARALLEL_PAGES, (no) => reader.fetch(no));
		for (const page of pages) {
			more = reader.add(pageNo++, page.rows, total) && !done(total);
			if (!more) break;
		}
	}
	// Pages beyond the count (rows added while reading, or no total given) one at a time.
	for (; more && pageNo <= MAX_PAGES; pageNo++) {
		const page = await reader.fetch(pageNo);
		total = page.recordCount ?? total;
		more = reader.add(pageNo, page.rows, total) && !done(total);
	}
	return limit === undefined ? reader.collected : reader.collected.slice(0, limit);
}
