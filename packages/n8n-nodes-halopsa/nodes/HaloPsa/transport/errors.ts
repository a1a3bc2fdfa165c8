/**
 * Failed Halo requests become NodeApiErrors that say what happened, in Halo's words where it gave
 * any, and what to do. The advice per outcome is data (FAILURES), not branches.
 *
 * Each error is built from a redacted summary, never from the error n8n threw: that one carries
 * the request options, whose headers hold the bearer token (n8n keeps a NodeApiError's source in
 * `cause` and serialises parts of it).
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { readHaloMessage, type HaloMessage } from './halo-message';
import { redactValue } from './redact';
import type { HaloMethod } from './types';

export type FailureKind =
	| 'badRequest'
	| 'unauthorized'
	| 'forbidden'
	| 'notFound'
	| 'rateLimited'
	| 'serverError'
	| 'unreachable'
	| 'mayHaveCreated'
	| 'other';

export interface Failure {
	kind: FailureKind;
	method: HaloMethod;
	path: string;
	status?: number;
	/** Network error code, e.g. ECONNRESET. */
	code?: string;
	halo: HaloMessage;
	/** Redacted answer body, for the error's details. */
	body?: unknown;
	/** How many times the request was sent again before giving up. */
	retries: number;
	/** Display name of the record type, e.g. "Ticket". */
	resource?: string;
}

type Advice = (failure: Failure) => { message: string; description: string };

const RATE_LIMIT = 'Halo allows 300 requests per rolling 5 minutes per API application';

// api-notes §1.2, §1.6: Halo checks the application's permissions and its agent's; which of the
// two refused is not told apart in what is known of Halo's 403 answers.
const PERMISSIONS =
	'Halo checks two sets of permissions: the API application’s (its Permissions tab under Configuration > Integrations > Halo PSA API > View Applications) and those of the agent the application logs in as (that agent’s roles). Check both; with a credential Scope narrower than "all", check that it covers this request too.';

function saidByHalo(failure: Failure): string {
	return failure.halo.text ? `Halo said: ${failure.halo.text}` : 'Halo gave no reason.';
}

/** `/Tickets/12` -> "Ticket 12" (or the caller's resource name). */
function recordName(failure: Failure): { name: string; id?: string } {
	const segments = failure.path
		.split('?')[0]
		.split('/')
		.filter((segment) => segment !== '');
	const last = segments[segments.length - 1];
	const hasId = segments.length > 1 && /^[\w-]+$/.test(last) && /\d/.test(last);
	const name =
		failure.resource ?? (hasId ? segments[segments.length - 2] : segments[0]) ?? 'record';
	return { name, id: hasId ? last : undefined };
}

function fieldsLine(halo: HaloMessage): string {
	return halo.fields.map((problem) => `"${problem.field}": ${problem.text}`).join('; ');
}

const FAILURES: Record<FailureKind, Advice> = {
	badRequest: (failure) => {
		const fields = failure.halo.fields;
		return {
			message:
				fields.length > 0
					? `Halo rejected the field ${fields.map((problem) => `"${problem.field}"`).join(', ')}: ${fields[0].text}`
					: `Halo rejected the request: ${failure.halo.text || 'no reason given'}`,
			description:
				fields.length > 0
					? `Correct ${fieldsLine(failure.halo)}. Which fields are mandatory can depend on the ticket type or on Halo's configuration.`
					: 'Check the values sent to Halo; mandatory fields can depend on the ticket type or on Halo’s configuration.',
		};
	},
	unauthorized: (failure) => ({
		message: `Halo did not accept the access token for ${failure.method} ${failure.path} (401)`,
		description:
			'A new token was fetched and the request repeated once, and Halo still refused it. Check that the Resource Server URL belongs to the same Halo as the Authorisation Server URL and that the API application is still active.',
	}),
	forbidden: (failure) => ({
		message: `Halo refused permission for ${failure.method} ${failure.path} (403)`,
		description: `${PERMISSIONS} ${saidByHalo(failure)}`,
	}),
	notFound: (failure) => {
		// Halo names the record in a field error when an update's id does not exist (`[0].id`).
		if (failure.halo.fields.length > 0) return FAILURES.badRequest(failure);
		const { name, id } = recordName(failure);
		return id
			? {
					message: `${name} ${id} not found`,
					description: `Halo has no ${name} with ID ${id}, or the acting agent cannot see it. ${saidByHalo(failure)}`,
				}
			: {
					message: `Halo has no endpoint ${failure.path} (404)`,
					description:
						'Check the credential’s Resource Server URL: it should end in /api, e.g. https://acme.halopsa.com/api.',
				};
	},
	rateLimited: (failure) => ({
		message: `Halo’s rate limit was still reached after waiting ${failure.retries} times`,
		description: `${RATE_LIMIT}; other workflows or integrations using the same application share that budget. Run again later, use a larger Batch Size for creates and updates, or return fewer records. ${saidByHalo(failure)}`,
	}),
	serverError: (failure) => ({
		message: `Halo failed to process ${failure.method} ${failure.path} (HTTP ${failure.status})`,
		description: `${failure.retries > 0 ? `The request was repeated ${failure.retries} times. ` : ''}This is a problem on Halo’s side; try again later. ${saidByHalo(failure)}`,
	}),
	unreachable: (failure) => ({
		message: `Could not reach Halo for ${failure.method} ${failure.path}`,
		description: `The connection failed (${failure.code ?? 'network error'})${failure.retries > 0 ? ` ${failure.retries + 1} times` : ''}. Check the credential’s Resource Server URL and that n8n can reach Halo.`,
	}),
	mayHaveCreated: (failure) => ({
		message: 'Halo may have created these records: the request was sent but its outcome is unknown',
		description: `${failure.status ? `Halo answered HTTP ${failure.status}` : `The connection broke (${failure.code ?? 'network error'})`} after ${failure.method} ${failure.path} was sent. It was not sent again, so nothing is created twice. Check in Halo whether the records exist before running these items again.`,
	}),
	other: (failure) => ({
		message: `Halo refused ${failure.method} ${failure.path} (HTTP ${failure.status ?? 'none'})`,
		description: saidByHalo(failure),
	}),
};

export function failureKind(status: number | undefined): FailureKind {
	if (status === undefined) return 'unreachable';
	if (status === 400 || status === 422) return 'badRequest';
	if (status === 401) return 'unauthorized';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'notFound';
	if (status === 429) return 'rateLimited';
	if (status >= 500) return 'serverError';
	return 'other';
}

export function describeFailure(
	partial: Omit<Failure, 'halo' | 'body' | 'kind'> & { kind?: FailureKind; rawBody?: unknown },
): Failure {
	const { rawBody, ...rest } = partial;
	return {
		...rest,
		kind: partial.kind ?? failureKind(partial.status),
		halo: readHaloMessage(rawBody),
		body: redactValue(rawBody),
	};
}

export function adviceFor(failure: Failure): { message: string; description: string } {
	return FAILURES[failure.kind](failure);
}

/** The NodeApiError for a failure; `override` replaces the message (e.g. one field of a batch). */
export function haloApiError(
	node: INode,
	failure: Failure,
	itemIndex?: number,
	override?: { message: string; description: string },
): NodeApiError {
	const { message, description } = override ?? adviceFor(failure);
	const summary = {
		method: failure.method,
		path: failure.path,
		httpStatus: failure.status ?? null,
		networkError: failure.code ?? null,
		haloMessage: failure.halo.text,
		haloAnswer: failure.body ?? null,
	};
	return new NodeApiError(node, summary as unknown as JsonObject, {
		message,
		description,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex,
	});
}
