import type { SandboxContext } from '../server/context';
import { tooManyRequests } from '../server/rate-limit';
import { json, type Reply } from '../server/reply';
import type { ApiApplication } from '../types';
import { KNOWN_SCOPES, scopesAllow } from './permissions';
import type { PermissionArea } from '../api/catalogue';

export interface TokenRequest {
	query: Record<string, string>;
	headers: { authorization?: string; 'content-type'?: string };
	body: Buffer;
}

export interface TokenOutcome {
	reply: Reply;
	/** Client id of a known application, for the log and the rate limit. */
	application?: string;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** RFC 6749 error bodies, as OpenIddict (Halo's auth server, api-notes §1.1) sends them. */
function oauthError(status: number, error: string, description: string): Reply {
	return json(status, { error, error_description: description }, NO_STORE);
}

/** client_secret_basic: `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	if (!header || !/^basic /i.test(header)) return undefined;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	const unescape = (value: string) => {
		try {
			return decodeURIComponent(value.replace(/\+/g, ' '));
		} catch {
			return value;
		}
	};
	return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}

const SCOPE_AREA = /^(read|edit):(.+)$/;

/** Whether the application may be granted `scope`: it holds it, or a wider one (§1.4). */
function applicationAllowsScope(app: ApiApplication, scope: string): boolean {
	if (app.scopes.includes(scope) || app.scopes.includes('all') || scope === 'offline_access')
		return true;
	const match = SCOPE_AREA.exec(scope);
	if (!match) return false;
	return scopesAllow(app.scopes, match[2] as PermissionArea, match[1] === 'read' ? 'read' : 'edit');
}

/**
 * POST /auth/token with `grant_type=client_credentials` (api-notes §1.2). Hosted style sends
 * `?tenant=`; some clients put `tenant` in the form instead (§1.1), which is accepted too.
 */
export function issueToken(ctx: SandboxContext, request: TokenRequest): TokenOutcome {
	const contentType = request.headers['content-type'] ?? '';
	if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
		return {
			reply: oauthError(
				400,
				'invalid_request',
				"The specified 'Content-Type' header is invalid: use application/x-www-form-urlencoded.",
			),
		};
	}
	const form = new URLSearchParams(request.body.toString('utf8'));

	// A tenant that is not this instance's is refused [inferred: shape of Halo's answer unknown].
	const tenant = request.query.tenant ?? form.get('tenant') ?? undefined;
	if (tenant !== undefined && tenant !== '' && tenant.toLowerCase() !== ctx.tenant.toLowerCase()) {
		return { reply: oauthError(400, 'invalid_request', `The tenant '${tenant}' does not exist.`) };
	}

	const grantType = form.get('grant_type');
	if (!grantType) {
		return {
			reply: oauthError(400, 'invalid_request', "The mandatory 'grant_type' parameter is missing."),
		};
	}

	const basic = basicCredentials(request.headers.authorization);
	const clientId = basic?.id ?? form.get('client_id') ?? '';
	const clientSecret = basic?.secret ?? form.get('client_secret') ?? '';
	const app = clientId ? ctx.applications.find(clientId) : undefined;
	if (!app || app.clientSecret !== clientSecret) {
		// Wrong id and wrong secret look alike, as in HAPI #19 (§1.6).
		return {
			reply: oauthError(401, 'invalid_client', 'The specified client credentials are invalid.'),
			application: app?.clientId,
		};
	}
	if (grantType !== 'client_credentials') {
		return {
			reply: oauthError(
				400,
				'unsupported_grant_type',
				`The grant type '${grantType}' is not supported by this server.`,
			),
			application: app.clientId,
		};
	}

	const retryAfter = ctx.rateLimiter.admit(app.clientId);
	if (retryAfter !== undefined)
		return { reply: tooManyRequests(ctx.rateLimiter, retryAfter), application: app.clientId };

	// Without `scope` Halo still issues a token, but it opens nothing: every API call is a 401
	// (SERV CHANGELOG 0.1.1, api-notes §1.2).
	const requested = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
	for (const scope of requested) {
		if (!KNOWN_SCOPES.has(scope) || !applicationAllowsScope(app, scope)) {
			return {
				reply: oauthError(
					400,
					'invalid_scope',
					`The scope '${scope}' is not allowed for this application.`,
				),
				application: app.clientId,
			};
		}
	}

	const ttl = ctx.settings.tokenTtlSeconds;
	const token = ctx.tokens.issue(app.clientId, requested, app.agentId, ttl);
	return {
		reply: json(
			200,
			{ access_token: token, token_type: 'Bearer', expires_in: ttl, scope: requested.join(' ') },
			NO_STORE,
		),
		application: app.clientId,
	};
}
