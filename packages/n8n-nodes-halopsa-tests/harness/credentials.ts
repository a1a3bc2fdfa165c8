/**
 * The parts of n8n's credential handling that touch a request, reproduced from n8n 2.40.7
 * `dist/credentials-helper.js` (`preAuthentication`, `authenticate`) and n8n-core 2.40.3
 * `request-helpers/authentication.js` (`httpRequestWithAuthentication`).
 *
 * A CredentialStore plays the part of n8n's database row: every context built on the same store
 * reads the same token, and a token fetched by one is saved for all, as queue-mode workers share
 * one database. Left out: encryption, expressions in credential values, the "Allowed HTTP Request
 * Domains" restriction on the token request, OAuth1/OAuth2 credentials, and the eval mock handler.
 */
import {
	deepCopy,
	isExpression,
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { HaloPsaClientCredentialsApi } from 'n8n-nodes-halopsa/credentials/HaloPsaClientCredentialsApi.credentials';
import { n8nHttpRequest, removeEmptyBody } from './http';

export interface CredentialStore {
	type: string;
	credentialType: ICredentialType;
	/** What n8n would have saved: the user's values plus the token once one was fetched. */
	data: ICredentialDataDecryptedObject;
	/** How many times `preAuthentication` saved a new token into the store. */
	saves: number;
}

/** Fills absent fields with their defaults, as n8n does when it decrypts a credential. */
function withDefaults(
	properties: INodeProperties[],
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const filled: ICredentialDataDecryptedObject = { ...data };
	for (const property of properties) {
		if (filled[property.name] === undefined) {
			filled[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
	}
	return filled;
}

export function createCredentialStore(
	data: ICredentialDataDecryptedObject,
	credentialType: ICredentialType = new HaloPsaClientCredentialsApi(),
): CredentialStore {
	return {
		type: credentialType.name,
		credentialType,
		data: withDefaults(credentialType.properties, data),
		saves: 0,
	};
}

/** `getCredentials`: a fresh decrypted copy per call, like n8n's. */
export function readCredentials(store: CredentialStore): ICredentialDataDecryptedObject {
	return deepCopy(store.data);
}

export interface PreAuthenticationHelpers {
	helpers: { httpRequest: (options: IHttpRequestOptions) => Promise<unknown> };
}

/** n8n's `CredentialsHelper.preAuthentication`, line for line apart from the domain restriction. */
export async function preAuthentication(
	store: CredentialStore,
	helpers: PreAuthenticationHelpers,
	credentials: ICredentialDataDecryptedObject,
	node: INode,
	credentialsExpired: boolean,
): Promise<ICredentialDataDecryptedObject | undefined> {
	const type = store.credentialType;
	const expirable = type.properties.find(
		(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
	);
	if (expirable?.name === undefined) return undefined;
	const isTestingCredentials = node.parameters?.temp === '' && node.type === 'n8n-nodes-base.noOp';
	if (typeof type.preAuthentication !== 'function') return undefined;
	if (credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials) {
		const output = await type.preAuthentication.call(helpers as never, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			const stored = store.data;
			const toPersist: ICredentialDataDecryptedObject = { ...stored };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(stored[key])) {
					toPersist[key] = value as ICredentialDataDecryptedObject[string];
				}
			}
			store.data = toPersist;
			store.saves++;
			return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
		}
	}
	return undefined;
}

/** `CredentialsHelper.authenticate` for function-style `authenticate` (the only style used here). */
export async function authenticate(
	store: CredentialStore,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authenticate: apply } = store.credentialType;
	if (apply === undefined) return options;
	if (typeof apply !== 'function') {
		throw new Error('The harness only applies function-style authenticate');
	}
	return await apply(credentials, options);
}

export interface AuthenticatedRequestContext {
	node: INode;
	helpers: PreAuthenticationHelpers['helpers'];
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

/**
 * n8n-core's `httpRequestWithAuthentication`: pre-authenticate, authenticate, send; on a 401
 * pre-authenticate again with `credentialsExpired`, re-authenticate and send once more. Every
 * failure leaves as a NodeApiError wrapping the original error, as the engine does.
 */
export async function httpRequestWithAuthentication(
	store: CredentialStore,
	context: AuthenticatedRequestContext,
	credentialsType: string,
	requestOptions: IHttpRequestOptions,
	additionalCredentialOptions?: {
		preAuthenticationRetryStatusCode?: number | number[];
		credentialsDecrypted?: { data?: ICredentialDataDecryptedObject };
	},
): Promise<unknown> {
	removeEmptyBody(requestOptions);
	const helpers = { helpers: context.helpers };
	let credentials: ICredentialDataDecryptedObject | undefined;
	try {
		if (credentialsType !== store.type) {
			throw new NodeOperationError(
				context.node,
				`Node "${context.node.name}" does not have any credentials of type "${credentialsType}" set`,
				{ level: 'warning' },
			);
		}
		credentials =
			additionalCredentialOptions?.credentialsDecrypted?.data ??
			(await context.getCredentials(credentialsType));
		const data = await preAuthentication(store, helpers, credentials, context.node, false);
		if (data) Object.assign(credentials, data);
		requestOptions = await authenticate(store, credentials, requestOptions);
		return await n8nHttpRequest(requestOptions);
	} catch (error) {
		const retryCodes = additionalCredentialOptions?.preAuthenticationRetryStatusCode ?? 401;
		const status = (error as { response?: { status?: number } }).response?.status;
		const expired = Array.isArray(retryCodes)
			? status !== undefined && retryCodes.includes(status)
			: status === retryCodes;
		if (expired && credentials !== undefined) {
			try {
				const data = await preAuthentication(store, helpers, credentials, context.node, true);
				if (data) Object.assign(credentials, data);
				requestOptions = await authenticate(store, credentials, requestOptions);
				return await n8nHttpRequest(requestOptions);
			} catch (retryError) {
				throw new NodeApiError(context.node, retryError as never);
			}
		}
		throw new NodeApiError(context.node, error as never);
	}
}
