import type { ListShape } from '../transport/types';
import type { LocatorKind } from './types';

export interface LocatorSpec {
	displayName: string;
	/** `listSearch` method in `methods/listSearch.ts`. */
	searchMethod: string;
	path: string;
	shape: ListShape;
	/** Builds the list entry's label from a row. */
	label: (row: Record<string, unknown>) => string;
	/**
	 * Halo agent-portal pages: `/ticket?id=`, `/customers?…&clientid=` are the links Halo itself
	 * puts in notifications; the site, user and agent parameters follow the same scheme
	 * (see the README, "Resource locators").
	 */
	urlParameter: string;
	urlPath?: string;
	urlExample: string;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export const LOCATORS: Record<LocatorKind, LocatorSpec> = {
	ticket: {
		displayName: 'Ticket',
		searchMethod: 'searchTickets',
		path: '/Tickets',
		shape: { listKey: 'tickets' },
		label: (row) => `#${text(row.id)} ${text(row.summary)}`.trim(),
		urlParameter: 'id',
		urlPath: 'ticket',
		urlExample: 'https://acme.halopsa.com/ticket?id=123',
	},
	client: {
		displayName: 'Client',
		searchMethod: 'searchClients',
		path: '/Client',
		shape: { listKey: 'clients' },
		label: (row) => text(row.name),
		urlParameter: 'clientid',
		urlExample: 'https://acme.halopsa.com/customers?clientid=12',
	},
	site: {
		displayName: 'Site',
		searchMethod: 'searchSites',
		path: '/Site',
		shape: { listKey: 'sites' },
		label: (row) =>
			row.client_name ? `${text(row.name)} (${text(row.client_name)})` : text(row.name),
		urlParameter: 'siteid',
		urlExample: 'https://acme.halopsa.com/customers?siteid=34',
	},
	user: {
		displayName: 'User',
		searchMethod: 'searchUsers',
		path: '/Users',
		shape: { listKey: 'users' },
		label: (row) =>
			row.emailaddress ? `${text(row.name)} <${text(row.emailaddress)}>` : text(row.name),
		urlParameter: 'userid',
		urlExample: 'https://acme.halopsa.com/customers?userid=56',
	},
	agent: {
		displayName: 'Agent',
		searchMethod: 'searchAgents',
		path: '/Agent',
		shape: { bare: true },
		label: (row) => text(row.name),
		urlParameter: 'agentid',
		urlExample: 'https://acme.halopsa.com/config/agents?agentid=3',
	},
};

/** The regular expression n8n and `helpers/locator.ts` use to read an id from a page URL. */
export function locatorUrlPattern(spec: LocatorSpec): string {
	const path = spec.urlPath ? `[^?#]*${spec.urlPath}[^?#]*` : '[^?#]*';
	return `^https?://[^/]+/${path}\\?(?:[^#]*&)?${spec.urlParameter}=(\\d+)`;
}
