import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { installIntoUserFolder } from './community-package';
import { freePort } from './ports';
import { parseExecuteOutput, type RunResult } from './run-output';
import { n8nBin, runtimeEnv, scratchDir } from './runtime';

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** n8n refuses workflow and credential ids longer than this in single-file imports (runtime.md §5). */
const maxIdLength = 21;

function checkId(kind: string, id: string): void {
	if (!id || id.length > maxIdLength) {
		throw new Error(`${kind} id "${id}" must have 1 to ${maxIdLength} characters`);
	}
}

/**
 * A fresh n8n user folder with the package installed as a community package; the n8n
 * commands run against it. Every instance has its own database and its own task-broker port,
 * so several can work at once.
 */
export class N8nUserFolder {
	readonly folder: string;
	/** Environment every n8n process on this folder gets, e.g. a shared database's settings. */
	private readonly baseEnv: NodeJS.ProcessEnv;

	private constructor(folder: string, baseEnv: NodeJS.ProcessEnv = {}) {
		this.folder = folder;
		this.baseEnv = baseEnv;
	}

	static create(
		name: string,
		options: { installPackage?: boolean; parent?: string; env?: NodeJS.ProcessEnv } = {},
	): N8nUserFolder {
		const folder = options.parent
			? path.join(options.parent, name)
			: path.join(scratchDir, 'n8n', `${name}-${process.pid}`);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		if (options.installPackage ?? true) installIntoUserFolder(folder);
		return new N8nUserFolder(folder, options.env);
	}

	/** Environment of an n8n process on this folder. */
	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return { ...runtimeEnv(), N8N_USER_FOLDER: this.folder, ...this.baseEnv, ...extra };
	}

	async cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
		return await new Promise((resolve) => {
			execFile(
				n8nBin(),
				args,
				{ env, cwd: this.folder, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					resolve({ code, stdout, stderr });
				},
			);
		});
	}

	private async cliOrThrow(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
			);
		}
		return result;
	}

	private writeInput(name: string, content: unknown): string {
		const dir = path.join(this.folder, 'inputs');
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		writeFileSync(file, JSON.stringify(content, null, '\t'));
		return file;
	}

	async importCredentials(credentials: CredentialJson[]): Promise<void> {
		for (const credential of credentials) checkId('credential', credential.id);
		const file = this.writeInput(`credentials-${Date.now()}.json`, credentials);
		await this.cliOrThrow(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		for (const workflow of workflows) checkId('workflow', workflow.id);
		const file = this.writeInput(`workflows-${Date.now()}.json`, workflows);
		await this.cliOrThrow(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --id --rawOutput`: a new process per run (about 5 s of start-up). */
	async execute(workflowId: string): Promise<RunResult & { exitCode: number }> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ...parseExecuteOutput(result.stdout), exitCode: result.code };
	}

	/** Node types n8n loaded, as `n8n export:nodes` writes them. */
	async exportNodeTypes(): Promise<Array<{ name: string; version: number | number[] }>> {
		const file = path.join(this.folder, 'inputs', 'nodes.json');
		mkdirSync(path.dirname(file), { recursive: true });
		await this.cliOrThrow(['export:nodes', `--output=${file}`]);
		return JSON.parse(readFileSync(file, 'utf8')) as Array<{
			name: string;
			version: number | number[];
		}>;
	}

	remove(): void {
		rmSync(this.folder, { recursive: true, force: true });
	}
}
