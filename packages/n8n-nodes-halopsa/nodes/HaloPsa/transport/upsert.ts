import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { adviceFor, describeFailure, haloApiError, type Failure } from './errors';
import { haloApiRequest } from './request';
import type { UpsertEntry, UpsertResult } from './types';

export interface UpsertOptions {
	/**
	 * Stop at the first batch with an error and throw it (n8n without Continue On Fail): nothing
	 * after it is sent, so a re-run after fixing the item writes no record twice.
	 */
	stopAtFirstError?: boolean;
}

/** The summary kept on the errors haloApiRequest throws (errors.ts `haloApiError`). */
interface ErrorSummary {
	httpStatus?: number | null;
	haloAnswer?: unknown;
}

/** A batch Halo refused: the error thrown, and what it says when it was an HTTP answer. */
interface Rejection {
	error: unknown;
	failure?: Failure;
}

type Outcome = { results: UpsertResult[] } | { rejection: Rejection };

function failureOf(error: unknown, path: string): Failure | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const summary = (error.errorResponse ?? {}) as ErrorSummary;
	if (typeof summary.httpStatus !== 'number') return undefined;
	return describeFailure({
		method: 'POST',
		path,
		status: summary.httpStatus,
		rawBody: summary.haloAnswer,
		retries: 0,
	});
}

/** `[2, 3, 4, 7]` -> "items 2-4, 7". */
function itemRange(entries: UpsertEntry[]): string {
	const indexes = entries.map((entry) => entry.itemIndex).sort((a, b) => a - b);
	const runs: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		runs.push(end === start ? `${indexes[start]}` : `${indexes[start]}-${indexes[end]}`);
		start = end + 1;
	}
	return `${indexes.length === 1 ? 'item' : 'items'} ${runs.join(', ')}`;
}

/** A copy of `error` for one item, its description extended when `addendum` is given. */
function errorFor(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	addendum?: string,
): NodeApiError {
	if (error instanceof NodeApiError) {
		return new NodeApiError(context.getNode(), (error.errorResponse ?? {}) as JsonObject, {
			message: error.message,
			description: [error.description, addendum].filter(Boolean).join(' ') || undefined,
			httpCode: error.httpCode ?? undefined,
			itemIndex,
		});
	}
	return new NodeApiError(context.getNode(), {} as JsonObject, {
		message: error instanceof Error ? error.message : 'The request to Halo failed',
		description: addendum,
		itemIndex,
	});
}

function sameErrorForEach(
	context: IExecuteFunctions,
	batch: UpsertEntry[],
	error: unknown,
	addendum?: string,
): UpsertResult[] {
	return batch.map(({ itemIndex }) => ({
		itemIndex,
		error: errorFor(context, error, itemIndex, addendum),
	}));
}

function mapAnswer(
	context: IExecuteFunctions,
	path: string,
	batch: UpsertEntry[],
	answer: unknown,
): UpsertResult[] {
	const records = Array.isArray(answer) ? answer : [answer];
	const matches =
		records.length === batch.length &&
		records.every((record) => typeof record === 'object' && record !== null);
	if (matches) {
		return batch.map((entry, position) => ({
			itemIndex: entry.itemIndex,
			json: records[position] as IDataObject,
		}));
	}
	// Halo's answer to a multi-record POST is [unverified] (api-notes §2.2); refuse to guess.
	return batch.map((entry) => ({
		itemIndex: entry.itemIndex,
		error: new NodeApiError(context.getNode(), {} as JsonObject, {
			message: `Halo wrote the records but its answer could not be matched to the items (${batch.length} sent, ${records.length} returned)`,
			description: `POST ${path} succeeded. Check the records in Halo before running these items again, or use a Batch Size of 1.`,
			itemIndex: entry.itemIndex,
		}),
	}));
}

async function post(
	context: IExecuteFunctions,
	path: string,
	batch: UpsertEntry[],
): Promise<Outcome> {
	try {
		const answer = await haloApiRequest.call(
			context,
			{ method: 'POST', path, body: batch.map((entry) => entry.body) },
			batch.length === 1 ? batch[0].itemIndex : undefined,
		);
		return { results: mapAnswer(context, path, batch, answer) };
	} catch (error) {
		return { rejection: { error, failure: failureOf(error, path) } };
	}
}

