import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chownSync,
	createWriteStream,
	existsSync,
	mkdtempSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './ports';
import { terminate } from './queue';

const postgresInstallHint =
	"the queue-mode test needs PostgreSQL's server binaries (initdb, postgres): install them with " +
	'"apt-get install -y postgresql" (Debian/Ubuntu; .ci/run does this), or set HALOPSA_PG_BINDIR ' +
	'to the folder that holds them';

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** HALOPSA_PG_BINDIR, else Debian's /usr/lib/postgresql/<newest>/bin, else initdb on PATH. */
function postgresBinDir(): string {
	const candidates: string[] = [];
	if (process.env.HALOPSA_PG_BINDIR) candidates.push(process.env.HALOPSA_PG_BINDIR);
	const debianRoot = '/usr/lib/postgresql';
	if (existsSync(debianRoot)) {
		const versions = readdirSync(debianRoot)
			.filter((name) => /^\d+$/.test(name))
			.sort((a, b) => Number(b) - Number(a));
		candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin')));
	}
	const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	if (onPath.status === 0 && onPath.stdout.trim())
		candidates.push(path.dirname(onPath.stdout.trim()));
	const found = candidates.find(
		(dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
	);
	if (!found) throw new Error(`PostgreSQL not found: ${postgresInstallHint}`);
	return found;
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user the
 * Debian package creates; any other user runs it as itself.
 */
function clusterUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		throw new Error(
			'PostgreSQL cannot run as root and there is no "postgres" user: install the postgresql package',
		);
	}
}

/**
 * A throw-away PostgreSQL cluster for one test file: initdb into a temporary folder, a free port
 * on 127.0.0.1, trust authentication, no fsync. n8n's queue mode needs a database every process
 * can write at once; with SQLite the workers' and the main process's writes collide (SQLITE_BUSY
 * while a token is being stored was seen in this test), which is why n8n calls SQLite in queue
 * mode "not officially supported".
 */
export class PostgresServer {
	readonly user = 'n8n';
	readonly database = 'postgres';

	private constructor(
		private readonly child: ChildProcess,
		readonly port: number,
		private readonly dataDir: string,
	) {}

	static async start(logDir: string, timeoutMs = 30_000): Promise<PostgresServer> {
		const binDir = postgresBinDir();
		const owner = clusterUser();
		const dataDir = mkdtempSync(path.join(tmpdir(), 'halopsa-e2e-pg-'));
		if (owner) chownSync(dataDir, owner.uid, owner.gid);
		const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
		const init = spawnSync(
			path.join(binDir, 'initdb'),
			['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
			{ ...asOwner, cwd: dataDir, encoding: 'utf8' },
		);
		if (init.status !== 0) {
			rmSync(dataDir, { recursive: true, force: true });
			throw new Error(`initdb failed (${init.status}): ${init.stderr || String(init.error)}`);
		}
		const port = await freePort();
		const log = createWriteStream(path.join(logDir, 'postgres.log'));
		const child = spawn(
			path.join(binDir, 'postgres'),
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-k',
				dataDir,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
			],
			{ ...asOwner, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		const server = new PostgresServer(child, port, dataDir);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline && child.exitCode === null) {
			const ready = spawnSync(
				path.join(binDir, 'pg_isready'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres'],
				{ encoding: 'utf8' },
			);
			if (ready.status === 0) return server;
			await sleep(100);
		}
		await server.stop();
		throw new Error(
			`PostgreSQL did not accept connections on port ${port}; see ${logDir}/postgres.log`,
		);
	}

	/** The settings n8n reads to use this database (DB_TYPE=postgresdb). */
	n8nEnv(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	/** SIGINT is PostgreSQL's fast shutdown; the cluster's folder goes with it. */
	async stop(): Promise<void> {
		await terminate(this.child, 10_000, 'SIGINT');
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
