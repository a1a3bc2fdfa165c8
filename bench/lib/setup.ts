import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { installIntoUserFolder } from '../../e2e/harness/community-package';
import { freePort } from '../../e2e/harness/ports';
import { benchEnv, n8nCli } from './n8n';
import type { BenchWorkflow } from './workflows';

export interface CredentialSpec {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * A fresh n8n user folder with this package installed as a community package (the e2e
 * harness's installer, the way n8n installs one), the credentials and the workflows imported,
 * and every workflow published so that `n8n start` registers its webhook.
 */
export async function prepareUserFolder(options: {
	userFolder: string;
	credentials: CredentialSpec[];
	workflows: BenchWorkflow[];
	installPackage: boolean;
	log: (line: string) => void;
}): Promise<void> {
	const { userFolder, credentials, workflows, installPackage, log } = options;
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	if (installPackage) {
		installIntoUserFolder(userFolder);
		log(`installed n8n-nodes-halopsa into ${path.join(userFolder, '.n8n', 'nodes')}`);
	}

	const env = benchEnv(userFolder, await freePort(), await freePort());
	const credentialsFile = path.join(userFolder, 'bench-credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, '\t'));
	await n8nCli(env, ['import:credentials', `--input=${credentialsFile}`]);
	const workflowsFile = path.join(userFolder, 'bench-workflows.json');
	writeFileSync(
		workflowsFile,
		JSON.stringify(
			workflows.map((workflow) => workflow.json),
			null,
			'\t',
		),
	);
	await n8nCli(env, ['import:workflow', `--input=${workflowsFile}`]);
	log(`imported ${credentials.length} credentials and ${workflows.length} workflows`);
	// Import always leaves workflows inactive; publishing before start is the CLI's way (2.x).
	for (const workflow of workflows) {
		await n8nCli(env, ['publish:workflow', `--id=${workflow.id}`]);
	}
	log(`published ${workflows.length} workflows`);
}
