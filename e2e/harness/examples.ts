import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { haloCredentialType } from './community-package';
import type { CredentialJson, WorkflowJson } from './n8n';
import { repoRoot } from './runtime';

export const examplesDir = path.join(repoRoot, 'examples', 'workflows');

/** The credential the example workflows refer to, and the Halo URL they show. */
export const exampleCredentialId = 'haloDemoCred';
export const exampleResourceUrl = 'https://acme.halopsa.com/api';

/**
 * The example workflows, pointed at a credential and a resource server: credential references
 * become `credential`, and the placeholder Halo URL (used where a node needs an absolute URL, as
 * the HTTP Request node does) becomes `resourceUrl`.
 */
export function loadExamples(credential: CredentialJson, resourceUrl: string): WorkflowJson[] {
	return readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(path.join(examplesDir, file), 'utf8')
				.split(exampleResourceUrl)
				.join(resourceUrl);
			const workflow = JSON.parse(text) as WorkflowJson;
			for (const node of workflow.nodes) {
				const credentials = node.credentials as
					| Record<string, { id: string; name: string }>
					| undefined;
				if (credentials?.[haloCredentialType]) {
					credentials[haloCredentialType] = { id: credential.id, name: credential.name };
				}
			}
			return workflow;
		});
}

export function exampleById(examples: WorkflowJson[], id: string): WorkflowJson {
	const workflow = examples.find((candidate) => candidate.id === id);
	if (!workflow) throw new Error(`no example workflow with id ${id} in ${examplesDir}`);
	return workflow;
}
