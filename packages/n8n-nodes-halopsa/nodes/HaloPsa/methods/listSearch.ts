import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LOCATORS } from '../catalogue';
import type { LocatorKind } from '../catalogue';
import { haloApiRequestAllItems } from '../transport';

/** One page of matches is enough for a picker; the user narrows it by typing. */
const RESULTS = 100;

async function search(
	context: ILoadOptionsFunctions,
	kind: LocatorKind,
	filter?: string,
): Promise<INodeListSearchResult> {
	const spec = LOCATORS[kind];
	const qs: IDataObject = filter ? { search: filter } : {};
	const rows = await haloApiRequestAllItems.call(context, spec.path, spec.shape, qs, {
		limit: RESULTS,
	});
	return {
		results: rows.map((row) => ({
			name: spec.label(row) || String(row.id),
			value: String(row.id),
		})),
	};
}

export async function searchTickets(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'ticket', filter);
}

export async function searchClients(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'client', filter);
}

export async function searchSites(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'site', filter);
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'user', filter);
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'agent', filter);
}
