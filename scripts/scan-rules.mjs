#!/usr/bin/env node
// The lint gate of n8n's community-package scanner, run locally.
//
// `npx @n8n/scan-community-package` first insists on npm provenance and downloads the attested
// GitHub source, which an unpublished package cannot offer. Its verdict, though, comes from ESLint
// with a fixed configuration (scanner/scanner.mjs of @n8n/scan-community-package@0.32.0:
// `buildScanConfig` and `analyzePackage`). This script rebuilds that configuration and applies it
// the same two ways: to the package source (package.json and nodes/credentials sources) and to
// the packed tarball (compiled .js and the published package.json), with inline
// `eslint-disable` comments ignored. The rule plugins are the workspace's (those `n8n-node lint`
// uses: @n8n/eslint-plugin-community-nodes 0.32.0, eslint-plugin-n8n-nodes-base 1.16.7); the
// scanner 0.32.0 itself pins the community-nodes plugin at 0.29.0.
//
// Usage: node scripts/scan-rules.mjs [package dir]   (default packages/n8n-nodes-halopsa; build first)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.resolve(
	process.argv[2] ?? path.join(repoRoot, 'packages/n8n-nodes-halopsa'),
);
const require = createRequire(path.join(repoRoot, 'package.json'));

const { ESLint } = require('eslint');
const { defineConfig } = require('eslint/config');
const glob = require('fast-glob');
const { n8nCommunityNodesPlugin } = require('@n8n/eslint-plugin-community-nodes');
const n8nNodesPlugin = require('eslint-plugin-n8n-nodes-base');

// The scanner depends on @typescript-eslint/parser directly; in this workspace it arrives with
// @n8n/node-cli's typescript-eslint, so it is resolved from there.
function loadTypescriptParser() {
	try {
		return require('@typescript-eslint/parser');
	} catch {
		const viaNodeCli = createRequire(
			path.join(repoRoot, 'node_modules/@n8n/node-cli/package.json'),
		);
		const viaTsEslint = createRequire(viaNodeCli.resolve('typescript-eslint'));
		return viaTsEslint('@typescript-eslint/parser');
	}
}
const parser = loadTypescriptParser();

// Same order and overrides as the scanner's buildScanConfig.
const scanConfig = defineConfig(
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser } },
	{ files: ['**/*.ts'], languageOptions: { parser } },
);

async function analyse(dir, patterns, label) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: scanConfig,
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) {
		console.log(`${label}: no files to analyse`);
		return false;
	}
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	if (errors > 0 || warnings > 0) {
		const formatter = await eslint.loadFormatter('stylish');
		console.log(await formatter.format(results));
	}
	console.log(`${label}: ${files.length} files, ${errors} errors, ${warnings} warnings`);
	return errors === 0;
}

function packAndExtract(dir) {
	const work = mkdtempSync(path.join(os.tmpdir(), 'scan-rules-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
		cwd: dir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [{ filename }] = JSON.parse(output);
	const extracted = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', work]);
	return { work, extracted };
}

const sourceOk = await analyse(
	packageDir,
	['package.json', '{nodes,credentials}/**/*.{js,ts,json}'],
	'scanner rules, source',
);
const { work, extracted } = packAndExtract(packageDir);
let tarballOk;
try {
	tarballOk = await analyse(
		extracted,
		['**/*.js', 'package.json'],
		'scanner rules, packed tarball',
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (!sourceOk || !tarballOk) {
	console.error('community-package scanner rules: FAILED');
	process.exit(1);
}
console.log('community-package scanner rules: passed');
