/** A sandbox per test file or test, and credentials pointing at it in either hosting mode. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { startSandbox, type Sandbox, type SandboxOptions } from 'halopsa-sandbox';

import { createCredentialStore, type CredentialStore } from './credentials';

export type { Sandbox, SandboxOptions };

/** Starts a sandbox on a free port with Halo's rate limit off unless the test asks for it. */
export async function startHaloSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ port: 0, rateLimit: false, ...options });
}

/** The values a user would type for an on-premise Halo (no tenant). */
export function onPremiseCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		hostingType: 'onPremise',
		authUrl: sandbox.authUrl,
		resourceUrl: sandbox.resourceUrl,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
		scope: 'all',
		...overrides,
	};
}

/** The values a user would type for a Halo-hosted instance (with the sandbox's tenant). */
export function hostedCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		hostingType: 'hosted',
		authUrl: sandbox.authUrl,
		resourceUrl: sandbox.resourceUrl,
		tenant: sandbox.tenant,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
		scope: 'all',
		...overrides,
	};
}

/** A credential store (n8n's saved credential) for the sandbox; on-premise unless `hosted`. */
export function sandboxCredentialStore(
	sandbox: Sandbox,
	options: { hosted?: boolean; overrides?: ICredentialDataDecryptedObject } = {},
): CredentialStore {
	const values = options.hosted
		? hostedCredentials(sandbox, options.overrides)
		: onPremiseCredentials(sandbox, options.overrides);
	return createCredentialStore(values);
}
