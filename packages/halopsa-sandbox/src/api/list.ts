import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import type { ResourceDef } from './catalogue';
import { applyOrder, buildPredicates, type Predicate, type Query } from './filters';
import { pagingOf } from './pagination';
import { listRow } from './views';

/** Query parameters that choose the page, not the rows. */
const PAGE_PARAMS = new Set(['pageinate', 'page_no', 'page_size', 'count']);
const CACHE_LIMIT = 64;

/**
 * Filtered and ordered rows of recent list queries, valid until the next write. A client paging
 * through 10,000 tickets then filters once instead of once per page.
 */
class ListCache {
	private version = -1;
	private readonly entries = new Map<string, HaloRecord[]>();

	rows(
		ctx: SandboxContext,
		def: ResourceDef,
		query: Query,
		compute: () => HaloRecord[],
	): HaloRecord[] {
		if (this.version !== ctx.store.version) {
			this.entries.clear();
			this.version = ctx.store.version;
		}
		const signature = Object.keys(query)
			.filter((key) => !PAGE_PARAMS.has(key))
			.sort()
			.map((key) => `${key}=${query[key]}`)
			.join('&');
		const key = `${def.path}?${signature}`;
		let rows = this.entries.get(key);
		if (!rows) {
			if (this.entries.size >= CACHE_LIMIT) this.entries.clear();
			rows = compute();
			this.entries.set(key, rows);
		}
		return rows;
	}
}

const caches = new WeakMap<SandboxContext, ListCache>();

function cacheOf(ctx: SandboxContext): ListCache {
	let cache = caches.get(ctx);
	if (!cache) {
		cache = new ListCache();
		caches.set(ctx, cache);
	}
	return cache;
}

/** GET /api/<Resource>: the wrapped "View" object or a bare array (api-notes §2.4, §2.5). */
export function listRecords(ctx: SandboxContext, def: ResourceDef, query: Query): Reply {
	const paging = pagingOf(def, query);
	const ordered = Boolean(def.filters.includes('order') && query.order);
	const source = ctx.store.rows(def.collection);
	let predicates: Predicate[] | undefined;
	const matches = (row: HaloRecord) => {
		predicates ??= buildPredicates(def, query, ctx);
		return predicates.every((predicate) => predicate(row));
	};

	let rows: HaloRecord[];
	let total: number;
	if (!paging.paginated && !ordered) {
		// The common unpaginated read stops at its limit instead of walking the whole collection.
		rows = [];
		for (const row of source) {
			if (rows.length >= paging.limit) break;
			if (matches(row)) rows.push(row);
		}
		total = rows.length;
	} else {
		const all = cacheOf(ctx).rows(ctx, def, query, () =>
			applyOrder(def, query, source.filter(matches)),
		);
		total = all.length;
		if (paging.paginated) {
			const start = (paging.pageNo - 1) * paging.pageSize;
			rows = all.slice(start, start + paging.pageSize);
		} else {
			rows = all.slice(0, paging.limit);
			total = rows.length;
		}
	}

	const ticketIdOnly = def.filters.includes('ticketidonly') && query.ticketidonly === 'true';
	const out = rows.map((row) => listRow(def, row, ticketIdOnly));
	if (def.listKey === null) return json(200, out);
	return json(200, {
		page_no: paging.paginated ? paging.pageNo : 1,
		page_size: paging.paginated ? paging.pageSize : out.length,
		record_count: total,
		[def.listKey]: out,
		columns: [],
		...def.sidecars,
	});
}
