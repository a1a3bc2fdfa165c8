import type { SandboxContext } from './context';
import { json, type Reply } from './reply';
import type { AgentPermissions, ApiApplication, FaultRule, RateLimitSettings } from '../types';

function parse(body: Buffer): unknown {
	if (body.length === 0) return undefined;
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		return undefined;
	}
}

function problem(status: number, message: string): Reply {
	return json(status, { error: message });
}

export function settingsOf(ctx: SandboxContext) {
	return {
		latencyMs: ctx.settings.latencyMs,
		rateLimit: ctx.rateLimiter.current(),
		tokenTtlSeconds: ctx.settings.tokenTtlSeconds,
	};
}

interface SettingsBody {
	latencyMs?: number;
	rateLimit?: RateLimitSettings | false;
	tokenTtlSeconds?: number;
}

/**
 * The sandbox's own control routes under `/_sandbox/` (not Halo; no token needed, since the
 * sandbox listens on loopback by default). Documented in the package README.
 */
export function handleAdmin(
	ctx: SandboxContext,
	method: string,
	segments: string[],
	_query: Record<string, string>,
	body: Buffer,
): Reply {
	const route = `${method} ${segments[0] ?? ''}`;
	switch (route) {
		case 'GET requests':
			return json(200, ctx.log.all());
		case 'DELETE requests':
			ctx.log.reset();
			return json(200, { cleared: true });
		case 'GET faults':
			return json(200, ctx.faults.list());
		case 'PUT faults': {
			const rules = parse(body);
			if (!Array.isArray(rules) || rules.some((rule) => typeof rule?.path !== 'string')) {
				return problem(400, 'Send a JSON array of fault rules, each with a path.');
			}
			ctx.faults.set(rules as FaultRule[]);
			return json(200, ctx.faults.list());
		}
		case 'DELETE faults':
			ctx.faults.clear();
			return json(200, []);
		case 'POST revoke-tokens':
			ctx.tokens.revokeAll();
			return json(200, { revoked: true });
		case 'GET store': {
			const collection = segments[1];
			if (!collection || !ctx.store.has(collection)) {
				return problem(
					404,
					`Unknown collection '${collection ?? ''}'. Known: ${ctx.store.names().join(', ')}.`,
				);
			}
			return json(200, ctx.store.rows(collection));
		}
		case 'GET settings':
			return json(200, settingsOf(ctx));
		case 'PUT settings': {
			const settings = parse(body) as SettingsBody | undefined;
			if (typeof settings !== 'object' || settings === null)
				return problem(400, 'Send a JSON object.');
			if (settings.latencyMs !== undefined)
				ctx.settings.latencyMs = Math.max(0, Number(settings.latencyMs));
			if (settings.tokenTtlSeconds !== undefined)
				ctx.settings.tokenTtlSeconds = Number(settings.tokenTtlSeconds);
			if (settings.rateLimit !== undefined) ctx.rateLimiter.configure(settings.rateLimit);
			return json(200, settingsOf(ctx));
		}
		case 'GET deliveries':
			return json(200, ctx.webhooks.deliveries());
		case 'POST applications': {
			const app = parse(body) as ApiApplication | undefined;
			if (
				!app ||
				typeof app.clientId !== 'string' ||
				typeof app.clientSecret !== 'string' ||
				!Array.isArray(app.scopes)
			) {
				return problem(400, 'Send an application: {clientId, clientSecret, scopes, agentId}.');
			}
			ctx.applications.add({ ...app, agentId: Number(app.agentId ?? 1) });
			return json(200, { clientId: app.clientId });
		}
		case 'PUT agent-permissions': {
			const agentId = Number(segments[1]);
			const permissions = parse(body) as AgentPermissions | undefined;
			if (
				!Number.isInteger(agentId) ||
				!permissions ||
				!Array.isArray(permissions.read) ||
				!Array.isArray(permissions.edit)
			) {
				return problem(
					400,
					'Use PUT /_sandbox/agent-permissions/<agentId> with {read: [...], edit: [...]}.',
				);
			}
			ctx.applications.setAgentPermissions(agentId, permissions);
			return json(200, ctx.applications.agentPermissionsOf(agentId));
		}
		default:
			return problem(404, `No sandbox route ${method} /_sandbox/${segments.join('/')}.`);
	}
}
