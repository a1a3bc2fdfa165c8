import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { haloApiRequestAllItems } from '../transport';

/** Halo's configuration lists are bare arrays (api-notes §2.4; for some only inferred). */
async function options(
	context: ILoadOptionsFunctions,
	path: string | { path: string; orKey: string },
	toOption: (row: IDataObject) => INodePropertyOptions | undefined,
	qs: IDataObject = {},
): Promise<INodePropertyOptions[]> {
	const { path: listPath, orKey } = typeof path === 'string' ? { path, orKey: undefined } : path;
	const rows = await haloApiRequestAllItems.call(context, listPath, { bare: true, orKey }, qs);
	return rows
		.map(toOption)
		.filter((option): option is INodePropertyOptions => option !== undefined)
		.sort((a, b) => a.name.localeCompare(b.name));
}

const label = (value: unknown, fallback: unknown) => String(value || fallback);

export async function getTicketTypes(this: ILoadOptionsFunctions) {
	return await options(this, '/TicketType', (row) => ({
		name: label(row.name, row.id),
		value: row.id as number,
	}));
}

export async function getStatuses(this: ILoadOptionsFunctions) {
	return await options(this, '/Status', (row) => ({
		name: label(row.name, row.id),
		value: row.id as number,
	}));
}

/** Tickets point at a priority by its integer `priorityid`; the record's `id` is a GUID (api-notes §2.8). */
export async function getPriorities(this: ILoadOptionsFunctions) {
	return await options(this, '/Priority', (row) =>
		row.priorityid === undefined
			? undefined
			: { name: label(row.name, row.priorityid), value: row.priorityid as number },
	);
}

/** A ticket's `team` is the team's name (OpenAPI schema Faults). */
export async function getTeams(this: ILoadOptionsFunctions) {
	// Bare by inference only; HaloAPI (PowerShell) reads the key `teams` (api-notes §4, App. A).
	return await options(this, { path: '/Team', orKey: 'teams' }, (row) =>
		row.name ? { name: String(row.name), value: String(row.name) } : undefined,
	);
}

export async function getOutcomes(this: ILoadOptionsFunctions) {
	// Bare by inference only; HaloAPI (PowerShell) reads the key `outcomes` (api-notes §4, App. A).
	return await options(this, { path: '/Outcome', orKey: 'outcomes' }, (row) => ({
		name: label(row.outcome ?? row.buttonname, row.id),
		value: row.id as number,
	}));
}

/** Only Halo's custom fields (`custom`), not its system fields. */
export async function getCustomFields(this: ILoadOptionsFunctions) {
	return await options(this, '/FieldInfo', (row) =>
		row.custom === 0 || row.custom === false
			? undefined
			: {
					name:
						row.label && row.label !== row.name
							? `${row.label} (${row.name})`
							: label(row.name, row.id),
					value: row.id as number,
				},
	);
}
