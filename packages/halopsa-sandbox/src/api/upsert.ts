import { haloDate } from '../data/dates';
import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';
import { json, type Reply } from '../server/reply';
import { hasSchema, validateRecord } from '../validation/validate-body';
import type { ResourceDef } from './catalogue';
import { completeNewRecord, completeUpdatedRecord } from './complete';
import { fieldErrors, haloError } from './errors';
import { findRecord, normaliseId } from './lookup';
import { checkBusinessRules } from './rules';
import { entity } from './views';

interface PlannedItem {
	body: HaloRecord;
	existing?: HaloRecord;
	recover: boolean;
}

function isObject(value: unknown): value is HaloRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Body fields that are stored: Halo's `_` control fields steer the write and are dropped (§2.2). */
function storedFields(body: HaloRecord): HaloRecord {
	const out: HaloRecord = {};
	for (const key of Object.keys(body)) if (!key.startsWith('_')) out[key] = body[key];
	return out;
}

/** Whether a body item addresses an existing record (`id` absent or 0 means create, §2.2). */
function targetId(def: ResourceDef, body: HaloRecord): number | string | undefined {
	const raw = body.id;
	if (raw === undefined || raw === null || raw === 0 || raw === '') return undefined;
	if (def.idKind === 'guid' && raw === '00000000-0000-0000-0000-000000000000') return undefined;
	return normaliseId(def, raw) ?? String(raw);
}

export function parseJsonBody(raw: Buffer): { value?: unknown; error?: Reply } {
	if (raw.length === 0) {
		return { error: fieldErrors(400, { '': ['A non-empty request body is required.'] }) };
	}
	try {
		return { value: JSON.parse(raw.toString('utf8')) };
	} catch {
		return {
			error: fieldErrors(400, {
				$: ['The JSON value could not be parsed. Path: $ | LineNumber: 0 | BytePositionInLine: 0.'],
			}),
		};
	}
}

export interface WriteOutcome {
	reply: Reply;
	/** Records written, for webhooks: `created` tells a create from an update. */
	written: Array<{ record: HaloRecord; created: boolean }>;
}

/**
 * POST /api/<Resource>: an array (or a bare object) of creates and updates (api-notes §2.2).
 * Every item is checked first (types against Halo's schema, then business rules) and nothing is
 * written if any fails, each error keyed by its item's path (`[2].summary`) [inferred: Halo's
 * batches are not documented as atomic].
 */
export function upsertRecords(
	ctx: SandboxContext,
	def: ResourceDef,
	raw: Buffer,
	agentId: number,
): WriteOutcome {
	const parsed = parseJsonBody(raw);
	if (parsed.error) return { reply: parsed.error, written: [] };
	const items = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
	if (items.length === 0) {
		return { reply: fieldErrors(400, { $: ['At least one item is required.'] }), written: [] };
	}

	const errors: Record<string, string[]> = {};
	const addError = (path: string, message: string) => (errors[path] ??= []).push(message);
	let notFoundOnly = true;
	const plan: PlannedItem[] = [];

	items.forEach((item, index) => {
		const prefix = `[${index}]`;
		if (hasSchema(def.schema)) {
			const typeErrors = validateRecord(def.schema, item, prefix);
			for (const error of typeErrors) addError(error.path, error.message);
			if (typeErrors.length > 0) {
				notFoundOnly = false;
				return;
			}
		}
		if (!isObject(item)) {
			addError(prefix, `The JSON value could not be converted to ${def.schema}. Path: $${prefix}`);
			notFoundOnly = false;
			return;
		}
		const id = targetId(def, item);
		let existing: HaloRecord | undefined;
		const recover = item._recover === true;
		if (id !== undefined) {
			const query: Record<string, string> =
				def.idKind === 'per-ticket' ? { ticket_id: String(item.ticket_id) } : {};
			existing = findRecord(ctx, def, String(id), query);
			if (!existing && recover && def.collection === 'tickets') {
				existing = ctx.store.get('tickets', id);
			}
			if (!existing) {
				addError(`${prefix}.id`, `${def.path} ${String(id)} was not found.`);
				return;
			}
		}
		const ruleErrors = checkBusinessRules(ctx, def.collection, { body: item, existing });
		for (const [field, message] of Object.entries(ruleErrors)) {
			addError(`${prefix}.${field}`, message);
			notFoundOnly = false;
		}
		plan.push({ body: item, existing, recover });
	});

	if (Object.keys(errors).length > 0) {
		return { reply: fieldErrors(notFoundOnly ? 404 : 400, errors), written: [] };
	}

	// Halo's own date shape (§2.8): UTC, whole seconds, no zone; records written in the same
	// second share a last_update, as on a real tenant.
	const now = haloDate(Date.now());
	const written: WriteOutcome['written'] = [];
	for (const { body, existing, recover } of plan) {
		const fields = storedFields(body);
		if (existing) {
			// A shallow merge: arrays in the body (customfields, fields, lines) replace the stored
			// ones whole, as Halo does (§2.2, HAPI #13).
			delete fields.id;
			Object.assign(existing, fields);
			if (recover) existing.deleted = false;
			existing.last_update = now;
			completeUpdatedRecord(ctx, existing);
			written.push({ record: existing, created: false });
		} else {
			delete fields.id;
			const record: HaloRecord = { id: 0, ...fields, last_update: now };
			completeNewRecord(ctx, def, record, agentId, now);
			ctx.store.insert(def.collection, record);
			if (def.collection === 'actions') applyActionToTicket(ctx, record, now);
			written.push({ record, created: true });
		}
	}

	const out = written.map(({ record }) => entity(def, record));
	const status = written.every((write) => write.created) ? 201 : 200;
	return { reply: json(status, out.length === 1 ? out[0] : out), written };
}

/** An action's `new_status` moves its ticket (SPEC Actions, api-notes §2.2 example body). */
function applyActionToTicket(ctx: SandboxContext, action: HaloRecord, now: string): void {
	const ticket = ctx.store.get('tickets', action.ticket_id);
	if (!ticket) return;
	if (typeof action.new_status === 'number' && action.new_status > 0)
		ticket.status_id = action.new_status;
	ticket.lastactiondate = now;
	ticket.last_update = now;
	completeUpdatedRecord(ctx, ticket);
}

export function notWritable(def: ResourceDef): Reply {
	return haloError(405, `${def.path} cannot be changed through the API.`);
}
