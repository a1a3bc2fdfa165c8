#!/usr/bin/env node
// `npm test`: every check of the repository in order, then a pass/fail summary. A failed step
// does not hide the others' results; steps that need an earlier one are skipped when it failed.
// Exit code: 0 only when every step passed.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** Workspaces with a "test" script, in the order the root lists them. */
const testedWorkspaces = rootManifest.workspaces
	.map((dir) => JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')))
	.filter((manifest) => manifest.scripts?.test)
	.map((manifest) => manifest.name);

const steps = [
	{ id: 'build', title: 'build both packages', command: ['npm', 'run', 'build'] },
	{
		id: 'lint',
		title: 'n8n-node lint (n8n-nodes-halopsa)',
		command: ['npm', 'run', 'lint', '-w', 'n8n-nodes-halopsa'],
	},
	{
		id: 'scan',
		title: 'community-package scanner rules',
		command: ['node', 'scripts/scan-rules.mjs'],
		needs: ['build'],
	},
	...testedWorkspaces.map((name) => ({
		id: `test:${name}`,
		title: `unit and integration tests (${name})`,
		command: ['npm', 'test', '-w', name],
	})),
	{
		id: 'runtime',
		title: 'n8n runtime (Node 24 + n8n 2.40.7 in .runtime/)',
		command: ['bash', 'scripts/install-n8n-runtime.sh'],
	},
	{
		id: 'e2e',
		title: 'end-to-end tests in n8n',
		command: ['npm', 'run', 'test:e2e:run'],
		needs: ['build', 'runtime'],
	},
];

const results = new Map();
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
/** Totals read from the closing lines of node's test runner (`# pass N`, `# fail N`). */
const tests = { passed: 0, failed: 0 };

/** Runs a step with its output passed through, counting the test runner's totals on the way. */
function run(command) {
	return new Promise((resolve) => {
		const child = spawn(command[0], command.slice(1), {
			cwd: repoRoot,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let pending = '';
		child.stdout.on('data', (chunk) => {
			process.stdout.write(chunk);
			const lines = (pending + chunk.toString('utf8')).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				const total = /^# (pass|fail) (\d+)$/.exec(line.trim());
				if (total) tests[total[1] === 'pass' ? 'passed' : 'failed'] += Number(total[2]);
			}
		});
		child.stderr.on('data', (chunk) => process.stderr.write(chunk));
		child.on('close', (code) => resolve(code));
	});
}

for (const step of steps) {
	const missing = (step.needs ?? []).filter((id) => results.get(id)?.status !== 'PASS');
	if (missing.length > 0) {
		results.set(step.id, { status: 'SKIP', ms: 0, note: `needs ${missing.join(', ')}` });
		continue;
	}
	console.log(`\n=== ${step.title}: ${step.command.join(' ')}\n`);
	const t = Date.now();
	const code = await run(step.command);
	results.set(step.id, { status: code === 0 ? 'PASS' : 'FAIL', ms: Date.now() - t });
}

console.log('\n=== Summary\n');
for (const step of steps) {
	const { status, ms, note } = results.get(step.id);
	console.log(
		`${status.padEnd(5)} ${step.title.padEnd(52)} ${status === 'SKIP' ? note : seconds(ms)}`,
	);
}
const failed = steps.filter((step) => results.get(step.id).status !== 'PASS');
console.log(
	`\n${failed.length === 0 ? 'ALL PASSED' : `FAILED: ${failed.map((step) => step.id).join(', ')}`} in ${seconds(Date.now() - started)}`,
);
console.log(`Tests: ${tests.passed} passed, ${tests.failed} failed`);
process.exit(failed.length === 0 ? 0 : 1);
