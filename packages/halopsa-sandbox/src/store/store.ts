import type { CollectionName, Dataset, HaloRecord } from '../data/generate';

/** Key of a record inside its collection: actions are numbered per ticket (api-notes §2.3). */
export function recordKey(collection: string, id: unknown, ticketId?: unknown): string {
	if (collection === 'actions') return `${String(ticketId)}:${String(id)}`;
	// GUIDs (webhooks, priorities) are compared case-insensitively, as .NET parses them.
	return typeof id === 'string' ? id.toLowerCase() : String(id);
}

interface Collection {
	/** Records in insertion order, which is id order for generated and created records. */
	rows: HaloRecord[];
	byKey: Map<string, HaloRecord>;
	nextId: number;
}

/**
 * The sandbox's state: every collection as an ordered array plus an index by id, so lists walk
 * the array without sorting and single reads are a Map lookup.
 */
export class Store {
	private readonly collections = new Map<string, Collection>();
	/** Highest action id per ticket, so new actions continue each ticket's numbering. */
	private readonly lastActionId = new Map<number, number>();
	/** Bumped on every write, so cached list results know when they are stale. */
	private writes = 0;

	constructor(dataset: Dataset) {
		for (const [name, rows] of Object.entries(dataset) as Array<[CollectionName, HaloRecord[]]>) {
			const collection: Collection = { rows: rows.slice(), byKey: new Map(), nextId: 1 };
			for (const row of collection.rows) {
				collection.byKey.set(recordKey(name, row.id, row.ticket_id), row);
				if (typeof row.id === 'number' && row.id >= collection.nextId)
					collection.nextId = row.id + 1;
				if (name === 'actions') this.noteActionId(row);
			}
			this.collections.set(name, collection);
		}
	}

	get version(): number {
		return this.writes;
	}

	/** Records a change made to a stored record in place. */
	touch(): void {
		this.writes++;
	}

	has(collection: string): boolean {
		return this.collections.has(collection);
	}

	names(): string[] {
		return [...this.collections.keys()];
	}

	rows(collection: string): readonly HaloRecord[] {
		return this.collection(collection).rows;
	}

	get(collection: string, id: unknown, ticketId?: unknown): HaloRecord | undefined {
		return this.collection(collection).byKey.get(recordKey(collection, id, ticketId));
	}

	/** The next integer id of a collection (actions: of a ticket). */
	nextId(collection: string, ticketId?: number): number {
		if (collection === 'actions') return (this.lastActionId.get(ticketId ?? 0) ?? 0) + 1;
		return this.collection(collection).nextId;
	}

	insert(collection: string, record: HaloRecord): void {
		const target = this.collection(collection);
		this.writes++;
		target.rows.push(record);
		target.byKey.set(recordKey(collection, record.id, record.ticket_id), record);
		if (typeof record.id === 'number' && record.id >= target.nextId) target.nextId = record.id + 1;
		if (collection === 'actions') this.noteActionId(record);
	}

	remove(collection: string, record: HaloRecord): void {
		const target = this.collection(collection);
		this.writes++;
		target.byKey.delete(recordKey(collection, record.id, record.ticket_id));
		const index = target.rows.indexOf(record);
		if (index >= 0) target.rows.splice(index, 1);
	}

	private noteActionId(row: HaloRecord): void {
		const ticketId = Number(row.ticket_id);
		const id = Number(row.id);
		if (id > (this.lastActionId.get(ticketId) ?? 0)) this.lastActionId.set(ticketId, id);
	}

	private collection(name: string): Collection {
		let collection = this.collections.get(name);
		if (!collection) {
			collection = { rows: [], byKey: new Map(), nextId: 1 };
			this.collections.set(name, collection);
		}
		return collection;
	}
}
