import type { Sandbox } from 'halopsa-sandbox';

import type { HaloNodeUnderTest } from './workflows';

/**
 * n8n's own HaloPSA node (n8n-nodes-base/dist/nodes/HaloPSA). Parameter names as its
 * TicketDescription reads them. Simplify is off so both nodes put out Halo's full records.
 */
export const builtinNode: HaloNodeUnderTest = {
	key: 'builtin',
	label: 'built-in',
	nodeType: 'n8n-nodes-base.haloPSA',
	typeVersion: 1,
	credentialType: 'haloPSAApi',
	getOne: () => ({
		resource: 'ticket',
		operation: 'get',
		ticketId: '={{ $json.body.id }}',
		simplify: false,
	}),
	create: (ticketTypeId) => ({
		resource: 'ticket',
		operation: 'create',
		ticketType: ticketTypeId,
		summary: '={{ $json.summary }}',
		details: '={{ $json.details }}',
		additionalFields: {},
	}),
	update: () => ({
		resource: 'ticket',
		operation: 'update',
		ticketId: '={{ $json.ticket_id }}',
		updateFields: { summary: '={{ $json.summary }}' },
	}),
	getAll: () => ({
		resource: 'ticket',
		operation: 'getAll',
		returnAll: true,
		simplify: false,
		filters: {},
	}),
};

/**
 * The built-in credential in hosted mode: its code posts to `<authUrl>/token?tenant=<tenant>`
 * whatever the hosting type says (its on-premise branch compares against a value the option
 * never has), so hosted is the mode it handles as intended.
 */
export function builtinCredentialData(sandbox: Sandbox, clientId: string, clientSecret: string) {
	return {
		hostingType: 'hostedHalo',
		authUrl: sandbox.authUrl,
		resourceApiUrl: sandbox.resourceUrl,
		client_id: clientId,
		client_secret: clientSecret,
		tenant: sandbox.tenant,
		scope: 'admin edit:tickets edit:customers',
	};
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * This package's node (packages/n8n-nodes-halopsa), installed as a community package. Batch
 * Size is left at its default; Simplify is off, as for the built-in node.
 */
export const oursNode: HaloNodeUnderTest = {
	key: 'ours',
	label: 'ours',
	nodeType: 'n8n-nodes-halopsa.haloPsa',
	typeVersion: 1,
	credentialType: 'haloPsaClientCredentialsApi',
	getOne: () => ({
		resource: 'ticket',
		operation: 'get',
		ticketId: byId('={{ $json.body.id }}'),
		simplify: false,
	}),
	create: (ticketTypeId) => ({
		resource: 'ticket',
		operation: 'create',
		tickettype_id: ticketTypeId,
		summary: '={{ $json.summary }}',
		additionalFields: { details: '={{ $json.details }}' },
		options: {},
	}),
	update: () => ({
		resource: 'ticket',
		operation: 'update',
		ticketId: byId('={{ $json.ticket_id }}'),
		updateFields: { summary: '={{ $json.summary }}' },
		options: {},
	}),
	getAll: () => ({
		resource: 'ticket',
		operation: 'getAll',
		returnAll: true,
		simplify: false,
		filters: {},
	}),
};

/** Our credential in hosted mode, the same Halo application data as the built-in's. */
export function oursCredentialData(sandbox: Sandbox, clientId: string, clientSecret: string) {
	return {
		hostingType: 'hosted',
		authUrl: sandbox.authUrl,
		resourceUrl: sandbox.resourceUrl,
		tenant: sandbox.tenant,
		clientId,
		clientSecret,
		scope: 'all',
	};
}
