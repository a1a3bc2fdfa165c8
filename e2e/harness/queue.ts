import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import type { N8nUserFolder } from './n8n';
import { freePort } from './ports';
import { n8nBin } from './runtime';

const redisInstallHint =
	'the queue-mode test needs redis-server on PATH: install it with "apt-get install -y redis-server" ' +
	"(Debian/Ubuntu; .ci/run does this) or your system's Redis package";

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends `signal`, then SIGKILL if the process has not ended within `graceMs`. The grace timer is
 * cleared, as a pending one would keep the test file's process alive after its last test.
 */
export async function terminate(
	child: ChildProcess,
	graceMs: number,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	let timer: NodeJS.Timeout | undefined;
	const ended = await Promise.race([
		exited.then(() => true),
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
	]);
	clearTimeout(timer);
	if (!ended) {
		child.kill('SIGKILL');
		await exited;
	}
}

/** Answers whether a Redis server at `port` replies to PING. */
async function redisAnswers(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		let reply = '';
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) {
				socket.destroy();
				resolve(reply.startsWith('+PONG'));
			}
		});
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.on('error', () => resolve(false));
	});
}

/**
 * A throw-away Redis for one test file: a free port, no persistence, logs in `dir`. n8n's queue
 * mode keeps its Bull queue and its pub/sub channels there.
 */
export class RedisServer {
	private constructor(
		private readonly child: ChildProcess,
		readonly port: number,
	) {}

	static async start(dir: string, timeoutMs = 10_000): Promise<RedisServer> {
		const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
		if (probe.error || probe.status !== 0) {
			throw new Error(`redis-server not found: ${redisInstallHint}`);
		}
		const port = await freePort();
		const log = createWriteStream(path.join(dir, 'redis.log'));
		const child = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		const redis = new RedisServer(child, port);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) break;
			if (await redisAnswers(port)) return redis;
			await sleep(50);
		}
		await redis.stop();
		throw new Error(`redis-server did not answer on port ${port}; see ${dir}/redis.log`);
	}

	async stop(): Promise<void> {
		await terminate(this.child, 5_000);
	}
}

/**
 * Environment of every process of one queue-mode n8n: the main process and its workers share the
 * user folder (so the SQLite database, the encryption key and the community package) and this
 * Redis. n8n 2.40.7 accepts SQLite in queue mode with a warning ("not officially supported",
 * commands/base-command.js); each process opens the database in WAL mode.
 */
export function queueModeEnv(redis: RedisServer): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
}

/** The lines n8n's job processor logs when a worker takes a job (scaling/job-processor.js). */
const startedExecutionLine = /Worker started execution (\S+) \(job /g;

/**
 * `n8n worker` on a user folder. Its health endpoint (QUEUE_HEALTH_CHECK_ACTIVE) tells when it
 * takes jobs; its log tells which executions it ran.
 */
export class N8nWorker {
	private constructor(
		private readonly child: ChildProcess,
		readonly name: string,
		readonly healthUrl: string,
		readonly logFile: string,
	) {}

	static async start(
		userFolder: N8nUserFolder,
		options: {
			name: string;
			concurrency: number;
			env?: NodeJS.ProcessEnv;
			readyTimeoutMs?: number;
		},
	): Promise<N8nWorker> {
		const healthPort = await freePort();
		const env = userFolder.env({
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.env,
		});
		const logFile = path.join(userFolder.folder, `n8n-${options.name}.log`);
		const log = createWriteStream(logFile);
		const child = spawn(n8nBin(), ['worker', `--concurrency=${options.concurrency}`], {
			env,
			cwd: userFolder.folder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		const worker = new N8nWorker(
			child,
			options.name,
			`http://127.0.0.1:${healthPort}/healthz/readiness`,
			logFile,
		);
		try {
			await worker.waitUntilReady(options.readyTimeoutMs ?? 90_000);
		} catch (error) {
			await worker.stop();
			throw error;
		}
		return worker;
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) {
				throw new Error(
					`n8n worker ${this.name} exited with ${this.child.exitCode}; see ${this.logFile}`,
				);
			}
			try {
				if ((await fetch(this.healthUrl)).ok) return;
			} catch {
				// Not listening yet.
			}
			await sleep(250);
		}
		throw new Error(
			`n8n worker ${this.name} was not ready within ${timeoutMs} ms; see ${this.logFile}`,
		);
	}

	log(): string {
		return readFileSync(this.logFile, 'utf8');
	}

	/** Ids of the executions this worker took from the queue, from its log. */
	startedExecutions(): string[] {
		return [...this.log().matchAll(startedExecutionLine)].map((match) => match[1]);
	}

	/** SIGTERM lets the worker finish its jobs and stop its task runner. */
	async stop(): Promise<void> {
		await terminate(this.child, 20_000);
	}
}
