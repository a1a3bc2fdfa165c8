import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../../e2e/harness/ports';
import { n8nBin, node24Bin, runtimeEnv } from '../../e2e/harness/runtime';
import { getStatus } from './http';

const execFileAsync = promisify(execFile);

export interface N8nInstance {
	pid: number;
	baseUrl: string;
	/** `<baseUrl>/webhook/<path>` */
	webhookUrl(webhookPath: string): string;
	stop(): Promise<void>;
}

/**
 * The environment of the bench's n8n: the runtime's (scripts/install-n8n-runtime.sh), its own
 * user folder, and its own ports, because other n8n processes may run on this machine.
 * Successful executions are not saved: writing 10,000 or 100,000 items into SQLite after each
 * run costs the same for both nodes and would only blur what the nodes themselves cost.
 */
export function benchEnv(userFolder: string, port: number, brokerPort: number): NodeJS.ProcessEnv {
	return {
		...runtimeEnv(),
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_LOG_LEVEL: 'info',
	};
}

/** Runs one n8n CLI command to completion and returns its stdout. */
export async function n8nCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
	try {
		const { stdout } = await execFileAsync(node24Bin(), [n8nBin(), ...args], {
			env,
			cwd: env.N8N_USER_FOLDER,
			maxBuffer: 64 * 1024 * 1024,
		});
		return stdout;
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string; message: string };
		const tail = `${failed.stdout ?? ''}\n${failed.stderr ?? ''}`.slice(-3000);
		throw new Error(`n8n ${args.join(' ')} failed: ${failed.message}\n${tail}`);
	}
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, logFile: string) {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`n8n exited with code ${child.exitCode} while starting; see ${logFile}`);
		}
		if ((await getStatus(`${baseUrl}/healthz/readiness`)) === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n did not become ready within 120 s; see ${logFile}`);
}

/** Starts `n8n start` in the background and resolves once its readiness probe answers. */
export async function startN8n(userFolder: string, logDir: string): Promise<N8nInstance> {
	const port = await freePort();
	const brokerPort = await freePort();
	const env = benchEnv(userFolder, port, brokerPort);
	mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, `n8n-${Date.now()}.log`);
	const log = createWriteStream(logFile);
	const child = spawn(node24Bin(), [n8nBin(), 'start'], {
		env,
		cwd: userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitUntilReady(baseUrl, child, logFile);
	} catch (error) {
		child.kill('SIGTERM');
		throw error;
	}
	return {
		pid: child.pid as number,
		baseUrl,
		webhookUrl: (webhookPath) => `${baseUrl}/webhook/${webhookPath}`,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

async function getAnswer(url: string): Promise<{ status: number; body: string }> {
	return await new Promise((resolve) => {
		const req = request(url, { method: 'GET' }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', () => resolve({ status: 0, body: '' }));
		req.end();
	});
}

/**
 * n8n answers its readiness probe seconds before it has activated the published workflows. A GET
 * to a POST webhook runs nothing; once the path is registered n8n answers that it expects a POST,
 * before that that it knows no such webhook.
 */
export async function waitForWebhooks(n8n: N8nInstance, webhookPaths: string[]): Promise<void> {
	const deadline = Date.now() + 120_000;
	const pending = new Set(webhookPaths);
	while (pending.size) {
		for (const webhookPath of [...pending]) {
			const answer = await getAnswer(n8n.webhookUrl(webhookPath));
			if (answer.body.includes('Did you mean to make a POST request')) pending.delete(webhookPath);
		}
		if (!pending.size) return;
		if (Date.now() > deadline) {
			throw new Error(
				`n8n did not register these webhooks within 120 s: ${[...pending].join(', ')}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
