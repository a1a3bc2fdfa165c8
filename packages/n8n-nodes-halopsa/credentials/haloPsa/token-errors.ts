import { HaloCredentialError } from './config-error';

export interface TokenRequestFacts {
	url: string;
	hosted: boolean;
	clientId: string;
	clientSecret: string;
	scope: string;
	skipSslCertificateValidation: boolean;
}

const APPLICATION_SCREEN =
	'Configuration > Integrations > Halo PSA API > View Applications > your application';

/** Halo's own words from a token error: RFC 6749 `error` / `error_description` or plain text. */
function haloWords(body: unknown, secret: string): { error?: string; text: string } {
	let error: string | undefined;
	let text = '';
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
		const record = body as Record<string, unknown>;
		if (typeof record.error === 'string') error = record.error;
		const candidates = [record.error_description, record.Message, record.message, record.error];
		text = (candidates.find((value) => typeof value === 'string' && value !== '') as string) ?? '';
	} else if (typeof body === 'string') {
		text = /^\s*</.test(body) ? 'an HTML page' : body.trim();
	}
	if (text.length > 300) text = `${text.slice(0, 300)}…`;
	// Should a server ever echo the form back, the secret still must not reach the user.
	if (secret !== '') text = text.split(secret).join('[redacted]');
	return { error, text };
}

type Explain = (facts: TokenRequestFacts, text: string) => [message: string, description: string];

/** RFC 6749 §5.2 error codes Halo's OpenIddict server answers with (api-notes §1.1, §1.6). */
const OAUTH_ERRORS: Record<string, Explain> = {
	invalid_client: () => [
		'Halo did not accept the Client ID and Client Secret (invalid_client)',
		`Copy both again from ${APPLICATION_SCREEN}. The Client ID may change after saving the application, so copy it after the last save. The application's Authentication Method must be "Client ID and Secret (Services)".`,
	],
	invalid_scope: (facts) => [
		`Halo refused the scope "${facts.scope}" (invalid_scope)`,
		`The API application is not allowed that scope. Grant it on the application's Permissions tab (${APPLICATION_SCREEN}), or set the credential's Scope to permissions the application has (Halo recommends "all").`,
	],
	unauthorized_client: () => [
		'The Halo API application may not use client credentials (unauthorized_client)',
		`Set its Authentication Method to "Client ID and Secret (Services)" and its Login Type to Agent (${APPLICATION_SCREEN}).`,
	],
	unsupported_grant_type: () => [
		'The Halo API application may not use client credentials (unsupported_grant_type)',
		`Set its Authentication Method to "Client ID and Secret (Services)" and its Login Type to Agent (${APPLICATION_SCREEN}).`,
	],
};

/** What to say, per HTTP status, when the OAuth error code does not already say it. */
const STATUS_ERRORS: Record<string, Explain> = {
	'404': (facts) => [
		`There is no token endpoint at ${facts.url}`,
		'Check the HaloPSA Authorisation Server URL: copy it from Configuration > Integrations > Halo API > API Details (it usually ends in /auth).',
	],
	'429': (_facts, text) => [
		'Halo’s rate limit refused the token request',
		`Halo allows 300 requests per rolling 5 minutes per application; the token request waited and was retried, and Halo still refused it. Wait a few minutes before running again.${text ? ` Halo said: ${text}` : ''}`,
	],
	'5xx': (_facts, text) => [
		'The HaloPSA Authorisation Server failed to issue a token',
		`Halo answered with a server error several times in a row; try again later.${text ? ` Halo said: ${text}` : ''}`,
	],
};

const TENANT_UNKNOWN: Explain = (_facts, text) => [
	'Halo does not know this Tenant',
	`Copy the Tenant from Configuration > Integrations > Halo API > API Details (for https://acme.halopsa.com it is usually "acme"). Halo said: ${text}`,
];

export function tokenErrorFromResponse(
	facts: TokenRequestFacts,
	status: number,
	body: unknown,
	retries: number,
): HaloCredentialError {
	const { error, text } = haloWords(body, facts.clientSecret);
	let explain: Explain | undefined;
	if (facts.hosted && /tenant/i.test(text)) explain = TENANT_UNKNOWN;
	explain ??= error ? OAUTH_ERRORS[error] : undefined;
	explain ??= STATUS_ERRORS[String(status)] ?? (status >= 500 ? STATUS_ERRORS['5xx'] : undefined);
	if (explain) {
		const [message, description] = explain(facts, text);
		return new HaloCredentialError(
			message,
			retries > 0 ? `${description} (${retries} retries)` : description,
		);
	}
	return new HaloCredentialError(
		`Halo refused the token request (HTTP ${status})`,
		`${text ? `Halo said: ${text}. ` : ''}Check the credential's values against Configuration > Integrations > Halo API > API Details and ${APPLICATION_SCREEN}.`,
	);
}
