/**
 * `npm start`: the HaloPSA node in a real n8n editor, against a local Halo.
 *
 * Installs the pinned n8n if needed, builds the packages, starts the sandbox with demo data,
 * installs n8n-nodes-halopsa into a fresh n8n user folder the way n8n installs a community
 * package, imports a credential for the sandbox and the example workflows, and starts the editor
 * with the owner account already set up. Ctrl-C stops everything it started.
 *
 * Environment: N8N_PORT (default 5678, or a free port when taken), HALOPSA_DEMO_TICKETS
 * (default 300), HALOPSA_SANDBOX_PORT (default: a free port).
 */
import { spawnSync } from 'node:child_process';

import { demoOwner, startDemo, type Demo } from '../e2e/harness/demo';
import { repoRoot } from '../e2e/harness/runtime';

function step(message: string): void {
	console.log(`[demo] ${message}`);
}

function runOrExit(command: string, args: string[]): void {
	const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`[demo] "${command} ${args.join(' ')}" failed`);
		process.exit(result.status ?? 1);
	}
}

function instructions(demo: Demo, seconds: number): string {
	const { server, sandbox } = demo;
	const rule = '-'.repeat(78);
	return `
${rule}
 n8n with the HaloPSA node is ready (${seconds.toFixed(0)} s)

   Editor      ${server.url}
   Login       ${demoOwner.email} / ${demoOwner.password}
   Sandbox     ${sandbox.url} (a local HaloPSA: client id ${sandbox.clientId})

 Try this:
   1. Open "HaloPSA: open tickets of a client" and click "Execute workflow":
      the node pages through Halo's list and shows the client's open tickets.
   2. "HaloPSA: ticket from a monitoring alert" is published; raise an alert:
        curl -s -X POST ${server.url}/webhook/halo-alert \\
          -H 'content-type: application/json' \\
          -d '{"device":"FS01","alert":"Disk C: below 10% free","severity":"critical","client_id":2}'
   3. "HaloPSA: sync clients from a CRM list" creates only the missing clients,
      in one request. Run it twice: the second run creates nothing.
   4. Add a HaloPSA node to any workflow: resources Ticket, Ticket Action, Client,
      Site and User, with the "HaloPSA sandbox" credential.
   5. Every request n8n made to the sandbox, token requests included:
        curl -s ${sandbox.url}/_sandbox/requests

 n8n's log: ${server.logFile}
 Ctrl-C stops n8n and the sandbox.
${rule}
`;
}

async function main(): Promise<void> {
	const started = Date.now();
	step('checking the n8n runtime (the first time: about 5 minutes)');
	runOrExit('bash', ['scripts/install-n8n-runtime.sh']);
	step('building the packages');
	runOrExit('npm', ['run', '--silent', 'build']);

	const demo = await startDemo({
		tickets: Number(process.env.HALOPSA_DEMO_TICKETS ?? 300),
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		sandboxPort: Number(process.env.HALOPSA_SANDBOX_PORT ?? 0),
		log: step,
	});

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping n8n and the sandbox');
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	console.log(instructions(demo, (Date.now() - started) / 1000));

	await demo.server.exited();
	if (!stopping) {
		console.error(`[demo] n8n exited on its own; see ${demo.server.logFile}`);
		await demo.sandbox.close();
		process.exit(1);
	}
}

main().catch((error: unknown) => {
	console.error('[demo] failed:', error instanceof Error ? error.message : error);
	process.exit(1);
});
