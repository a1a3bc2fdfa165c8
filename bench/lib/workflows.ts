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
 * What the create, update and get-all workflows answer with: n8n's Summarize node counts the
 * HaloPSA node's output items, those with an `id` (records Halo returned) and those with an
 * `error` (Continue On Fail), and joins the error messages. It runs in n8n's own process at
 * the same small cost for both nodes; an expression over all items would not do: n8n 2.40
 * evaluates expressions in an isolate limited to 128 MB, which 100,000 tickets exceed.
 */
const summarizeParameters = {
	fieldsToSummarize: {
		values: [
			{ aggregation: 'count', field: 'bench_item', includeEmpty: true },
			{ aggregation: 'count', field: 'id' },
			{ aggregation: 'count', field: 'error' },
			{ aggregation: 'concatenate', field: 'error', separateBy: '\n' },
		],
	},
	options: {},
};

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

function webhookNode(webhookPath: string) {
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
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
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
	const nodes: Array<Record<string, unknown>> = [webhookNode(webhookPath)];
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
			name: 'Summary',
			type: 'n8n-nodes-base.summarize',
			typeVersion: 1.1,
			position: [660, 0],
			parameters: summarizeParameters,
		});
		order.push('Summary');
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
