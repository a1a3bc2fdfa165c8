import type { Sandbox } from 'halopsa-sandbox';

import { builtinCredentialData, builtinNode, oursCredentialData } from './nodes';
import type { NodeKey } from './scenarios';
import type { CredentialSpec } from './setup';
import {
	buildWorkflow,
	type BenchWorkflow,
	type HaloNodeUnderTest,
	type WorkflowKind,
} from './workflows';

export type WorkflowSet = Record<NodeKey, Record<string, BenchWorkflow>>;

/** One credential per node and sandbox, all for the sandbox's default API application. */
export function credentialsFor(
	nodes: HaloNodeUnderTest[],
	main: Sandbox,
	big: Sandbox,
): CredentialSpec[] {
	const spec = (sandbox: Sandbox, node: HaloNodeUnderTest, suffix: string): CredentialSpec => ({
		id: `bench${node.key}${suffix}`,
		name: `bench ${node.label} ${suffix}`,
		type: node.credentialType,
		data:
			node.key === 'builtin'
				? builtinCredentialData(sandbox, sandbox.clientId, sandbox.clientSecret)
				: oursCredentialData(sandbox, sandbox.clientId, sandbox.clientSecret),
	});
	return nodes.flatMap((node) => [spec(main, node, 'Main'), spec(big, node, 'Big')]);
}

/** The workflows of every scenario, per node. */
export function workflowsFor(
	nodes: HaloNodeUnderTest[],
	ticketTypeId: number,
): { set: WorkflowSet; list: BenchWorkflow[] } {
	const set = { builtin: {}, ours: {} } as WorkflowSet;
	const plan: Array<{
		name: string;
		kind: WorkflowKind;
		credential: 'Main' | 'Big';
		continueOnFail?: boolean;
	}> = [
		{ name: 'getOne', kind: 'getOne', credential: 'Main' },
		{ name: 'create', kind: 'create', credential: 'Main' },
		{ name: 'update', kind: 'update', credential: 'Main' },
		{ name: 'getAll', kind: 'getAll', credential: 'Main' },
		{ name: 'createRl', kind: 'create', credential: 'Main', continueOnFail: true },
		{ name: 'updateRl', kind: 'update', credential: 'Main', continueOnFail: true },
		{ name: 'getAllBig', kind: 'getAll', credential: 'Big' },
	];
	for (const node of nodes) {
		for (const entry of plan) {
			set[node.key][entry.name] = buildWorkflow({
				node,
				kind: entry.kind,
				credential: {
					id: `bench${node.key}${entry.credential}`,
					name: `bench ${node.label} ${entry.credential}`,
				},
				idSuffix: entry.name.replace(entry.kind, '') || 'x',
				ticketTypeId,
				continueOnFail: entry.continueOnFail,
			});
		}
	}
	return { set, list: Object.values(set).flatMap((byName) => Object.values(byName)) };
}

/** A webhook-only workflow, called a few times so n8n's first-request costs hit neither node. */
export function warmUpWorkflow(): BenchWorkflow {
	const built = buildWorkflow({
		node: builtinNode,
		kind: 'getOne',
		credential: { id: 'benchbuiltinMain', name: 'bench built-in Main' },
		idSuffix: 'warm',
		ticketTypeId: 0,
	});
	const json = built.json as { nodes: Array<{ name: string }> };
	return {
		...built,
		id: 'benchWarmUp',
		json: {
			...built.json,
			id: 'benchWarmUp',
			name: 'bench warm-up',
			nodes: json.nodes.slice(0, 1),
			connections: {},
		},
	};
}
