import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { requestAccessToken } from './haloPsa/token-request';
import { normaliseResourceUrl } from './haloPsa/urls';

const API_DETAILS = 'Configuration > Integrations > Halo API > API Details';
const APPLICATION =
	'Configuration > Integrations > Halo PSA API > View Applications > your application';

const ABSOLUTE_URL = /^[a-z][a-z\d+\-.]*:\/\//i;

/** Halo checks the application's permissions and those of its agent (api-notes §1.2, §1.6). */
const FORBIDDEN_MESSAGE =
	'Halo refused permission for Agent/me (403). Halo checks two sets of permissions: the API application’s (its Permissions tab) and the permissions of the agent the application logs in as (that agent’s roles). Check both; with a Scope narrower than "all", also check that the Scope covers what your workflows do.';

/**
 * HaloPSA API application with the Client Credentials method (api-notes §1.2). The token lives in
 * the hidden expirable `accessToken` field: n8n fills it through `preAuthentication` when it is
 * empty, stores it with the credential (so every execution and queue-mode worker shares it), and
 * refreshes it once when Halo answers 401 (n8n-core `httpRequestWithAuthentication`).
 */
export class HaloPsaClientCredentialsApi implements ICredentialType {
	name = 'haloPsaClientCredentialsApi';

	displayName = 'HaloPSA Client Credentials API';

	icon: Icon = {
		light: 'file:../nodes/HaloPsa/halopsa.svg',
		dark: 'file:../nodes/HaloPsa/halopsa.dark.svg',
	};

	documentationUrl = 'https://halopsa.com/apidoc';

	httpRequestNode = {
		name: 'HaloPSA',
		docsUrl: 'https://halopsa.com/apidoc',
		apiBaseUrlPlaceholder: 'https://acme.halopsa.com/api/',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Hosting Type',
			name: 'hostingType',
			type: 'options',
			options: [
				{ name: 'Hosted Solution of Halo', value: 'hosted' },
				{ name: 'On-Premise Solution', value: 'onPremise' },
			],
			default: 'hosted',
			description: `As shown on Halo's ${API_DETAILS} screen`,
		},
		{
			displayName: 'HaloPSA Authorisation Server URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.halopsa.com/auth',
			description: `"Authorisation Server" on Halo's ${API_DETAILS} screen`,
		},
		{
			displayName: 'Resource Server URL',
			name: 'resourceUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.halopsa.com/api',
			description: `"Resource Server" on Halo's ${API_DETAILS} screen; it ends in /api`,
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description: `"Tenant" on Halo's ${API_DETAILS} screen (hosted Halo only)`,
			displayOptions: { show: { hostingType: ['hosted'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: `From ${APPLICATION} (Authentication Method "Client ID and Secret (Services)", Login Type Agent). The Client ID may change after saving the application: copy it after the last save.`,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `From ${APPLICATION}; Halo shows it once, when the application is created`,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept a self-signed or otherwise untrusted certificate, for on-premise servers; applies to the token request and to API requests',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'all',
			hint: 'Space-separated permissions the application has in Halo, e.g. "read:tickets edit:tickets". Halo recommends "all"; leave it unless you want a narrower token.',
			description:
				'Permissions requested for the token; the API application must have them (its Permissions tab)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return { accessToken: await requestAccessToken.call(this, credentials) };
	}

	/**
	 * A function rather than a generic block, so that relative URLs (the node's transport sends
	 * `/Tickets`) get the resource server as base and the SSL option applies to API requests too.
	 * Absolute URLs, as from n8n's HTTP Request node, keep their own base.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const options: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` },
		};
		if (!options.baseURL && typeof options.url === 'string' && !ABSOLUTE_URL.test(options.url)) {
			options.baseURL = normaliseResourceUrl(credentials.resourceUrl);
		}
		if (credentials.ignoreSslIssues === true) options.skipSslCertificateValidation = true;
		return options;
	};

	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/Agent/me' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Halo issued a token but the Resource Server did not accept it (401). Check that the Resource Server URL belongs to the same Halo as the Authorisation Server URL.',
				},
			},
			{ type: 'responseCode', properties: { value: 403, message: FORBIDDEN_MESSAGE } },
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `Halo has no API at this Resource Server URL (404). It should end in /api, as on Halo's ${API_DETAILS} screen, e.g. https://acme.halopsa.com/api.`,
				},
			},
		],
	};
}
