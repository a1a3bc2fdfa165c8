import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import type { FilterName, ResourceDef } from './catalogue';

export type Predicate = (row: HaloRecord) => boolean;
export type Query = Record<string, string>;

/** Closed statuses have `type` 1; Halo's built-in Closed is id 9 (api-notes §5.2 capture). */
export function isClosedStatus(status: HaloRecord | undefined, statusId: unknown): boolean {
	return status ? status.type === 1 : Number(statusId) === 9;
}

function isTrue(value: string | undefined): boolean {
	return value !== undefined && value.toLowerCase() === 'true';
}

function time(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : NaN;
}

/** Query filters naming an id field: the parameter and the record field it compares. */
const ID_FILTERS: Partial<Record<FilterName, string>> = {
	client_id: 'client_id',
	site_id: 'site_id',
	user_id: 'user_id',
	agent_id: 'agent_id',
	status_id: 'status_id',
	ticket_id: 'ticket_id',
	requesttype_id: 'tickettype_id',
	webhook_id: 'webhook_id',
};

/** Halo's own examples spell the date fields its way (SPEC `datesearch`, api-notes §2.6). */
const DATE_FIELD_ALIASES: Record<string, string> = {
	dateoccured: 'dateoccurred',
	datecleared: 'dateclosed',
	dateclosed: 'dateclosed',
};

/**
 * The predicates a list request asks for. Only filters the resource's catalogue row lists take
 * effect; anything else in the query is ignored, as Halo ignores unknown parameters (§2.6).
 */
export function buildPredicates(def: ResourceDef, query: Query, ctx: SandboxContext): Predicate[] {
	const predicates: Predicate[] = [];
	const supports = (name: FilterName) => def.filters.includes(name);

	if (def.ticketUse) {
		const uses = new Map<number, unknown>();
		for (const type of ctx.store.rows('tickettypes')) uses.set(Number(type.id), type.use);
		const wanted = def.ticketUse;
		predicates.push((row) => (uses.get(Number(row.tickettype_id)) ?? 'ticket') === wanted);
	}
	if (supports('deleted')) {
		const deleted = isTrue(query.deleted);
		predicates.push((row) => (row.deleted === true) === deleted);
	}

	for (const [name, field] of Object.entries(ID_FILTERS) as Array<[FilterName, string]>) {
		const raw = query[name];
		if (raw === undefined || raw === '' || !supports(name)) continue;
		if (name === 'webhook_id') {
			const wanted = raw.toLowerCase();
			predicates.push((row) => String(row[field]).toLowerCase() === wanted);
		} else {
			const wanted = Number(raw);
			predicates.push((row) => Number(row[field]) === wanted);
		}
	}

	if (supports('search') && query.search) {
		const needle = query.search.toLowerCase();
		const fields = def.searchFields;
		predicates.push((row) =>
			fields.some((field) => {
				const value = row[field];
				return typeof value === 'string' && value.toLowerCase().includes(needle);
			}),
		);
	}

	if (supports('open_only') || supports('closed_only')) {
		const openOnly = supports('open_only') && isTrue(query.open_only);
		const closedOnly = supports('closed_only') && isTrue(query.closed_only);
		if (openOnly !== closedOnly) {
			const closed = (row: HaloRecord) =>
				isClosedStatus(ctx.store.get('statuses', row.status_id), row.status_id);
			predicates.push(openOnly ? (row) => !closed(row) : closed);
		}
	}

	if (supports('inactive')) {
		const includeInactive = isTrue(query.includeinactive);
		const includeActive = query.includeactive === undefined || isTrue(query.includeactive);
		predicates.push((row) => (row.inactive === true ? includeInactive : includeActive));
	}

	if (supports('lastupdate')) {
		const from = time(query.lastupdatefromdate);
		const to = time(query.lastupdatetodate);
		if (!Number.isNaN(from)) predicates.push((row) => time(row.last_update) >= from);
		if (!Number.isNaN(to)) predicates.push((row) => time(row.last_update) <= to);
	}

	if (supports('datesearch') && (query.startdate || query.enddate)) {
		const requested = (query.datesearch ?? 'dateoccurred').toLowerCase();
		const field = DATE_FIELD_ALIASES[requested] ?? requested;
		const start = time(query.startdate);
		const end = time(query.enddate);
		if (!Number.isNaN(start)) predicates.push((row) => time(row[field]) >= start);
		if (!Number.isNaN(end)) predicates.push((row) => time(row[field]) <= end);
	}

	return predicates;
}

/** The sort keys of a list query: `order`/`orderdesc`, then `order2`/`orderdesc2` … `order5` (§2.7). */
function sortKeys(query: Query): Array<{ field: string; direction: number }> {
	const keys: Array<{ field: string; direction: number }> = [];
	for (const suffix of ['', '2', '3', '4', '5']) {
		const field = query[`order${suffix}`];
		// A later key only refines an earlier one [inferred].
		if (!field) break;
		keys.push({ field, direction: isTrue(query[`orderdesc${suffix}`]) ? -1 : 1 });
	}
	return keys;
}

function compareValues(x: unknown, y: unknown): number {
	if (typeof x === 'number' && typeof y === 'number') return x - y;
	return String(x).localeCompare(String(y));
}

/** A copy of the rows in the query's order; the store keeps its own order. */
export function applyOrder(def: ResourceDef, query: Query, rows: HaloRecord[]): HaloRecord[] {
	const keys = def.filters.includes('order') ? sortKeys(query) : [];
	if (keys.length === 0) return rows;
	return rows.slice().sort((a, b) => {
		for (const { field, direction } of keys) {
			const x = a[field];
			const y = b[field];
			if (x === y) continue;
			// Rows without the field come last in either direction.
			if (x === undefined || x === null) return 1;
			if (y === undefined || y === null) return -1;
			const order = compareValues(x, y);
			if (order !== 0) return order * direction;
		}
		return 0;
	});
}
