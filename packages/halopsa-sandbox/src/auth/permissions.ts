import type { PermissionArea } from '../api/catalogue';
import type { AgentPermissions, ApiApplication } from '../types';

export type Access = 'read' | 'edit';

/** The scope an operation needs, in Halo's words (api-notes §1.4). */
export function requiredScope(area: PermissionArea, access: Access): string {
	if (area === 'admin' || (area === 'lookups' && access === 'edit')) return 'admin';
	if (area === 'lookups') return 'read access';
	return `${access}:${area}`;
}

/**
 * Whether granted scopes allow `access` to `area`. `all` allows everything, `all:standard`
 * everything but admin [inferred from the name], `edit:x` implies `read:x`; lookups are readable
 * by any token and editable with `admin` [inferred].
 */
export function scopesAllow(
	scopes: readonly string[],
	area: PermissionArea,
	access: Access,
): boolean {
	if (scopes.includes('all')) return true;
	if (area === 'admin' || (area === 'lookups' && access === 'edit'))
		return scopes.includes('admin');
	if (scopes.includes('all:standard')) return true;
	if (area === 'lookups') return true;
	return scopes.includes(`edit:${area}`) || (access === 'read' && scopes.includes(`read:${area}`));
}

/** Whether an agent's permissions allow the same. */
export function agentAllows(
	permissions: AgentPermissions,
	area: PermissionArea,
	access: Access,
): boolean {
	const effectiveArea = area === 'lookups' ? (access === 'read' ? null : 'admin') : area;
	if (effectiveArea === null) return true;
	const has = (list: string[]) => list.includes('all') || list.includes(effectiveArea);
	return has(permissions.edit) || (access === 'read' && has(permissions.read));
}

/** The 403 text when the application's scopes fall short. */
export function applicationDeniedMessage(app: ApiApplication, scope: string): string {
	return `The API application '${app.name ?? app.clientId}' does not have the '${scope}' permission required for this request. Add it to the application's permissions in Configuration > Integrations > Halo API.`;
}

/** The 403 text when the agent the application logs in as falls short. */
export function agentDeniedMessage(agentName: string, agentId: number, scope: string): string {
	return `The agent '${agentName}' (id ${agentId}) that the API application logs in as does not have the permission required for '${scope}'. Change the agent's permissions in Configuration > Teams & Agents.`;
}

/** Scopes that may be requested: Halo's list (api-notes §1.4). */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
	'all',
	'all:standard',
	'admin',
	'offline_access',
	...[
		'tickets',
		'calendar',
		'customers',
		'crm',
		'timesheets',
		'contracts',
		'suppliers',
		'items',
		'projects',
		'sales',
		'quotes',
		'sos',
		'pos',
		'invoices',
		'reporting',
		'software',
		'softwarelicensing',
		'kb',
		'assets',
	].flatMap((area) => [`read:${area}`, `edit:${area}`]),
	'editMine:timesheets',
	'access:chat',
	'access:adpasswordreset',
]);
