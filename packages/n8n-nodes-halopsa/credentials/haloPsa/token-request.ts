import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	backoffDelayMs,
	errorCode,
	isCertificateErrorCode,
	isConnectionErrorCode,
	parseRetryAfterMs,
	RATE_LIMIT_BACKOFF,
	TRANSIENT_BACKOFF,
	TRANSIENT_STATUSES,
} from '../../nodes/HaloPsa/transport/retry';
import { HaloCredentialError } from './config-error';
import { tokenErrorFromResponse, type TokenRequestFacts } from './token-errors';
import { normaliseResourceUrl, tokenUrl } from './urls';

function requiredText(value: unknown, field: string, where: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new HaloCredentialError(`${field} is empty`, `Copy it from ${where}.`);
	return text;
}

const APPLICATION_SCREEN =
	'Configuration > Integrations > Halo PSA API > View Applications > your application in Halo';

/** Everything the token request needs, validated before anything is sent. */
export function describeTokenRequest(
	credentials: ICredentialDataDecryptedObject,
): TokenRequestFacts {
	const url = tokenUrl(credentials.hostingType, credentials.authUrl, credentials.tenant);
	// Checked here too so a wrong Resource Server URL is refused before any request.
	normaliseResourceUrl(credentials.resourceUrl);
	const clientId = requiredText(credentials.clientId, 'Client ID', APPLICATION_SCREEN);
	const clientSecret = requiredText(credentials.clientSecret, 'Client Secret', APPLICATION_SCREEN);
	const scopeText = typeof credentials.scope === 'string' ? credentials.scope.trim() : '';
	// Space-separated, default `all` (api-notes §1.2); an empty scope gives tokens that open nothing.
	const scope = scopeText === '' ? 'all' : scopeText.split(/\s+/).join(' ');
	return {
		url,
		hosted: credentials.hostingType === 'hosted',
		clientId,
		clientSecret,
		scope,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
}

function unreachable(facts: TokenRequestFacts, code: string | undefined): HaloCredentialError {
	if (isCertificateErrorCode(code)) {
		return new HaloCredentialError(
			`The certificate of the HaloPSA Authorisation Server at ${facts.url} is not trusted`,
			`For an on-premise Halo with a self-signed certificate, turn on "Ignore SSL Issues" in the credential. (${code})`,
		);
	}
	return new HaloCredentialError(
		`Could not reach the HaloPSA Authorisation Server at ${facts.url}`,
		`Check the HaloPSA Authorisation Server URL (Halo: Configuration > Integrations > Halo API > API Details) and that n8n can reach that host. The connection failed with ${code ?? 'an unknown network error'}.`,
	);
}

/**
 * Client-credentials token request (api-notes §1.2): a form POST, retried on 429, 502, 503, 504
 * and broken connections (a token request changes nothing on the server, so it is always safe to
 * repeat). Only the access token leaves this function; failures become HaloCredentialErrors built
 * from scratch, so no request options (which hold the client secret) ride along in an error.
 */
export async function requestAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const facts = describeTokenRequest(credentials);
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: facts.clientId,
		client_secret: facts.clientSecret,
		scope: facts.scope,
	}).toString();

	let rateLimitRetries = 0;
	let transientRetries = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: facts.url,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: form,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				skipSslCertificateValidation: facts.skipSslCertificateValidation,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const code = errorCode(error);
			if (isConnectionErrorCode(code) && transientRetries < TRANSIENT_BACKOFF.maxRetries) {
				await sleep(backoffDelayMs(TRANSIENT_BACKOFF, transientRetries++));
				continue;
			}
			throw unreachable(facts, code);
		}

		const status = response.statusCode;
		const body = response.body as unknown;
		if (status >= 200 && status < 300) {
			const token = (body as { access_token?: unknown } | undefined)?.access_token;
			if (typeof token === 'string' && token !== '') return token;
			throw new HaloCredentialError(
				`The HaloPSA Authorisation Server at ${facts.url} answered without an access token`,
				'The URL probably points at a web page rather than Halo’s authorisation server. Copy the HaloPSA Authorisation Server URL from Configuration > Integrations > Halo API > API Details (it usually ends in /auth).',
			);
		}
		const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after']);
		if (status === 429 && rateLimitRetries < RATE_LIMIT_BACKOFF.maxRetries) {
			await sleep(backoffDelayMs(RATE_LIMIT_BACKOFF, rateLimitRetries++, retryAfterMs));
			continue;
		}
		if (TRANSIENT_STATUSES.has(status) && transientRetries < TRANSIENT_BACKOFF.maxRetries) {
			await sleep(backoffDelayMs(TRANSIENT_BACKOFF, transientRetries++, retryAfterMs));
			continue;
		}
		throw tokenErrorFromResponse(facts, status, body, rateLimitRetries + transientRetries);
	}
}
