import type { HaloRecord } from '../data/generate';
import type { SandboxContext } from '../server/context';

/** One item of a POST as the rules see it: the body, and the stored record it updates if any. */
export interface ItemUnderCheck {
	body: HaloRecord;
	existing?: HaloRecord;
}

type FieldMessages = Record<string, string>;
type Rule = (ctx: SandboxContext, item: ItemUnderCheck) => FieldMessages;

/** A value an item will have after the write: the body's if sent, else the stored one. */
function valueOf(item: ItemUnderCheck, field: string): unknown {
	return field in item.body ? item.body[field] : item.existing?.[field];
}

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function exists(ctx: SandboxContext, collection: string, id: unknown): boolean {
	const record = ctx.store.get(collection, Number(id));
	return record !== undefined && record.deleted !== true;
}

/**
 * Business rules Halo enforces that a client would hit (api-notes §2.2, HAPI #21, #66, RMCP
 * "REQUIRES outcome_id"). Each returns field → message; the wording is [inferred].
 */
const RULES: Partial<Record<string, Rule>> = {
	tickets(ctx, item) {
		const errors: Record<string, string> = {};
		if (isBlank(valueOf(item, 'summary'))) errors.summary = 'A summary is required';
		const type = valueOf(item, 'tickettype_id');
		if (isBlank(type)) errors.tickettype_id = 'A ticket type is required';
		else if (!exists(ctx, 'tickettypes', type)) {
			errors.tickettype_id = `Ticket type ${String(type)} does not exist`;
		}
		const client = item.body.client_id;
		if (!isBlank(client) && !exists(ctx, 'clients', client)) {
			errors.client_id = `Customer ${String(client)} does not exist`;
		}
		return errors;
	},
	actions(ctx, item) {
		const errors: Record<string, string> = {};
		const ticket = valueOf(item, 'ticket_id');
		if (isBlank(ticket)) errors.ticket_id = 'A ticket_id is required';
		else if (!exists(ctx, 'tickets', ticket))
			errors.ticket_id = `Ticket ${String(ticket)} does not exist`;
		const outcomeId = valueOf(item, 'outcome_id');
		if (isBlank(outcomeId) && isBlank(valueOf(item, 'outcome'))) {
			errors.outcome_id = 'An outcome (outcome_id) is required';
		} else if (!isBlank(outcomeId) && !exists(ctx, 'outcomes', outcomeId)) {
			errors.outcome_id = `Outcome ${String(outcomeId)} does not exist`;
		}
		return errors;
	},
	clients(_ctx, item): FieldMessages {
		return isBlank(valueOf(item, 'name')) ? { name: 'A name is required' } : {};
	},
	sites(ctx, item): FieldMessages {
		const client = valueOf(item, 'client_id');
		if (isBlank(client))
			return { client_id: 'A site must belong to a customer: client_id is required' };
		if (!exists(ctx, 'clients', client))
			return { client_id: `Customer ${String(client)} does not exist` };
		return {};
	},
	users(ctx, item): FieldMessages {
		const site = valueOf(item, 'site_id');
		if (isBlank(site)) return { site_id: 'A user must belong to a site: site_id is required' };
		if (!exists(ctx, 'sites', site)) return { site_id: `Site ${String(site)} does not exist` };
		return {};
	},
	attachments(ctx, item) {
		const errors: Record<string, string> = {};
		const ticket = valueOf(item, 'ticket_id');
		if (isBlank(ticket)) errors.ticket_id = 'A ticket_id is required';
		else if (!exists(ctx, 'tickets', ticket))
			errors.ticket_id = `Ticket ${String(ticket)} does not exist`;
		if (isBlank(valueOf(item, 'filename'))) errors.filename = 'A filename is required';
		return errors;
	},
	webhooks(_ctx, item) {
		const errors: Record<string, string> = {};
		if (isBlank(valueOf(item, 'url'))) errors.url = 'A payload URL (url) is required';
		const events = valueOf(item, 'events');
		// "You need at least one event per Webhook profile" (api-notes §5.1).
		if (!Array.isArray(events) || events.length === 0)
			errors.events = 'At least one event is required';
		return errors;
	},
};

export function checkBusinessRules(
	ctx: SandboxContext,
	collection: string,
	item: ItemUnderCheck,
): Record<string, string> {
	const rule = RULES[collection];
	return rule ? rule(ctx, item) : {};
}
