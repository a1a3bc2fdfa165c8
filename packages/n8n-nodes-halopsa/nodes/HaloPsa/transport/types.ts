import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

/** Every n8n context the transport is called from. */
export type HaloContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export type HaloMethod = 'GET' | 'POST' | 'DELETE';

export interface HaloRequest {
	method: HaloMethod;
	/** Path relative to the resource server, e.g. `/Tickets` or `/Actions/3`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Return the body as bytes (attachments). */
	binary?: boolean;
	/** Resolve to `{ body, headers, statusCode }` instead of the body (e.g. for Content-Disposition). */
	fullResponse?: boolean;
	/** Display name of the record type for error messages, e.g. `Ticket` ("Ticket 12 not found"). */
	resource?: string;
}

/** Where a list's rows are: under a key of Halo's wrapped "View" object, or a bare array. */
export type ListShape =
	| { listKey: string }
	/**
	 * A bare array. `orKey`: where the notes only infer the bare shape (api-notes §2.4: Team,
	 * Outcome), a wrapped answer's rows under that key are accepted as well.
	 */
	| { bare: true; orKey?: string };

export interface GetAllOptions {
	/** Stop after this many rows; absent = all. */
	limit?: number;
	/** Halo ignores `page_size` on some lists (assets: always 50); the page size it really uses. */
	fixedPageSize?: number;
	/** The list cannot be paginated (e.g. `/Actions`): one request with `count`. */
	unpaginated?: boolean;
}

/** One record to create or update, with the index of the input item it came from. */
export interface UpsertEntry {
	itemIndex: number;
	body: IDataObject;
}

export interface UpsertResult {
	itemIndex: number;
	/** The record as Halo returned it. */
	json?: IDataObject;
	/** Why this item was not written. */
	error?: NodeApiError | NodeOperationError;
}