/** A 400, or a 404 that names records (an update's unknown id): some records are at fault. */
function isIsolatable(failure: Failure | undefined): failure is Failure {
	return (
		failure?.kind === 'badRequest' ||
		(failure?.kind === 'notFound' &&
			failure.halo.fields.some((problem) => problem.index !== undefined))
	);
}

/** The positions in the batch Halo's keys name (`[3].summary`, api-notes §2.9). */
function namedPositions(failure: Failure, batch: UpsertEntry[]): number[] {
	const positions = failure.halo.fields
		.map((problem) => problem.index)
		.filter((index): index is number => index !== undefined && index < batch.length);
	return [...new Set(positions)].sort((a, b) => a - b);
}

/** The error of the record at `position` alone, from the batch's field errors. */
function namedError(
	context: IExecuteFunctions,
	failure: Failure,
	batch: UpsertEntry[],
	position: number,
): NodeApiError {
	const fields = failure.halo.fields.filter((problem) => problem.index === position);
	const own: Failure = { ...failure, kind: 'badRequest', halo: { text: fields[0].text, fields } };
	const itemIndex = batch[position].itemIndex;
	return haloApiError(context.getNode(), own, itemIndex, adviceFor(own));
}

/** Un-indexed answers differ when Halo gave another reason or another status. */
function sameReason(a: Failure | undefined, b: Failure | undefined): boolean {
	return a !== undefined && b !== undefined && a.status === b.status && a.halo.text === b.halo.text;
}

/** Extra requests one batch may still spend to find its bad records (at most one per record). */
interface Budget {
	left: number;
	size: number;
}

function givenUp(
	context: IExecuteFunctions,
	batch: UpsertEntry[],
	rejection: Rejection,
	budget: Budget,
): UpsertResult[] {
	return batch.map(({ itemIndex }) => ({
		itemIndex,
		error: new NodeApiError(context.getNode(), {} as JsonObject, {
			message:
				'Not written: Halo rejected a batch with this item, and the item was not tested alone',
			description: `To find the bad records of a batch of ${budget.size} the node sends at most ${budget.size} extra requests, and they were used up. Run these items again with a Batch Size of 1. ${rejection.failure?.halo.text ? `Halo said: ${rejection.failure.halo.text}` : 'Halo gave no reason.'}`,
			itemIndex,
		}),
	}));
}

/**
 * Sorts the records of a rejected batch into written and failed, relying on a rejected batch
 * writing nothing (the sandbox does so; Halo's docs do not say [inferred]), so a record is sent
 * again only after a 400. Halo's keys like `[3].summary` name the bad records: those fail and the
 * rest is sent again. Without them the batch is split in halves; when both halves fail for the
 * same reason (a rule of the ticket type, say: api-notes §2.9) every record is taken to have that
 * problem, and the splitting ends there rather than costing 2N-1 requests.
 */
async function isolate(
	context: IExecuteFunctions,
	path: string,
	batch: UpsertEntry[],
	rejection: Rejection,
	budget: Budget,
): Promise<UpsertResult[]> {
	const { failure } = rejection;
	if (!isIsolatable(failure) || batch.length === 1) {
		return sameErrorForEach(context, batch, rejection.error);
	}

	const named = namedPositions(failure, batch);
	if (named.length > 0) {
		const results: UpsertResult[] = named.map((position) => ({
			itemIndex: batch[position].itemIndex,
			error: namedError(context, failure, batch, position),
		}));
		const rest = batch.filter((_entry, position) => !named.includes(position));
		if (rest.length === 0) return results;
		if (budget.left < 1) return [...results, ...givenUp(context, rest, rejection, budget)];
		budget.left--;
		return [
			...results,
			...(await settle(context, path, rest, await post(context, path, rest), budget)),
		];
	}

	if (budget.left < 2) return givenUp(context, batch, rejection, budget);
	budget.left -= 2;
	const middle = Math.ceil(batch.length / 2);
	const halves = [batch.slice(0, middle), batch.slice(middle)];
	const outcomes = [await post(context, path, halves[0]), await post(context, path, halves[1])];
	const [first, second] = outcomes.map((outcome) =>
		'rejection' in outcome ? outcome.rejection : undefined,
	);
	const unnamed = (candidate: Rejection | undefined) =>
		isIsolatable(candidate?.failure) &&
		candidate.failure.halo.fields.every((problem) => problem.index === undefined);
	// A batch of two splits into single records, whose own errors say enough.
	const bothAlike =
		batch.length > 2 &&
		unnamed(first) &&
		unnamed(second) &&
		sameReason(first?.failure, second?.failure);
	if (bothAlike) {
		return sameErrorForEach(
			context,
			batch,
			first?.error,
			`Halo gave this answer for each half of the batch of ${batch.length} this item was sent in, so every item of it is taken to have this problem.`,
		);
	}
	return [
		...(await settle(context, path, halves[0], outcomes[0], budget)),
		...(await settle(context, path, halves[1], outcomes[1], budget)),
	];
}

