import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = join(__dirname, '..', 'src', 'cli.ts');

function run(args: string[]): ChildProcessWithoutNullStreams {
	return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: join(__dirname, '..') });
}

function collect(child: ChildProcessWithoutNullStreams): { out: () => string; err: () => string } {
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	return { out: () => out, err: () => err };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
	return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function waitForOutput(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const match = read().match(pattern);
		if (match) return match;
		if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in: ${read()}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('halopsa-sandbox CLI', () => {
	it('prints its URLs, tenant and client id but not the secret, serves them and stops on SIGTERM', async () => {
		const child = run([
			'--port',
			'0',
			'--tenant',
			'contoso',
			'--client-id',
			'cli-app',
			'--client-secret',
			'very-secret-value',
			'--tickets',
			'30',
			'--rate-limit',
			'3/60',
			'--token-ttl',
			'90',
		]);
		const output = collect(child);
		const [, resourceUrl] = await waitForOutput(output.out, /Resource server:\s+(\S+)/);
		const [, authUrl] = output.out().match(/Authorisation server:\s+(\S+)/)!;
		assert.match(output.out(), /Tenant:\s+contoso/);
		assert.match(output.out(), /Client ID:\s+cli-app/);
		assert.match(output.out(), /Rate limit:\s+3 requests \/ 60 s/);
		assert.equal(output.out().includes('very-secret-value'), false);

		const tokenResponse = await fetch(`${authUrl}/token?tenant=contoso`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_id=cli-app&client_secret=very-secret-value&scope=all',
		});
		const token = (await tokenResponse.json()) as { access_token: string; expires_in: number };
		assert.equal(token.expires_in, 90);
		const headers = { authorization: `Bearer ${token.access_token}` };
		const tickets = (await (
			await fetch(`${resourceUrl}/Tickets?count=100`, { headers })
		).json()) as {
			tickets: unknown[];
		};
		assert.ok(tickets.tickets.length > 0 && tickets.tickets.length <= 30);
		await fetch(`${resourceUrl}/Status`, { headers });
		assert.equal((await fetch(`${resourceUrl}/Status`, { headers })).status, 429);

		const exit = exited(child);
		child.kill('SIGTERM');
		assert.equal(await exit, 0);
		assert.match(output.out(), /Received SIGTERM, stopping\./);
	});

	it('stops on SIGINT too', async () => {
		const child = run(['--tickets', '12']);
		const output = collect(child);
		await waitForOutput(output.out, /Resource server:/);
		const exit = exited(child);
		child.kill('SIGINT');
		assert.equal(await exit, 0);
	});

	it('prints help', async () => {
		const child = run(['--help']);
		const output = collect(child);
		assert.equal(await exited(child), 0);
		assert.match(output.out(), /--rate-limit <n>\/<s>\|off/);
	});

	it('refuses a bad option value, naming the option', async () => {
		const child = run(['--rate-limit', 'lots']);
		const output = collect(child);
		assert.equal(await exited(child), 2);
		assert.equal(
			output.err(),
			"halopsa-sandbox: --rate-limit needs <requests>/<seconds> (e.g. 300/300) or off, got 'lots'\n",
		);
	});
});
