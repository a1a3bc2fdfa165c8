import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import type { ResourceDef } from './catalogue';
import { applyOrder, buildPredicates, type Query } from './filters';
import { pagingOf } from './pagination';
import { listRow } from './views';

/** GET /api/<Resource>: the wrapped "View" object or a bare array (api-notes §2.4, §2.5). */
export function listRecords(ctx: SandboxContext, def: ResourceDef, query: Query): Reply {
	const predicates = buildPredicates(def, query, ctx);
	const paging = pagingOf(def, query);
	const ordered = Boolean(def.filters.includes('order') && query.order);
	const source = ctx.store.rows(def.collection);
	const matches = (row: HaloRecord) => predicates.every((predicate) => predicate(row));

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
		const all = applyOrder(def, query, source.filter(matches));
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
