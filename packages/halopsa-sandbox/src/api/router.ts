import type { IssuedToken } from '../auth/tokens';
import {
	agentAllows,
	agentDeniedMessage,
	applicationDeniedMessage,
	requiredScope,
	scopesAllow,
	type Access,
} from '../auth/permissions';
import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import type { ApiApplication } from '../types';
import { findResource, type ResourceDef } from './catalogue';
import { deleteRecord } from './delete';
import { haloError, notFound } from './errors';
import type { Query } from './filters';
import { getRecord } from './get';
import { listRecords } from './list';
import { notWritable, upsertRecords, type WriteOutcome } from './upsert';

export interface ApiCall {
	method: string;
	/** Path segments after `/api`, as sent. */
	segments: string[];
	/** Query parameters with lower-cased names (ASP.NET binds them case-insensitively). */
	query: Query;
	body: Buffer;
	grant: IssuedToken;
	app: ApiApplication;
}

/** 403 when the application's scopes or its agent's permissions lack what the call needs (§1.2, §1.6). */
function checkPermission(
	ctx: SandboxContext,
	call: ApiCall,
	def: ResourceDef,
	access: Access,
): Reply | undefined {
	const scope = requiredScope(def.area, access);
	if (!scopesAllow(call.grant.scopes, def.area, access)) {
		return haloError(403, applicationDeniedMessage(call.app, scope));
	}
	const permissions = ctx.applications.agentPermissionsOf(call.grant.agentId);
	if (!agentAllows(permissions, def.area, access)) {
		const agent = ctx.store.get('agents', call.grant.agentId);
		const name = typeof agent?.name === 'string' ? agent.name : `Agent ${call.grant.agentId}`;
		return haloError(403, agentDeniedMessage(name, call.grant.agentId, scope));
	}
	return undefined;
}

/** Webhook events raised by a write (api-notes §5). */
function raiseEvents(
	ctx: SandboxContext,
	def: ResourceDef,
	outcome: WriteOutcome,
	agentId: number,
): void {
	for (const { record, created } of outcome.written) {
		if (def.collection === 'tickets') {
			ctx.webhooks.notify(created ? 'New Ticket Logged' : 'Ticket Updated', agentId, record);
		} else if (def.collection === 'actions' && created) {
			const ticket = ctx.store.get('tickets', record.ticket_id);
			if (ticket) ctx.webhooks.notify('Action Added', agentId, ticket, record);
		}
	}
}

/** Routes an authenticated `/api/...` request through the catalogue. */
export function routeApi(ctx: SandboxContext, call: ApiCall): Reply {
	const [resource, id, ...rest] = call.segments;
	const def = resource === undefined ? undefined : findResource(resource);
	if (!def || rest.length > 0)
		return haloError(404, `No API endpoint at /api/${call.segments.join('/')}.`);

	const access: Access = call.method === 'GET' ? 'read' : 'edit';
	const denied = checkPermission(ctx, call, def, access);
	if (denied) return denied;

	if (call.method === 'GET') {
		if (id === undefined) return listRecords(ctx, def, call.query);
		if (def.collection === 'agents' && id.toLowerCase() === 'me') {
			const agent = ctx.store.get('agents', call.grant.agentId);
			return agent ? json(200, agent) : notFound(def.path, String(call.grant.agentId));
		}
		return getRecord(ctx, def, id, call.query);
	}
	if (call.method === 'POST' && id === undefined) {
		if (!def.writable) return notWritable(def);
		const outcome = upsertRecords(ctx, def, call.body, call.grant.agentId);
		ctx.store.touch();
		raiseEvents(ctx, def, outcome, call.grant.agentId);
		return outcome.reply;
	}
	if (call.method === 'DELETE' && id !== undefined) {
		if (!def.writable) return notWritable(def);
		const reply = deleteRecord(ctx, def, id, call.query);
		ctx.store.touch();
		return reply;
	}
	return haloError(405, `${call.method} is not supported on /api/${call.segments.join('/')}.`);
}
