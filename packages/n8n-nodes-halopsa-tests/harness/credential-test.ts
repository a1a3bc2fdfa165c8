/**
 * n8n's credential test ("Test" / "Save" in the credential dialog) as n8n 2.40.7 runs a
 * request-style `test` (`dist/services/credentials-tester.service.js` `runRequestTest`): the
 * request goes out as a `noOp` node with parameter `temp: ''` (which makes `preAuthentication`
 * fetch a fresh token every time) through `httpRequestWithAuthentication`, and a failure becomes
 * a message by the tester's own rules. The RoutingNode between them adds `returnFullResponse`
 * and a 300 s timeout, reproduced here; its expression resolution is not needed (the test
 * request has no expressions).
 */
import type { ICredentialTestRequest, INodeCredentialTestResult } from 'n8n-workflow';

import type { CredentialStore } from './credentials';
import { createExecuteContext } from './context';

export async function runCredentialTest(
	store: CredentialStore,
): Promise<INodeCredentialTestResult> {
	const test = store.credentialType.test as ICredentialTestRequest | undefined;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };
	const context = createExecuteContext({
		credentials: store,
		node: { name: 'Temp-Node', type: 'n8n-nodes-base.noOp' },
		parameters: { temp: '' },
	});
	try {
		const request = {
			qs: {},
			body: {},
			headers: {},
			...test.request,
			timeout: 300_000,
			returnFullResponse: true,
		};
		await context.helpers.httpRequestWithAuthentication.call(context, store.type, request as never);
	} catch (error) {
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		if (cause?.response) {
			const statusCode = cause.response.status;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
