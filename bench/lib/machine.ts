import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { node24Bin, repoRoot, runtimeDir } from '../../e2e/harness/runtime';

export interface MachineInfo {
	date: string;
	cpus: number;
	cpuModel: string;
	memoryGiB: number;
	os: string;
	runnerNode: string;
	n8nNode: string;
	n8n: string;
	nodesBase: string;
	packageVersion: string;
	sandboxVersion: string;
	commit: string;
}

function versionOf(packageJson: string): string {
	try {
		return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

export function machineInfo(): MachineInfo {
	const n8nModules = path.join(runtimeDir, 'n8n', 'node_modules');
	let commit = 'unknown';
	try {
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
		commit = git('rev-parse', '--short', 'HEAD');
		// Figures from code that is not committed cannot be reproduced from the commit alone.
		if (git('status', '--porcelain', '--', 'bench', 'packages', 'e2e'))
			commit += ' + uncommitted changes';
	} catch {
		// not a git checkout
	}
	return {
		date: new Date().toISOString(),
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${os.type()} ${os.release()}`,
		runnerNode: process.version,
		n8nNode: execFileSync(node24Bin(), ['--version'], { encoding: 'utf8' }).trim(),
		n8n: versionOf(path.join(n8nModules, 'n8n', 'package.json')),
		nodesBase: versionOf(path.join(n8nModules, 'n8n-nodes-base', 'package.json')),
		packageVersion: versionOf(path.join(repoRoot, 'packages', 'n8n-nodes-halopsa', 'package.json')),
		sandboxVersion: versionOf(path.join(repoRoot, 'packages', 'halopsa-sandbox', 'package.json')),
		commit,
	};
}
