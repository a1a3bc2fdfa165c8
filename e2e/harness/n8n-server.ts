import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

import type { N8nUserFolder, WorkflowJson } from './n8n';
import { freePort } from './ports';
import type { RunResult } from './run-output';
import { n8nBin, runtimeDir } from './runtime';

export interface Owner {
	email: string;
	password: string;
}

export interface StartOptions {
	owner?: Owner;
	/** Fixed editor port (the demo); a free one otherwise. */
	port?: number;
	env?: NodeJS.ProcessEnv;
	/** How long to wait for the editor to serve; first start runs the database migrations. */
	readyTimeoutMs?: number;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** Modules of the runtime's own node_modules (pure JS, so Node 20 can load them as well). */
function runtimeModule<T>(name: string): T {
	return require(path.join(runtimeDir, 'n8n', 'node_modules', name)) as T;
}

/**
 * A bcrypt hash made with the bcryptjs that n8n itself uses, for
 * N8N_INSTANCE_OWNER_PASSWORD_HASH (runtime.md §7).
 */
export function ownerPasswordHash(password: string): string {
	const bcrypt = runtimeModule<{ hashSync(value: string, rounds: number): string }>('bcryptjs');
	return bcrypt.hashSync(password, 10);
}

const browserId = 'halopsa-e2e-browser';

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `n8n start` on a user folder, with the owner created from the environment so no setup wizard
 * stands in the way, driven through the REST API the editor itself uses. One running n8n serves
 * many workflow runs, which saves the ~5 s start-up each `n8n execute` costs.
 */
export class N8nServer {
	readonly url: string;
	readonly logFile: string;
	private cookie = '';

	private constructor(
		private readonly child: ChildProcess,
		readonly port: number,
		readonly owner: Owner,
		logFile: string,
	) {
		this.url = `http://localhost:${port}`;
		this.logFile = logFile;
	}

