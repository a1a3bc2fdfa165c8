/**
 * The catalogue describes each Halo resource once, as data. Descriptions (the UI), the shared
 * operations and the tests all read it; adding a resource is adding one `ResourceSpec`.
 */

export type HaloResource = 'ticket' | 'action' | 'client' | 'site' | 'user';

export type HaloOperation = 'create' | 'get' | 'getAll' | 'update' | 'delete' | 'close';

/** Records picked through a resource locator (list, ID or URL of the Halo page). */
export type LocatorKind = 'ticket' | 'client' | 'site' | 'user' | 'agent';

/** `loadOptions` methods in `methods/loadOptions.ts`. */
export type OptionsSource =
	| 'getTicketTypes'
	| 'getStatuses'
	| 'getPriorities'
	| 'getTeams'
	| 'getOutcomes';

interface BaseField {
	/** Body property (or query parameter for filters), spelled as in Halo's OpenAPI schema. */
	name: string;
	label: string;
	description?: string;
	hint?: string;
}

export type FieldSpec = BaseField &
	(
		| { type: 'string'; rows?: number }
		| { type: 'number' }
		| { type: 'boolean' }
		| { type: 'dateTime' }
		| { type: 'options'; source: OptionsSource; byName?: true }
		| { type: 'fixedOptions'; options: Array<{ name: string; value: string }> }
		| { type: 'locator'; locator: LocatorKind }
	);

export interface ResourceSpec {
	value: HaloResource;
	label: string;
	/** Lower-case plural used in operation actions, e.g. "Get many tickets". */
	plural: string;
	/** Collection path on the resource server, e.g. `/Tickets`. */
	path: string;
	/** Property of Halo's list "View" object that holds the rows (api-notes §2.4). */
	listKey: string;
	/** OpenAPI component of one body item; every field name below exists in it. */
	schema: string;
	/** The parameter that names one record (Get, Update, Delete). */
	id: { parameter: string; label: string; locator?: LocatorKind };
	/**
	 * Records numbered per parent (actions: `id` restarts on each ticket, api-notes §2.3): the
	 * parent id travels as `field` in bodies and in the query of get, list and delete.
	 */
	parent?: { field: string; parameter: string; label: string; locator: LocatorKind };
	operations: HaloOperation[];
	/** Required on Create: top-level parameters. */
	required: FieldSpec[];
	/** Optional on Create ("Additional Fields") and on Update ("Update Fields"). */
	fields: FieldSpec[];
	/** Get Many filters, sent as query parameters. */
	filters: FieldSpec[];
	/** What Simplify keeps (at most 10, n8n UX guidelines). */
	simplify: string[];
	/** Whether records carry Halo custom fields (`customfields`, schema `CustomField`). */
	customFields: boolean;
	/** How Halo pages the list (api-notes §2.5). */
	list?: { fixedPageSize?: number; unpaginated?: boolean };
}
