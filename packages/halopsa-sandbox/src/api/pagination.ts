import type { ResourceDef } from './catalogue';
import type { Query } from './filters';

/** The page size Halo gives an API agent when pagination is off (api-notes §2.5). */
export const DEFAULT_PAGE_SIZE = 50;
/** Halo silently caps `page_size` at 100 (§2.5, HAPI #90). */
export const MAX_PAGE_SIZE = 100;

export type Paging =
	| { paginated: true; pageNo: number; pageSize: number }
	| { paginated: false; limit: number };

function positiveInt(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const parsed = Number.parseInt(value, 10);
	return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

/**
 * Pages only when `pageinate=true` and `page_no` are both sent; otherwise the default page of 50,
 * or `count` rows (§2.5). Unpaginated resources (bare arrays, actions) return every row unless
 * `count` is given.
 */
export function pagingOf(def: ResourceDef, query: Query): Paging {
	const count = positiveInt(query.count);
	if (!def.paginated) return { paginated: false, limit: count ?? Infinity };
	const pageNo = positiveInt(query.page_no);
	if (query.pageinate?.toLowerCase() === 'true' && pageNo !== undefined) {
		const requested = positiveInt(query.page_size) ?? DEFAULT_PAGE_SIZE;
		const pageSize = def.fixedPageSize ?? Math.min(requested, MAX_PAGE_SIZE);
		return { paginated: true, pageNo, pageSize };
	}
	return { paginated: false, limit: count ?? def.fixedPageSize ?? DEFAULT_PAGE_SIZE };
}
