import { randomUUID } from 'node:crypto';

/** A HaloPSA node as the bench drives it: its type, its credential and its parameters per operation. */
export interface HaloNodeUnderTest {
	key: 'builtin' | 'ours';
	label: string;
	nodeType: string;
	typeVersion: number;
	credentialType: string;
	/** Parameters of "get one ticket", the id read from the webhook body (`$json.body.id`). */
	getOne(): Record<string, unknown>;
	/** Parameters of "create a ticket" from an item `{ summary, details }`. */
	create(ticketTypeId: number): Record<string, unknown>;
	/** Parameters of "update a ticket" from an item `{ ticket_id, summary }`. */
	update(): Record<string, unknown>;
	/** Parameters of "get all tickets", full records. */
	getAll(): Record<string, unknown>;
}

export interface CredentialRef {
	id: string;
	name: string;
}

export type WorkflowKind = 'getOne' | 'create' | 'update' | 'getAll';

export interface BenchWorkflow {
	id: string;
	name: string;
	webhookPath: string;
	json: Record<string, unknown>;
}

const haloNodeName = 'HaloPSA';

/**
 * Answer of the create, update and get-all workflows: how many items the HaloPSA node put out
 * and how many of them are records Halo returned. With Continue On Fail, n8n passes the input
 * items through when a node fails as a whole, so "has an id and no error" is what marks an item
 * done (the input items of the update carry `ticket_id`, not `id`, for that reason).
 */
const summaryExpression =
	'={{ JSON.stringify({ items: $input.all().length, ' +
	'completed: $input.all().filter((item) => item.json.id !== undefined && item.json.error === undefined).length, ' +
	'errors: $input.all().filter((item) => item.json.error !== undefined).slice(0, 3).map((item) => String(item.json.error?.message ?? item.json.error)) }) }}';

/** Input items of create and update, made from the webhook's body in one Code node. */
const itemsCode: Record<'create' | 'update', string> = {
	create: [
		'const { count, marker } = $input.first().json.body;',
		'return Array.from({ length: count }, (_, index) => ({',
		'\tjson: { summary: `${marker}${index}`, details: `Created by the HaloPSA benchmark, item ${index}` },',
		'}));',
	].join('\n'),
	update: [
		'const { ids, marker } = $input.first().json.body;',
		'return ids.map((ticketId, index) => ({ json: { ticket_id: ticketId, summary: `${marker}${index}` } }));',
	].join('\n'),
};

function webhookNode(webhookPath: string, respondWithNode: boolean) {
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: respondWithNode ? 'responseNode' : 'lastNode',
			...(respondWithNode ? {} : { responseData: 'firstEntryJson' }),
			options: {},
		},
	};
}

function connect(names: string[]) {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < names.length - 1; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * One webhook-started workflow running one operation of one node. `continueOnFail` sets the
 * node's "On Error" to "Continue" (n8n's `continueRegularOutput`), used in the rate-limited runs
 * so the built-in node reports its failed items instead of stopping.
 */
export function buildWorkflow(options: {
	node: HaloNodeUnderTest;
	kind: WorkflowKind;
	credential: CredentialRef;
	idSuffix: string;
	ticketTypeId: number;
	continueOnFail?: boolean;
}): BenchWorkflow {
	const { node, kind, credential, idSuffix, ticketTypeId, continueOnFail } = options;
	const id = `bench${node.key === 'builtin' ? 'B' : 'O'}${kind}${idSuffix}`.slice(0, 21);
	const webhookPath = `bench-${node.key}-${kind}-${idSuffix}`.toLowerCase();
	const parameters =
		kind === 'getOne'
			? node.getOne()
			: kind === 'create'
				? node.create(ticketTypeId)
				: kind === 'update'
					? node.update()
					: node.getAll();
	const halo = {
		id: randomUUID(),
		name: haloNodeName,
		type: node.nodeType,
		typeVersion: node.typeVersion,
		position: [440, 0],
		parameters,
		credentials: { [node.credentialType]: { id: credential.id, name: credential.name } },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const nodes: Array<Record<string, unknown>> = [webhookNode(webhookPath, kind !== 'getOne')];
	const order = ['Webhook'];
	if (kind === 'create' || kind === 'update') {
		nodes.push({
			id: randomUUID(),
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: itemsCode[kind] },
		});
		order.push('Items');
	}
	nodes.push(halo);
	order.push(haloNodeName);
	if (kind !== 'getOne') {
		nodes.push({
			id: randomUUID(),
			name: 'Respond',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			position: [660, 0],
			parameters: { respondWith: 'json', responseBody: summaryExpression, options: {} },
		});
		order.push('Respond');
	}
	const name = `bench ${node.label} ${kind} ${idSuffix}`;
	return {
		id,
		name,
		webhookPath,
		json: {
			id,
			name,
			active: false,
			settings: { executionOrder: 'v1' },
			nodes,
			connections: connect(order),
		},
	};
}
