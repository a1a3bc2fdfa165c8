import { readJsonBody } from '../../helpers/json';
import { recordId } from '../../helpers/recordId';
import { describeValue, parameterError, parseId } from '../../helpers/validation';
import type { WriteOperation } from './types';

/**
 * Closing is an update of the ticket's status: `[{ id, status_id, closure_note }]` to /Tickets
 * (api-notes §2.2; both fields are in the OpenAPI `Faults` schema). Unlike closing through an action it needs no action type,
 * writes the closure note Halo reports on, and batches like any other update. Whoever wants an
 * action in the history (or an email to the user) uses Ticket Action > Create with a new status.
 */
export const close: WriteOperation = {
	kind: 'write',
	body(context, spec, itemIndex) {
		const id = recordId(context, spec, itemIndex);
		const rawStatus = context.getNodeParameter('closedStatusId', itemIndex, '') as unknown;
		const status = parseId(rawStatus);
		if (status === undefined) {
			throw parameterError(
				context,
				'Closed Status Name or ID',
				itemIndex,
				`must be a Halo ID (a whole number), not ${describeValue(rawStatus)}`,
			);
		}
		const note = context.getNodeParameter('closureNote', itemIndex, '') as string;
		const json = readJsonBody(context, itemIndex);
		return { status_id: status, ...(note ? { closure_note: note } : {}), ...json, id };
	},
};