async function settle(
	context: IExecuteFunctions,
	path: string,
	batch: UpsertEntry[],
	outcome: Outcome,
	budget: Budget,
): Promise<UpsertResult[]> {
	if ('results' in outcome) return outcome.results;
	return await isolate(context, path, batch, outcome.rejection, budget);
}

/**
 * Without Continue On Fail: the error of a batch with the item it names (or the batch's first),
 * saying which items were written before it and which were never sent, so a re-run can be planned.
 */
function stopError(
	context: IExecuteFunctions,
	entries: UpsertEntry[],
	start: number,
	batch: UpsertEntry[],
	outcome: Outcome,
): NodeApiError {
	const written = entries.slice(0, start);
	const notSent = entries.slice(start + batch.length);
	const progress = `${
		written.length > 0
			? `${capitalised(itemRange(written))} ${written.length === 1 ? 'was' : 'were'} written to Halo`
			: 'No item was written to Halo'
	} before this batch (${itemRange(batch)}); ${
		notSent.length > 0
			? `${itemRange(notSent)} ${notSent.length === 1 ? 'was' : 'were'} not sent.`
			: 'no item came after it.'
	}`;

	if ('results' in outcome) {
		const failed = outcome.results.find((result) => result.error);
		return errorFor(context, failed?.error, failed?.itemIndex ?? batch[0].itemIndex, progress);
	}
	const { error, failure } = outcome.rejection;
	if (isIsolatable(failure) && batch.length > 1) {
		const named = namedPositions(failure, batch);
		if (named.length > 0) {
			return errorFor(
				context,
				namedError(context, failure, batch, named[0]),
				batch[named[0]].itemIndex,
				progress,
			);
		}
		const unnamed =
			'Halo did not say which item of the batch it refused; the error is shown on its first item.';
		return errorFor(context, error, batch[0].itemIndex, `${unnamed} ${progress}`);
	}
	return errorFor(context, error, batch[0].itemIndex, progress);
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Creates or updates records with Halo's array POST (api-notes §2.2: no `id` creates, `id`
 * updates), `batchSize` records per request; a batch of one is still an array. Returns one
 * result per entry, in the entries' order, each with its item index and either Halo's record or
 * the error for that item alone. With `stopAtFirstError`, throws at the first failing batch.
 */
export async function haloUpsert(
	this: IExecuteFunctions,
	path: string,
	entries: UpsertEntry[],
	batchSize: number,
	options: UpsertOptions = {},
): Promise<UpsertResult[]> {
	const size = Math.max(1, Math.floor(batchSize));
	const byItem = new Map<number, UpsertResult>();
	for (let start = 0; start < entries.length; start += size) {
		const batch = entries.slice(start, start + size);
		const outcome = await post(this, path, batch);
		const failed = 'rejection' in outcome || outcome.results.some((result) => result.error);
		if (failed && options.stopAtFirstError) {
			throw stopError(this, entries, start, batch, outcome);
		}
		const budget = { left: batch.length, size: batch.length };
		for (const result of await settle(this, path, batch, outcome, budget)) {
			byItem.set(result.itemIndex, result);
		}
	}
	return entries.map(
		(entry) =>
			byItem.get(entry.itemIndex) ?? {
				itemIndex: entry.itemIndex,
				error: new NodeApiError(this.getNode(), {} as JsonObject, {
					message: 'Halo gave no result for this item',
					itemIndex: entry.itemIndex,
				}),
			},
	);
}
