#!/usr/bin/env node
import { DEFAULTS, startSandbox } from './index';
import type { RateLimitSettings, SandboxOptions } from './types';

const HELP = `halopsa-sandbox: a local HaloPSA (auth server and REST API) for testing integrations

Usage: halopsa-sandbox [options]

  --port <n>                 port to listen on; 0 picks a free one (default 0)
  --host <host>              interface to listen on (default ${DEFAULTS.host})
  --tenant <name>            tenant for hosted-style token requests (default ${DEFAULTS.tenant})
  --client-id <id>           client id of the API application (default ${DEFAULTS.clientId})
  --client-secret <secret>   its client secret (default ${DEFAULTS.clientSecret})
  --tickets <n>              number of generated tickets (default ${DEFAULTS.tickets})
  --seed <n>                 seed of the data generator (default ${DEFAULTS.seed})
  --latency <ms>             latency added to every request (default 0)
  --rate-limit <n>/<s>|off   requests per rolling window of s seconds (default 300/300)
  --token-ttl <seconds>      lifetime of issued tokens (default ${DEFAULTS.tokenTtlSeconds})
  --help                     show this help

Admin routes (not Halo) live under /_sandbox/: see the package README.`;

export class UsageError extends Error {}

function integer(flag: string, value: string, min: number): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < min) {
		throw new UsageError(`${flag} needs an integer of at least ${min}, got '${value}'`);
	}
	return parsed;
}

function rateLimit(value: string): RateLimitSettings | false {
	if (value === 'off') return false;
	const match = /^(\d+)\/(\d+)$/.exec(value);
	if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
		throw new UsageError(
			`--rate-limit needs <requests>/<seconds> (e.g. 300/300) or off, got '${value}'`,
		);
	}
	return { requests: Number(match[1]), windowSeconds: Number(match[2]) };
}

/** Parses the command line into sandbox options; `undefined` means help was asked for. */
export function parseArguments(argv: string[]): SandboxOptions | undefined {
	const options: SandboxOptions = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return undefined;
		const eq = arg.indexOf('=');
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const next = () => {
			if (eq > 0) return arg.slice(eq + 1);
			const value = argv[++i];
			if (value === undefined) throw new UsageError(`${flag} needs a value`);
			return value;
		};
		switch (flag) {
			case '--port':
				options.port = integer(flag, next(), 0);
				break;
			case '--host':
				options.host = next();
				break;
			case '--tenant':
				options.tenant = next();
				break;
			case '--client-id':
				options.clientId = next();
				break;
			case '--client-secret':
				options.clientSecret = next();
				break;
			case '--tickets':
				options.tickets = integer(flag, next(), 0);
				break;
			case '--seed':
				options.seed = integer(flag, next(), 0);
				break;
			case '--latency':
				options.latencyMs = integer(flag, next(), 0);
				break;
			case '--rate-limit':
				options.rateLimit = rateLimit(next());
				break;
			case '--token-ttl':
				options.tokenTtlSeconds = integer(flag, next(), 1);
				break;
			default:
				throw new UsageError(`Unknown option '${arg}' (see --help)`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	let options: SandboxOptions | undefined;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`halopsa-sandbox: ${error.message}\n`);
		process.exitCode = 2;
		return;
	}
	if (!options) {
		process.stdout.write(`${HELP}\n`);
		return;
	}
	const started = performance.now();
	const sandbox = await startSandbox(options);
	const limit = options.rateLimit ?? DEFAULTS.rateLimit;
	// The secret is never printed: whoever passed it knows it, and the default is in --help.
	process.stdout.write(
		[
			`HaloPSA sandbox ready in ${Math.round(performance.now() - started)} ms`,
			`  Authorisation server: ${sandbox.authUrl}`,
			`  Resource server:      ${sandbox.resourceUrl}`,
			`  Tenant:               ${sandbox.tenant}`,
			`  Client ID:            ${sandbox.clientId}`,
			`  Rate limit:           ${limit ? `${limit.requests} requests / ${limit.windowSeconds} s` : 'off'}`,
			`  Admin:                ${sandbox.url}/_sandbox/`,
			'',
		].join('\n'),
	);

	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`Received ${signal}, stopping.\n`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(
			`halopsa-sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	});
}
