import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { startHaloSandbox, type Sandbox } from './harness';
import { apiRequests, byId, byUrl, runNode, stored } from './node-run';

describe('Ticket Action', () => {
	let sandbox: Sandbox;
	let ticketId: number;
	let outcomeId: number;

	before(async () => {
		sandbox = await startHaloSandbox();
		ticketId = sandbox.store('tickets')[0].id as number;
		outcomeId = sandbox.store('outcomes')[0].id as number;
	});
	after(async () => await sandbox.close());
	beforeEach(() => sandbox.resetRequests());

	it('adds a private note with time taken and a new status to a ticket', async () => {
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'action',
				operation: 'create',
				ticketId: byUrl(`https://acme.halopsa.com/ticket?id=${ticketId}`),
				outcome_id: outcomeId,
				note: 'Called the user back',
				additionalFields: {
					hiddenfromuser: true,
					timetaken: 0.25,
					new_status: 2,
					sendemail: false,
				},
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Actions', query: {}, bodyItems: 1 },
		]);
		const action = stored(sandbox, 'actions', output[0].json.id, ticketId);
		assert.deepEqual(output, [{ json: action, pairedItem: { item: 0 } }]);
		assert.equal(action?.ticket_id, ticketId);
		assert.equal(action?.outcome_id, outcomeId);
		assert.equal(action?.note, 'Called the user back');
		assert.equal(action?.hiddenfromuser, true);
		assert.equal(action?.timetaken, 0.25);
		assert.equal(action?.new_status, 2);
		assert.equal(action?.sendemail, false);
	});

	it('gets one action by ticket and action id', async () => {
		const action = sandbox.store('actions').find((row) => row.ticket_id === ticketId);
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'action',
				operation: 'get',
				ticketId: byId(ticketId),
				actionId: action?.id as number,
				simplify: false,
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'GET', path: `/api/Actions/${action?.id}`, query: { ticket_id: String(ticketId) } },
		]);
		assert.deepEqual(output, [{ json: action, pairedItem: { item: 0 } }]);
	});

	it('gets many actions of one ticket, each one item', async () => {
		const expected = sandbox.store('actions').filter((row) => row.ticket_id === ticketId);
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'action',
				operation: 'getAll',
				ticketId: byId(ticketId),
				returnAll: true,
				simplify: false,
			},
		});

		const requests = apiRequests(sandbox);
		assert.equal(requests.length, 1);
		assert.equal(requests[0].path, '/api/Actions');
		assert.equal(requests[0].query.ticket_id, String(ticketId));
		assert.deepEqual(
			output,
			expected.map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	it('updates an action, keyed by ticket and action id', async () => {
		const action = sandbox.store('actions').find((row) => row.ticket_id === ticketId);
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'action',
				operation: 'update',
				ticketId: byId(ticketId),
				actionId: action?.id as number,
				updateFields: { note: 'Corrected note' },
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{ method: 'POST', path: '/api/Actions', query: {}, bodyItems: 1 },
		]);
		const updated = stored(sandbox, 'actions', action?.id, ticketId);
		assert.equal(updated?.note, 'Corrected note');
		assert.deepEqual(output, [{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('deletes an action of a ticket', async () => {
		const action = sandbox.store('actions').find((row) => row.ticket_id === ticketId);
		const output = await runNode(sandbox, {
			parameters: {
				resource: 'action',
				operation: 'delete',
				ticketId: byId(ticketId),
				actionId: action?.id as number,
			},
		});

		assert.deepEqual(apiRequests(sandbox), [
			{
				method: 'DELETE',
				path: `/api/Actions/${action?.id}`,
				query: { ticket_id: String(ticketId) },
			},
		]);
		assert.deepEqual(output, [
			{ json: { deleted: true, id: action?.id, ticket_id: ticketId }, pairedItem: { item: 0 } },
		]);
		assert.equal(stored(sandbox, 'actions', action?.id, ticketId), undefined);
	});
});
