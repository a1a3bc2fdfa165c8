import type { CollectionName } from '../data/generate';

/**
 * Permission areas, as in Halo's scopes `read:<area>` / `edit:<area>` (api-notes §1.4).
 * `lookups` are the configuration lists every integration reads (agents, statuses, ticket
 * types…): any valid token may read them, changing them needs `admin` [inferred].
 */
export type PermissionArea =
	| 'tickets'
	| 'customers'
	| 'assets'
	| 'contracts'
	| 'invoices'
	| 'quotes'
	| 'projects'
	| 'crm'
	| 'calendar'
	| 'kb'
	| 'suppliers'
	| 'items'
	| 'lookups'
	| 'admin';

export type FilterName =
	| 'search'
	| 'client_id'
	| 'site_id'
	| 'user_id'
	| 'agent_id'
	| 'status_id'
	| 'ticket_id'
	| 'requesttype_id'
	| 'webhook_id'
	| 'open_only'
	| 'closed_only'
	| 'inactive'
	| 'lastupdate'
	| 'datesearch'
	| 'order'
	| 'deleted'
	| 'ticketidonly';

/** How records of a resource are addressed. */
export type IdKind = 'int' | 'guid' | 'per-ticket';

export interface ResourceDef {
	/** Path segment after `/api/`, in Halo's casing (matched case-insensitively). */
	path: string;
	collection: CollectionName;
	/** Property holding the rows of the wrapped "View" object; `null` for a bare array (§2.4). */
	listKey: string | null;
	/** OpenAPI component name of one POST body item (§4). */
	schema: string;
	area: PermissionArea;
	idKind: IdKind;
	/** Whether `pageinate=true&page_no=` is honoured (§2.5). */
	paginated: boolean;
	/** Page size Halo uses whatever `page_size` says (assets: 50, §2.5). */
	fixedPageSize?: number;
	filters: readonly FilterName[];
	/** Fields `search` looks in. */
	searchFields: readonly string[];
	/** Tickets controller views: only tickets whose ticket type has this `use` (§4). */
	ticketUse?: 'ticket' | 'project' | 'opportunity';
	/** `false` when Halo offers no POST/DELETE (WebhookEvent). */
	writable: boolean;
	/** Extra sidecar arrays Halo always sends in the view (Attachment `folders`, §2.4). */
	sidecars?: Readonly<Record<string, unknown[]>>;
}

const TICKET_FILTERS: readonly FilterName[] = [
	'search',
	'client_id',
	'site_id',
	'user_id',
	'agent_id',
	'status_id',
	'requesttype_id',
	'open_only',
	'closed_only',
	'lastupdate',
	'datesearch',
	'order',
	'deleted',
	'ticketidonly',
];
const TICKET_SEARCH = ['summary', 'details', 'client_name', 'user_name'];
const NAME = ['name'];

function ticketView(
	path: string,
	use: ResourceDef['ticketUse'],
	area: PermissionArea,
): ResourceDef {
	return {
		path,
		collection: 'tickets',
		listKey: 'tickets',
		schema: 'Faults',
		area,
		idKind: 'int',
		paginated: true,
		filters: TICKET_FILTERS,
		searchFields: TICKET_SEARCH,
		ticketUse: use,
		writable: true,
	};
}

function wrapped(
	path: string,
	collection: CollectionName,
	listKey: string,
	schema: string,
	area: PermissionArea,
	filters: readonly FilterName[],
	searchFields: readonly string[] = NAME,
): ResourceDef {
	return {
		path,
		collection,
		listKey,
		schema,
		area,
		idKind: 'int',
		paginated: true,
		filters: ['search', 'order', ...filters],
		searchFields,
		writable: true,
	};
}

function bare(
	path: string,
	collection: CollectionName,
	schema: string,
	area: PermissionArea,
	idKind: IdKind = 'int',
	filters: readonly FilterName[] = [],
	searchFields: readonly string[] = NAME,
): ResourceDef {
	return {
		path,
		collection,
		listKey: null,
		schema,
		area,
		idKind,
		paginated: false,
		filters: ['search', 'order', ...filters],
		searchFields,
		writable: true,
	};
}

/**
 * Every resource the sandbox serves, one row each (api-notes §4 for paths, schemas, keys and
 * shapes). The router, the list, read, write and delete handlers all work from this table.
 */
