import { createServer } from 'node:net';

import type { Sandbox } from 'halopsa-sandbox';

import { exampleCredentialId, loadExamples } from './examples';
import { N8nUserFolder, type WorkflowJson } from './n8n';
import { N8nServer, type Owner } from './n8n-server';
import { freePort } from './ports';
import { runtimeDir } from './runtime';
import { haloCredential } from './workflows';

export const demoOwner: Owner = { email: 'demo@example.com', password: 'Demo-pass-123' };

export interface Demo {
	sandbox: Sandbox;
	folder: N8nUserFolder;
	server: N8nServer;
	examples: WorkflowJson[];
	stop(): Promise<void>;
}

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * The demo: a sandbox with demo data, n8n-nodes-halopsa installed as a community package in a
 * fresh user folder (.runtime/demo), the "HaloPSA sandbox" credential and the example workflows
 * imported, the editor started with its owner set up and the alert webhook published. The
 * packages must be built and the runtime installed.
 */
export async function startDemo(options: {
	tickets: number;
	n8nPort: number;
	sandboxPort?: number;
	log?: (message: string) => void;
}): Promise<Demo> {
	const log = options.log ?? (() => undefined);
	// Imported here so that a build that has just run is what loads.
	const { startSandbox } = await import('halopsa-sandbox');
	const sandbox = await startSandbox({
		port: options.sandboxPort ?? 0,
		tickets: options.tickets,
		rateLimit: false,
	});
	log(`sandbox with ${options.tickets} tickets at ${sandbox.url}`);
	try {
		const folder = N8nUserFolder.create('demo', { parent: runtimeDir });
		log(`installed n8n-nodes-halopsa as a community package in ${folder.folder}`);

		const credential = haloCredential(sandbox, {
			id: exampleCredentialId,
			name: 'HaloPSA sandbox',
			mode: 'onPremise',
		});
		const examples = loadExamples(credential, sandbox.resourceUrl);
		await folder.importCredentials([credential]);
		await folder.importWorkflows(examples);
		log(`imported the credential "HaloPSA sandbox" and ${examples.length} example workflows`);

		const port = (await portIsFree(options.n8nPort)) ? options.n8nPort : await freePort();
		log(`starting the n8n editor on port ${port}`);
		const server = await N8nServer.start(folder, {
			owner: demoOwner,
			port,
			readyTimeoutMs: 180_000,
		});
		try {
			await server.activate('haloExAlertToTicket', 'halo-alert');
		} catch (error) {
			await server.stop();
			throw error;
		}
		return {
			sandbox,
			folder,
			server,
			examples,
			async stop() {
				await server.stop();
				await sandbox.close();
			},
		};
	} catch (error) {
		await sandbox.close();
		throw error;
	}
}
