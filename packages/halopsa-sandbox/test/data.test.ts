import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATUS_TYPE_CLOSED } from '../src/data/catalogue';
import { EMPTY_DATE, REFERENCE_NOW, haloDate } from '../src/data/dates';
import {
	COLLECTION_SCHEMAS,
	generateDataset,
	type CollectionName,
	type Dataset,
	type HaloRecord,
} from '../src/data/generate';
import { validateRecord } from '../src/validation/validate-body';

const HALO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const small = generateDataset({ tickets: 12, seed: 1 });
const medium = generateDataset({ tickets: 3000, seed: 7 });

function byId(rows: HaloRecord[]): Map<unknown, HaloRecord> {
	return new Map(rows.map((row) => [row.id, row]));
}

function ms(date: unknown): number {
	return Date.parse(`${String(date)}Z`);
}

describe('generateDataset', () => {
	it('gives byte-identical output for the same options and different output for another seed', () => {
		const again = generateDataset({ tickets: 3000, seed: 7 });
		assert.equal(JSON.stringify(again), JSON.stringify(medium));
		const other = generateDataset({ tickets: 3000, seed: 8 });
		assert.notEqual(JSON.stringify(other.tickets), JSON.stringify(medium.tickets));
		assert.notEqual(JSON.stringify(other.clients), JSON.stringify(medium.clients));
	});

	it('scales the collections with the number of tickets', () => {
		const ofUse = (dataset: typeof small, use: string) => {
			const typeIds = new Set(dataset.tickettypes.filter((t) => t.use === use).map((t) => t.id));
			return dataset.tickets.filter((ticket) => typeIds.has(ticket.tickettype_id)).length;
		};
		// `tickets` counts what GET /Tickets lists; projects and opportunities come on top.
		assert.equal(ofUse(small, 'ticket'), 12);
		assert.equal(small.tickets.length, 12 + 1 + 1);
		assert.equal(ofUse(medium, 'ticket'), 3000);
		assert.equal(ofUse(medium, 'project'), 30);
		assert.equal(ofUse(medium, 'opportunity'), 30);
		assert.equal(small.clients.length, 3);
		assert.ok(small.sites.length >= 3);
		assert.ok(small.users.length >= small.sites.length);
		assert.equal(medium.clients.length, 60);
		assert.equal(medium.users.length, 600);
		assert.equal(medium.assets.length, 750);
		assert.ok(medium.actions.length >= 3000 && medium.actions.length <= 4 * 3000);
		assert.deepEqual(medium.webhooks, []);
		assert.deepEqual(medium.webhookevents, []);
	});

	it('rejects sizes outside 3..1,000,000 tickets', () => {
		assert.throws(() => generateDataset({ tickets: 2, seed: 1 }), RangeError);
		assert.throws(() => generateDataset({ tickets: Number.NaN, seed: 1 }), RangeError);
	});

	it('links every ticket to a client, site, user, agent, status, priority and type that exist and agree', () => {
		for (const data of [small, medium]) {
			const clients = byId(data.clients);
			const sites = byId(data.sites);
			const users = byId(data.users);
			const agents = byId(data.agents);
			const statuses = byId(data.statuses);
			const types = byId(data.tickettypes);
			const priorityIds = new Set(data.priorities.map((priority) => priority.priorityid));
			const teamNames = new Set(data.teams.map((team) => team.name));
			for (const ticket of data.tickets) {
				const user = users.get(ticket.user_id)!;
				const site = sites.get(ticket.site_id)!;
				const agent = agents.get(ticket.agent_id)!;
				assert.ok(clients.has(ticket.client_id), `client of ticket ${ticket.id}`);
				assert.equal(site.client_id, ticket.client_id);
				assert.equal(user.site_id, ticket.site_id);
				assert.equal(user.client_id, ticket.client_id);
				assert.equal(ticket.user_email, user.emailaddress);
				assert.equal(ticket.client_name, clients.get(ticket.client_id)!.name);
				assert.equal(agent.team, ticket.team);
				assert.ok(teamNames.has(ticket.team));
				assert.ok(statuses.has(ticket.status_id), `status of ticket ${ticket.id}`);
				assert.ok(types.has(ticket.tickettype_id), `type of ticket ${ticket.id}`);
				assert.ok(priorityIds.has(ticket.priority_id), `priority of ticket ${ticket.id}`);
			}
		}
	});

	it('closes tickets consistently: closed status, hasbeenclosed and a later dateclosed', () => {
		const statuses = byId(medium.statuses);
		let open = 0;
		let closed = 0;
		for (const ticket of medium.tickets) {
			const isClosed = statuses.get(ticket.status_id)!.type === STATUS_TYPE_CLOSED;
			assert.equal(ticket.hasbeenclosed, isClosed);
			if (isClosed) {
				closed++;
				assert.ok(ms(ticket.dateclosed) >= ms(ticket.dateoccurred));
				assert.equal(ticket.last_update, ticket.dateclosed);
			} else {
				open++;
				assert.equal(ticket.dateclosed, undefined);
			}
		}
		assert.ok(open > 30 && closed > 2000, `${open} open, ${closed} closed`);
		assert.equal(medium.statuses.find((status) => status.id === 9)?.name, 'Closed');
	});

	it('numbers actions from 1 per ticket, each with an existing outcome and agent', () => {
		const outcomes = byId(medium.outcomes);
		const agents = byId(medium.agents);
		const tickets = byId(medium.tickets);
		const next = new Map<unknown, number>();
		for (const action of medium.actions) {
			const expected = (next.get(action.ticket_id) ?? 0) + 1;
			assert.equal(action.id, expected, `action numbering on ticket ${action.ticket_id}`);
			next.set(action.ticket_id, expected);
			assert.equal(outcomes.get(action.outcome_id)?.outcome, action.outcome);
			assert.ok(agents.has(action.who_agentid));
			const ticket = tickets.get(action.ticket_id)!;
			assert.ok(ms(action.datetime) >= ms(ticket.dateoccurred));
		}
		for (const ticket of medium.tickets) {
			const count = next.get(ticket.id) ?? 0;
			assert.ok(count >= 1 && count <= 4, `ticket ${ticket.id} has ${count} actions`);
		}
	});

	it('sums action time into the ticket and dates the last action', () => {
		const perTicket = new Map<unknown, HaloRecord[]>();
		for (const action of small.actions) {
			if (!perTicket.has(action.ticket_id)) perTicket.set(action.ticket_id, []);
			perTicket.get(action.ticket_id)!.push(action);
		}
		for (const ticket of small.tickets) {
			const actions = perTicket.get(ticket.id)!;
			const total = actions.reduce((sum, action) => sum + (action.timetaken as number), 0);
			assert.equal(ticket.timetaken, Math.round(total * 100) / 100);
			assert.equal(ticket.lastactiondate, actions[actions.length - 1].datetime);
		}
	});

	it('makes agent 1 the API agent and gives every team an agent', () => {
		const apiAgent = small.agents[0];
		assert.equal(apiAgent.id, 1);
		assert.equal(apiAgent.name, 'API Agent');
		assert.equal(apiAgent.isapiagent, true);
		assert.ok(small.agents.slice(1).every((agent) => agent.isapiagent === false));
		for (const team of small.teams) {
			assert.ok((team.agents as unknown[]).length > 0, `team ${team.name} has agents`);
		}
	});

	it('has projects and opportunities on ticket types used for them', () => {
		const types = byId(medium.tickettypes);
		const projects = medium.tickets.filter((t) => types.get(t.tickettype_id)!.use === 'project');
		const opportunities = medium.tickets.filter(
			(t) => types.get(t.tickettype_id)!.use === 'opportunity',
		);
		assert.equal(projects.length, 30);
		assert.equal(opportunities.length, 30);
		for (const project of projects) assert.equal(project.is_project, true);
		for (const opportunity of opportunities) {
			assert.equal(opportunity.oppcompanyname, opportunity.client_name);
			assert.equal(typeof opportunity.oppvalue, 'number');
		}
		const ticketUses = medium.tickettypes
			.filter((type) => type.use === 'ticket')
			.map((t) => t.name);
		assert.deepEqual(ticketUses, ['Incident', 'Problem', 'Change Request', 'Service Request']);
	});

	it('writes dates as Halo does, within the year before the reference date', () => {
		const yearBefore = REFERENCE_NOW - 366 * 86_400_000;
		for (const ticket of medium.tickets) {
			assert.match(String(ticket.dateoccurred), HALO_DATE);
			assert.ok(ms(ticket.dateoccurred) >= yearBefore && ms(ticket.dateoccurred) < REFERENCE_NOW);
			if (ticket.is_project !== true) assert.equal(ticket.targetdate, EMPTY_DATE);
		}
		for (const action of medium.actions) assert.match(String(action.datetime), HALO_DATE);
		const sample = [0, 86_399_000, Date.UTC(2024, 1, 29, 23, 59, 59), Date.UTC(2026, 11, 31, 12)];
		for (const value of sample)
			assert.equal(haloDate(value), new Date(value).toISOString().slice(0, 19));
	});

	it('gives priorities GUID ids beside the integer priorityid tickets use', () => {
		assert.deepEqual(
			small.priorities.map((priority) => [priority.priorityid, priority.name]),
			[
				[1, 'Critical'],
				[2, 'High'],
				[3, 'Medium'],
				[4, 'Low'],
			],
		);
		for (const priority of small.priorities) assert.match(String(priority.id), GUID);
	});

	it('gives users emails at their client domain and custom fields defined in FieldInfo', () => {
		const clients = byId(medium.clients);
		for (const user of medium.users) {
			const website = String(clients.get(user.client_id)!.website);
			assert.ok(String(user.emailaddress).endsWith(`@${website.replace('https://www.', '')}`));
		}
		const fields = byId(medium.fieldinfo);
		const withFields = medium.tickets.filter((ticket) => Array.isArray(ticket.customfields));
		assert.ok(withFields.length > 100);
		for (const ticket of withFields) {
			for (const field of ticket.customfields as HaloRecord[]) {
				assert.equal(fields.get(field.id)?.name, field.name);
			}
		}
	});

	it('stores attachment bytes whose size matches the metadata', () => {
		assert.ok(small.attachments.length >= 3);
		for (const attachment of small.attachments) {
			const bytes = Buffer.from(String(attachment.data_base64), 'base64');
			assert.equal(bytes.length, attachment.filesize);
			assert.ok(small.tickets.some((ticket) => ticket.id === attachment.ticket_id));
		}
	});

	it('generates records that validate against their Halo schemas', () => {
		for (const data of [small, medium] as Dataset[]) {
			for (const [collection, rows] of Object.entries(data)) {
				const schema = COLLECTION_SCHEMAS[collection as CollectionName];
				rows.forEach((row, index) => {
					assert.deepEqual(
						validateRecord(schema, row, `[${index}]`),
						[],
						`${collection}[${index}]`,
					);
				});
			}
		}
	});
});
