import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeApi } from '../api/router';
import { haloError, unauthorized } from '../api/errors';
import { issueToken } from '../auth/token-endpoint';
import type { RequestLogEntry } from '../types';
import { handleAdmin } from './admin-routes';
import type { SandboxContext } from './context';
import { json, type Reply } from './reply';
import { tooManyRequests } from './rate-limit';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function splitUrl(rawUrl: string): { path: string; query: Record<string, string> } {
	const mark = rawUrl.indexOf('?');
	const path = mark < 0 ? rawUrl : rawUrl.slice(0, mark);
	const query: Record<string, string> = {};
	if (mark >= 0)
		for (const [key, value] of new URLSearchParams(rawUrl.slice(mark + 1))) query[key] = value;
	return { path, query };
}

function lowerKeys(query: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of Object.keys(query)) out[key.toLowerCase()] = query[key];
	return out;
}

function write(res: ServerResponse, reply: Reply): void {
	const headers: Record<string, string | number> = { ...reply.headers };
	headers['content-length'] = reply.body === undefined ? 0 : Buffer.byteLength(reply.body);
	res.writeHead(reply.status, headers);
	res.end(reply.body);
}

function bearerToken(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const match = /^bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1];
}

/** Steps 4-6 for the resource server: authenticate, rate-limit, route. */
function handleApi(
	ctx: SandboxContext,
	req: IncomingMessage,
	entry: RequestLogEntry,
	segments: string[],
	query: Record<string, string>,
	body: Buffer,
): Reply {
	// GET /api/authinfo needs no token (api-notes §1.1).
	if (segments.length === 1 && segments[0].toLowerCase() === 'authinfo' && req.method === 'GET') {
		return json(200, { auth_url: ctx.urls.authUrl, tenant_id: ctx.tenant });
	}

	// 4. auth: a missing, unknown, revoked or expired token is a 401 (§1.6).
	const token = bearerToken(req.headers.authorization);
	if (!token) return unauthorized('No bearer token was sent');
	const grant = ctx.tokens.lookup(token);
	if (grant === undefined) return unauthorized('The token is not valid');
	if (grant === 'expired') return unauthorized('The token is expired');
	entry.token = grant.fingerprint;
	entry.application = grant.clientId;
	const app = ctx.applications.find(grant.clientId);
	if (!app) return unauthorized('The application of this token no longer exists');
	if (grant.scopes.length === 0) return unauthorized('The token was issued without a scope');

	// 5. rate limit, per API application (§3.1).
	const retryAfter = ctx.rateLimiter.admit(app.clientId);
	if (retryAfter !== undefined) return tooManyRequests(ctx.rateLimiter, retryAfter);

	// 6. route
	return routeApi(ctx, {
		method: req.method ?? 'GET',
		segments,
		query: lowerKeys(query),
		body,
		grant,
		app,
	});
}

function countItems(body: Buffer): number | undefined {
	if (body.length === 0) return undefined;
	try {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		return Array.isArray(parsed) ? parsed.length : 1;
	} catch {
		return undefined;
	}
}

/**
 * The request pipeline: log → latency → faults → auth → rate limit → route. Admin routes under
 * `/_sandbox/` skip all of it: they are not Halo and never show up in the request log.
 */
export function createRequestHandler(ctx: SandboxContext) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		handle(ctx, req, res).catch((error: unknown) => {
			if (!res.headersSent && !res.destroyed) {
				write(res, haloError(500, error instanceof Error ? error.message : 'Internal error'));
			}
		});
	};
}

async function handle(
	ctx: SandboxContext,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const started = performance.now();
	const method = req.method ?? 'GET';
	const { path, query } = splitUrl(req.url ?? '/');
	const segments = path
		.split('/')
		.filter((segment) => segment !== '')
		.map(decodeURIComponent);

	if (segments[0] === '_sandbox') {
		const body = await readBody(req);
		write(res, handleAdmin(ctx, method, segments.slice(1), query, body));
		return;
	}

	// 1. log
	const entry = ctx.log.begin(method, path, query);
	const finish = (reply: Reply | 'drop') => {
		entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
		if (reply === 'drop') {
			req.socket.destroy();
			return;
		}
		entry.status = reply.status;
		write(res, reply);
	};

	// 2. latency
	if (ctx.settings.latencyMs > 0) await sleep(ctx.settings.latencyMs);

	// 3. faults
	const fault = ctx.faults.take(method, path);
	if (fault?.delayMs) {
		entry.fault = 'delay';
		await sleep(fault.delayMs);
	}
	if (fault?.drop === 'before') {
		entry.fault = 'drop-before';
		finish('drop');
		return;
	}
	if (fault?.status !== undefined) {
		entry.fault = 'status';
		finish(faultReply(ctx, fault.status, fault.body));
		return;
	}

	const body = await readBody(req);
	if (method === 'POST' && segments[0]?.toLowerCase() === 'api') entry.bodyItems = countItems(body);

	let reply: Reply;
	const area = segments[0]?.toLowerCase();
	if (area === 'api') {
		reply = handleApi(ctx, req, entry, segments.slice(1), query, body);
	} else if (area === 'auth' && segments.length === 2 && segments[1].toLowerCase() === 'token') {
		entry.isTokenRequest = true;
		if (method !== 'POST') {
			reply = haloError(405, 'Use POST for token requests.');
		} else {
			const outcome = issueToken(ctx, { query, headers: req.headers, body });
			entry.application = outcome.application;
			reply = outcome.reply;
		}
	} else {
		reply = haloError(404, `Nothing is served at ${path}.`);
	}

	if (fault?.drop === 'after') {
		// The request took effect; the client never hears of it.
		entry.fault = 'drop-after';
		entry.status = reply.status;
		finish('drop');
		return;
	}
	finish(reply);
}

function faultReply(ctx: SandboxContext, status: number, body: unknown): Reply {
	if (body !== undefined)
		return typeof body === 'string'
			? { status, body, headers: { 'content-type': 'text/plain; charset=utf-8' } }
			: json(status, body);
	if (status === 429)
		return {
			status,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: ctx.rateLimiter.message(),
		};
	if (status === 401) return unauthorized('The token is not valid');
	return haloError(status, `Injected fault: HTTP ${status}.`);
}