	static async start(userFolder: N8nUserFolder, options: StartOptions = {}): Promise<N8nServer> {
		const owner = options.owner ?? { email: 'owner@example.com', password: 'E2e-owner-pass-1' };
		const port = options.port ?? (await freePort());
		const env = userFolder.env({
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(owner.password),
			// Plain http on localhost: a secure-only cookie would not come back from 127.0.0.1.
			N8N_SECURE_COOKIE: 'false',
			...options.env,
		});
		const logFile = path.join(userFolder.folder, 'n8n-start.log');
		const log = createWriteStream(logFile);
		const child = spawn(n8nBin(), ['start'], {
			env,
			cwd: userFolder.folder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		const server = new N8nServer(child, port, owner, logFile);
		try {
			await server.waitUntilReady(options.readyTimeoutMs ?? 90_000);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) {
				throw new Error(`n8n start exited with ${this.child.exitCode}; see ${this.logFile}`);
			}
			try {
				const readiness = await fetch(`${this.url}/healthz/readiness`);
				// The editor's assets are served a few seconds after the health check turns ok.
				if (readiness.ok && (await fetch(`${this.url}/`)).ok) return;
			} catch {
				// Not listening yet.
			}
			await sleep(250);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs} ms; see ${this.logFile}`);
	}

	/** Logs in as the owner; the auth cookie is tied to the browser-id header sent with it. */
	async login(): Promise<void> {
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({ emailOrLdapLoginId: this.owner.email, password: this.owner.password }),
		});
		if (!response.ok) {
			throw new Error(`login failed: ${response.status} ${await response.text()}`);
		}
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('login answered without an n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** The value of the n8n-auth cookie, for a browser session (the screenshot). */
	get authCookie(): string {
		return this.cookie.replace(/^n8n-auth=/, '');
	}

	async rest<T>(method: string, route: string, body?: unknown): Promise<T> {
		if (!this.cookie) await this.login();
		const response = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: {
				cookie: this.cookie,
				'browser-id': browserId,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) {
			throw new Error(
				`${method} /rest${route} answered ${response.status}: ${text.slice(0, 1000)}`,
			);
		}
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	/** The credential test the editor runs from the credential dialog. */
	async testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data?: Record<string, unknown>;
	}): Promise<CredentialTestResult> {
		return await this.rest<CredentialTestResult>('POST', '/credentials/test', {
			credentials: credential,
		});
	}

	/** Saves a workflow as the editor does; n8n assigns the id it returns. */
	async createWorkflow(workflow: WorkflowJson): Promise<string> {
		const { id: _ignored, ...body } = workflow;
		const created = await this.rest<{ id: string }>('POST', '/workflows', body);
		return created.id;
	}

	/** Saves a workflow and runs it once from its "Start" trigger. */
	async runNew(workflow: WorkflowJson): Promise<RunResult> {
		return await this.run(await this.createWorkflow(workflow));
	}

	/** Node types as the editor loads them, descriptions included. */
	async nodeTypes(): Promise<Array<{ name: string; properties: Array<Record<string, unknown>> }>> {
		if (!this.cookie) await this.login();
		const response = await fetch(`${this.url}/types/nodes.json`, {
			headers: { cookie: this.cookie, 'browser-id': browserId },
		});
		if (!response.ok) throw new Error(`/types/nodes.json answered ${response.status}`);
		return (await response.json()) as Array<{
			name: string;
			properties: Array<Record<string, unknown>>;
		}>;
	}

	/**
	 * Publishes (activates) a workflow and waits until its production webhook at `webhookPath`
	 * (registered for POST) listens. n8n 2.x publishes through an outbox drained in the
	 * background, so the REST call returns before the webhook is registered.
	 */
	async activate(workflowId: string, webhookPath: string, timeoutMs = 20_000): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			// A GET to a path registered for POST only is refused without the "must be active"
			// hint n8n gives for paths nobody registered; it runs nothing.
			const probe = await fetch(`${this.url}/webhook/${webhookPath}`);
			const text = await probe.text();
			if (!text.includes('must be active')) return;
			await sleep(100);
		}
		throw new Error(
			`the webhook ${webhookPath} of ${workflowId} did not register in ${timeoutMs} ms`,
		);
	}

	/**
	 * Runs a workflow the way the editor's "Execute workflow" button does and waits for the
	 * stored execution, which has the same shape `n8n execute --rawOutput` prints.
	 */
	async run(workflowId: string, triggerNode = 'Start', timeoutMs = 60_000): Promise<RunResult> {
		const { executionId } = await this.rest<{ executionId: string }>(
			'POST',
			`/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerNode } },
		);
		return await this.execution(executionId, timeoutMs);
	}

	async execution(executionId: string, timeoutMs = 60_000): Promise<RunResult> {
		const { parse } = runtimeModule<{ parse(text: string): unknown }>('flatted');
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const execution = await this.rest<{
				status: string;
				finished: boolean;
				data: string;
			}>('GET', `/executions/${executionId}`);
			if (!['new', 'running', 'waiting'].includes(execution.status)) {
				return {
					status: execution.status,
					finished: execution.finished,
					data: parse(execution.data) as RunResult['data'],
				};
			}
			await sleep(100);
		}
		throw new Error(`execution ${executionId} did not finish within ${timeoutMs} ms`);
	}

	/** Posts to a production webhook of an active workflow. */
	async callWebhook(
		webhookPath: string,
		body: unknown,
	): Promise<{ status: number; body: unknown }> {
		const response = await fetch(`${this.url}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// Not JSON: keep the text.
		}
		return { status: response.status, body: parsed };
	}

	/** Resolves when the n8n process has ended. */
	async exited(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		await new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
	}

	log(): string {
		return readFileSync(this.logFile, 'utf8');
	}

	/** SIGTERM stops n8n and its task-runner child (runtime.md §7). */
	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		// A pending 20 s timer would keep the test file's process alive after its last test.
		let timer: NodeJS.Timeout | undefined;
		const killed = await Promise.race([
			exited.then(() => true),
			new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 20_000))),
		]);
		clearTimeout(timer);
		if (!killed) {
			this.child.kill('SIGKILL');
			await exited;
		}
	}
}
