import type { Sandbox } from 'halopsa-sandbox';

import { haloCredentialType, haloNodeType } from './community-package';
import type { CredentialJson, WorkflowJson } from './n8n';

export type HostingMode = 'onPremise' | 'hosted';

/** A credential of this package pointing at a sandbox, as a user would fill it in. */
export function haloCredential(
	sandbox: Sandbox,
	options: {
		id: string;
		name?: string;
		mode?: HostingMode;
		clientId?: string;
		clientSecret?: string;
		tenant?: string;
		authUrl?: string;
		resourceUrl?: string;
		scope?: string;
	},
): CredentialJson {
	const mode = options.mode ?? 'onPremise';
	return {
		id: options.id,
		name: options.name ?? `Halo sandbox (${mode})`,
		type: haloCredentialType,
		data: {
			hostingType: mode,
			authUrl: options.authUrl ?? sandbox.authUrl,
			resourceUrl: options.resourceUrl ?? sandbox.resourceUrl,
			...(mode === 'hosted' ? { tenant: options.tenant ?? sandbox.tenant } : {}),
			clientId: options.clientId ?? sandbox.clientId,
			clientSecret: options.clientSecret ?? sandbox.clientSecret,
			scope: options.scope ?? 'all',
			ignoreSslIssues: false,
		},
	};
}

/** Value of a resource-locator parameter given by ID. */
export function byId(id: number | string): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(id) };
}

export interface StepSpec {
	name: string;
	parameters: Record<string, unknown>;
	/** Defaults to the HaloPSA node. */
	type?: string;
	typeVersion?: number;
	/** The HaloPSA credential it uses; defaults to the workflow's. */
	credentialId?: string | null;
	credentials?: Record<string, { id: string; name: string }>;
	continueOnFail?: boolean;
}

/**
 * A workflow that starts at a Manual Trigger named "Start", optionally produces input items with
 * a Code node named "Input", and runs its steps one after the other.
 */
export function chainWorkflow(options: {
	id: string;
	name?: string;
	credential?: CredentialJson;
	inputItems?: Array<Record<string, unknown>>;
	steps: StepSpec[];
}): WorkflowJson {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	if (options.inputItems) {
		nodes.push({
			id: 'input',
			name: 'Input',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				jsCode: `return ${JSON.stringify(options.inputItems.map((json) => ({ json })))};`,
			},
		});
	}
	options.steps.forEach((step, index) => {
		const isHalo = (step.type ?? haloNodeType) === haloNodeType;
		const credentialId =
			step.credentialId === undefined ? options.credential?.id : step.credentialId;
		const credentials =
			step.credentials ??
			(isHalo && credentialId
				? {
						[haloCredentialType]: {
							id: credentialId,
							name: options.credential?.name ?? credentialId,
						},
					}
				: undefined);
		nodes.push({
			id: `step${index}`,
			name: step.name,
			type: step.type ?? haloNodeType,
			typeVersion: step.typeVersion ?? 1,
			position: [220 * (nodes.length + 0), 0],
			parameters: step.parameters,
			...(credentials ? { credentials } : {}),
			...(step.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		});
	});
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name as string] = {
			main: [[{ node: nodes[i + 1].name as string, type: 'main', index: 0 }]],
		};
	}
	return {
		id: options.id,
		name: options.name ?? options.id,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
