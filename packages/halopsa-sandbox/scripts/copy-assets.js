#!/usr/bin/env node
// Copies the generated OpenAPI subset next to the compiled code, so the published CLI finds it.
const { copyFileSync, mkdirSync, readdirSync, chmodSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const from = join(root, 'src', 'schemas');
const to = join(root, 'dist', 'schemas');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((file) => file.endsWith('.json'))) {
	copyFileSync(join(from, name), join(to, name));
}
const cli = join(root, 'dist', 'cli.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
