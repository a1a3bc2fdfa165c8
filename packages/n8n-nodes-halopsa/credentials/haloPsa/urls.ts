import { HaloCredentialError } from './config-error';

export type HostingType = 'onPremise' | 'hosted';

const API_DETAILS = 'Configuration > Integrations > Halo API > API Details';

/** Characters that would change the token URL's meaning if a tenant carried them. */
const TENANT_FORBIDDEN = /[/?#@\s]/;

function tryParseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function parseHttpUrl(raw: unknown, field: string, example: string): URL {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') {
		throw new HaloCredentialError(
			`${field} is empty`,
			`Copy it from Halo's ${API_DETAILS} screen, e.g. ${example}.`,
		);
	}
	const url = tryParseUrl(text);
	if (url === undefined) {
		throw new HaloCredentialError(
			`${field} is not a URL: "${text}"`,
			`Give the full address including https://, e.g. ${example}.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new HaloCredentialError(
			`${field} must start with https:// or http://`,
			`It is "${text}". Copy it from Halo's ${API_DETAILS} screen, e.g. ${example}.`,
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new HaloCredentialError(
			`${field} must not contain "?" or "#"`,
			`It is "${text}". Give only the address, e.g. ${example}; the tenant has its own field.`,
		);
	}
	if (url.username !== '' || url.password !== '') {
		throw new HaloCredentialError(
			`${field} must not contain a user name or password`,
			`Give only the address, e.g. ${example}; the Client ID and Secret have their own fields.`,
		);
	}
	return url;
}

function withoutTrailingSlashes(path: string): string {
	return path.replace(/\/+$/, '');
}

/**
 * The authorisation server's base URL without a trailing slash. A URL pasted with `/token`
 * already on it is accepted and the suffix dropped, so the token URL never becomes `/token/token`.
 * A bare host is kept as it is: Halo-hosted auth servers may live at the root of their own host
 * (api-notes §1.1, `https://auth.haloservicedesk.com`).
 */
export function normaliseAuthUrl(raw: unknown): string {
	const url = parseHttpUrl(
		raw,
		'HaloPSA Authorisation Server URL',
		'https://acme.halopsa.com/auth',
	);
	let path = withoutTrailingSlashes(url.pathname);
	if (/\/token$/i.test(path)) path = withoutTrailingSlashes(path.slice(0, -'/token'.length));
	return `${url.origin}${path}`;
}

/**
 * The resource server's base URL, always ending in `/api` (api-notes §2.1: Halo's REST API lives
 * under `/api`). A bare host gets `/api` appended, because that is the only place the API can be.
 * Any other path that does not end in `/api` is refused rather than guessed: appending would turn
 * `https://acme.halopsa.com/api/Tickets` into a wrong URL without telling anyone.
 */
export function normaliseResourceUrl(raw: unknown): string {
	const example = 'https://acme.halopsa.com/api';
	const url = parseHttpUrl(raw, 'Resource Server URL', example);
	const path = withoutTrailingSlashes(url.pathname);
	if (path === '') return `${url.origin}/api`;
	if (/\/api$/i.test(path)) return `${url.origin}${path}`;
	throw new HaloCredentialError(
		'Resource Server URL should end in /api',
		`It is "${url.href}". Copy the Resource Server from Halo's ${API_DETAILS} screen, e.g. ${example}.`,
	);
}

/** The tenant for a hosted token URL, refused before any request when it could break the URL. */
export function validateTenant(raw: unknown): string {
	const tenant = typeof raw === 'string' ? raw.trim() : '';
	if (tenant === '') {
		throw new HaloCredentialError(
			'Tenant is required for a Hosted Solution of Halo',
			`Copy it from Halo's ${API_DETAILS} screen (for https://acme.halopsa.com it is usually "acme"), or choose Hosting Type "On-Premise Solution".`,
		);
	}
	if (TENANT_FORBIDDEN.test(tenant)) {
		throw new HaloCredentialError(
			`Tenant "${tenant}" is not valid: it must not contain "/", "?", "#", "@" or spaces`,
			`Give only the tenant name shown on Halo's ${API_DETAILS} screen, e.g. "acme", not a URL.`,
		);
	}
	return tenant;
}

/**
 * `<auth url>/token` on-premise, `<auth url>/token?tenant=<tenant>` hosted (api-notes §1.1,
 * §1.2: the tenant parameter is only for hosted instances).
 */
export function tokenUrl(hostingType: unknown, authUrl: unknown, tenant: unknown): string {
	const base = `${normaliseAuthUrl(authUrl)}/token`;
	if (hostingType !== 'hosted') return base;
	return `${base}?tenant=${encodeURIComponent(validateTenant(tenant))}`;
}
