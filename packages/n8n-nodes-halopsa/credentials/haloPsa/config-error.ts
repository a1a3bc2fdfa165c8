import { UserError } from 'n8n-workflow';

/**
 * A credential problem the user can fix, raised before or by the token request.
 *
 * It deliberately carries only a message and a description: no `code`, `status` or `response`.
 * n8n wraps whatever `preAuthentication` throws in a NodeApiError, whose constructor replaces
 * the message when it finds a status or a network error code, and its credential tester shows
 * `cause.code` instead of the message when there is one (n8n 2.40.7
 * `credentials-tester.service.js`). Keeping those fields off keeps this text in front of the user.
 * It never holds the client secret or a token: nothing here is built from the request.
 */
export class HaloCredentialError extends UserError {
	constructor(message: string, description: string) {
		super(message, { description, level: 'warning' });
		this.name = 'HaloCredentialError';
	}
}
