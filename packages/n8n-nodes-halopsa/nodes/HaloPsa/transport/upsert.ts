import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { adviceFor, describeFailure, haloApiError, type Failure } from './errors';
import { haloApiRequest } from './request';
import type { UpsertEntry, UpsertResult } from './types';

/** The summary kept on the errors haloApiRequest throws (errors.ts `haloApiError`). */
interface ErrorSummary {
	httpStatus?: number | null;
	haloAnswer?: unknown;
}

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

/** The same error for each item of a batch, each with its own item index. */
function sameErrorForEach(
	context: IExecuteFunctions,
	batch: UpsertEntry[],
	error: unknown,
): UpsertResult[] {
	return batch.map((entry) => {
		if (error instanceof NodeApiError) {
			const copy = new NodeApiError(context.getNode(), (error.errorResponse ?? {}) as JsonObject, {
				message: error.message,
				description: error.description ?? undefined,
				httpCode: error.httpCode ?? undefined,
				itemIndex: entry.itemIndex,
			});
			return { itemIndex: entry.itemIndex, error: copy };
		}
		throw error;
	});
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

/**
 * Sends one batch; on a 400 takes the bad records out and sends the rest again. Halo's keys like
 * `[3].summary` name the record (api-notes §2.9); without them the batch is split in halves until
 * the bad records stand alone. This relies on a rejected batch writing nothing, which the sandbox
 * does and Halo's docs do not state [inferred]; a record is therefore sent again only after a 400.
 */
async function sendBatch(
	context: IExecuteFunctions,
	path: string,
	batch: UpsertEntry[],
): Promise<UpsertResult[]> {
	let answer: unknown;
	try {
		answer = await haloApiRequest.call(
			context,
			{ method: 'POST', path, body: batch.map((entry) => entry.body) },
			batch.length === 1 ? batch[0].itemIndex : undefined,
		);
	} catch (error) {
		const failure = failureOf(error, path);
		const isolatable =
			failure?.kind === 'badRequest' ||
			(failure?.kind === 'notFound' &&
				failure.halo.fields.some((problem) => problem.index !== undefined));
		if (!failure || !isolatable || batch.length === 1) {
			return sameErrorForEach(context, batch, error);
		}
		const named = new Set(
			failure.halo.fields
				.map((problem) => problem.index)
				.filter((index): index is number => index !== undefined && index < batch.length),
		);
		if (named.size > 0) {
			const results: UpsertResult[] = [];
			for (const position of named) {
				const entry = batch[position];
				const fields = failure.halo.fields.filter((problem) => problem.index === position);
				const own: Failure = {
					...failure,
					kind: 'badRequest',
					halo: { text: fields[0].text, fields },
				};
				results.push({
					itemIndex: entry.itemIndex,
					error: haloApiError(context.getNode(), own, entry.itemIndex, adviceFor(own)),
				});
			}
			const rest = batch.filter((_entry, position) => !named.has(position));
			if (rest.length > 0) results.push(...(await sendBatch(context, path, rest)));
			return results;
		}
		const middle = Math.ceil(batch.length / 2);
		return [
			...(await sendBatch(context, path, batch.slice(0, middle))),
			...(await sendBatch(context, path, batch.slice(middle))),
		];
	}
	return mapAnswer(context, path, batch, answer);
}

/**
 * Creates or updates records with Halo's array POST (api-notes §2.2: no `id` creates, `id`
 * updates), `batchSize` records per request; a batch of one is still an array. Returns one
 * result per entry, in the entries' order, each with its item index and either Halo's record or
 * the error for that item alone.
 */
export async function haloUpsert(
	this: IExecuteFunctions,
	path: string,
	entries: UpsertEntry[],
	batchSize: number,
): Promise<UpsertResult[]> {
	const size = Math.max(1, Math.floor(batchSize));
	const byItem = new Map<UpsertEntry, UpsertResult>();
	for (let start = 0; start < entries.length; start += size) {
		const batch = entries.slice(start, start + size);
		const results = await sendBatch(this, path, batch);
		for (const result of results) {
			const entry = batch.find(
				(candidate) => candidate.itemIndex === result.itemIndex && !byItem.has(candidate),
			);
			if (entry) byItem.set(entry, result);
		}
	}
	return entries.map(
		(entry) =>
			byItem.get(entry) ?? {
				itemIndex: entry.itemIndex,
				error: new NodeApiError(this.getNode(), {} as JsonObject, {
					message: 'Halo gave no result for this item',
					itemIndex: entry.itemIndex,
				}),
			},
	);
}