export const CATALOGUE: readonly ResourceDef[] = [
	ticketView('Tickets', 'ticket', 'tickets'),
	ticketView('Projects', 'project', 'projects'),
	ticketView('Opportunities', 'opportunity', 'crm'),
	{
		path: 'Actions',
		collection: 'actions',
		listKey: 'actions',
		schema: 'Actions',
		area: 'tickets',
		idKind: 'per-ticket',
		paginated: false,
		filters: ['ticket_id', 'agent_id', 'order'],
		searchFields: ['note'],
		writable: true,
	},
	wrapped('Client', 'clients', 'clients', 'Area', 'customers', ['inactive', 'lastupdate']),
	wrapped('Site', 'sites', 'sites', 'Site', 'customers', ['client_id', 'inactive']),
	wrapped(
		'Users',
		'users',
		'users',
		'Users',
		'customers',
		['client_id', 'site_id', 'inactive'],
		['name', 'emailaddress'],
	),
	{
		...wrapped(
			'Asset',
			'assets',
			'assets',
			'Device',
			'assets',
			['client_id', 'site_id', 'user_id', 'inactive'],
			['inventory_number', 'key_field', 'client_name'],
		),
		fixedPageSize: 50,
	},
	wrapped(
		'ClientContract',
		'contracts',
		'contracts',
		'ContractHeader',
		'contracts',
		['client_id', 'site_id'],
		['ref', 'client_name'],
	),
	wrapped(
		'Invoice',
		'invoices',
		'invoices',
		'InvoiceHeader',
		'invoices',
		['client_id', 'ticket_id', 'datesearch'],
		['invoicenumber', 'client_name'],
	),
	wrapped(
		'Quotation',
		'quotes',
		'quotes',
		'QuotationHeader',
		'quotes',
		['client_id', 'site_id', 'user_id', 'agent_id', 'ticket_id'],
		['title', 'client_name'],
	),
	wrapped(
		'Appointment',
		'appointments',
		'appointments',
		'Appointment',
		'calendar',
		['client_id', 'site_id', 'user_id', 'agent_id', 'ticket_id', 'datesearch'],
		['subject'],
	),
	wrapped(
		'KBArticle',
		'kbarticles',
		'articles',
		'KBEntry',
		'kb',
		['inactive'],
		['name', 'description', 'tag_string'],
	),
	wrapped('Supplier', 'suppliers', 'suppliers', 'Company', 'suppliers', ['inactive']),
	wrapped('Item', 'items', 'items', 'Item', 'items', ['inactive'], ['name', 'description']),
	{
		path: 'Attachment',
		collection: 'attachments',
		listKey: 'attachments',
		schema: 'Attachment',
		area: 'tickets',
		idKind: 'int',
		paginated: false,
		filters: ['ticket_id', 'order'],
		searchFields: ['filename'],
		writable: true,
		sidecars: { folders: [] },
	},
	bare('Agent', 'agents', 'Uname', 'lookups', 'int', ['inactive']),
	bare('Team', 'teams', 'SectionDetail', 'lookups'),
	bare('AssetType', 'assettypes', 'Xtype', 'assets'),
	bare('Status', 'statuses', 'TStatus', 'lookups'),
	bare('TicketType', 'tickettypes', 'RequestType', 'lookups'),
	bare('Priority', 'priorities', 'Policy', 'lookups', 'guid'),
	bare(
		'Category',
		'categories',
		'CategoryDetail',
		'lookups',
		'int',
		[],
		['value', 'category_name'],
	),
	bare('Outcome', 'outcomes', 'TOutcome', 'lookups', 'int', [], ['outcome']),
	bare('FieldInfo', 'fieldinfo', 'FieldInfo', 'lookups', 'int', [], ['name', 'label']),
	bare('Webhook', 'webhooks', 'Webhook', 'admin', 'guid'),
	{
		...bare('WebhookEvent', 'webhookevents', 'WebhookEvent', 'admin', 'guid', ['webhook_id']),
		writable: false,
	},
];

const BY_PATH = new Map(CATALOGUE.map((def) => [def.path.toLowerCase(), def]));

/** The resource served at `/api/<segment>`, whatever its casing (api-notes §2.1). */
export function findResource(segment: string): ResourceDef | undefined {
	return BY_PATH.get(segment.toLowerCase());
}
