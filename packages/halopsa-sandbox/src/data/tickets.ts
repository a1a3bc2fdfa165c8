import {
	CATEGORY_PATHS,
	CUSTOM_FIELDS,
	customFieldValue,
	OUTCOME,
	OUTCOME_NAMES,
	PRIORITIES,
	STATUS,
	TEAM,
	TICKET_TYPE,
	TICKET_TYPE_BY_KIND,
} from './catalogue';
import { DAY, EMPTY_DATE, HOUR, haloDate } from './dates';
import type { HaloRecord } from './generate';
import { ISSUES, OPPORTUNITY_TITLES, PROJECT_TITLES, type IssueTemplate } from './names';
import type { People } from './people';
import type { Random } from './random';

export type TicketKind = 'ticket' | 'project' | 'opportunity';

export interface TicketCounts {
	tickets: number;
	projects: number;
	opportunities: number;
}

const OPEN_STATUSES = [
	STATUS.new,
	STATUS.inProgress,
	STATUS.waitingOnCustomer,
	STATUS.waitingOnSupplier,
	STATUS.onHold,
	STATUS.customerResponded,
];
const OPEN_STATUS_WEIGHTS = [20, 35, 20, 8, 7, 10];
const PRIORITY_WEIGHTS = [3, 15, 60, 22];
const WORK_OUTCOMES = [
	OUTCOME.note,
	OUTCOME.remoteSession,
	OUTCOME.phoneCall,
	OUTCOME.timeEntry,
	OUTCOME.privateNote,
];
const WORK_OUTCOME_WEIGHTS = [35, 25, 15, 15, 10];
const TIME_STEPS = [0.08, 0.25, 0.25, 0.5, 0.5, 0.75, 1, 1.5, 2];

const PROJECT_WORK = [
	'Kick-off meeting held; scope and milestones agreed with the client.',
	'Discovery complete; current environment documented.',
	'Phase one delivered and signed off.',
	'Handover to the service desk complete; project closed.',
];
const OPPORTUNITY_WORK = [
	'Initial call to understand requirements.',
	'Quote sent for review.',
	'Followed up on the quote.',
	'Decision received from the client.',
];

/** Spreads `count` tickets of a kind evenly over the id range, after `offset` of a slot. */
function placeKinds(counts: TicketCounts): TicketKind[] {
	const kinds = new Array<TicketKind>(counts.tickets).fill('ticket');
	const place = (count: number, offset: number, kind: TicketKind) => {
		for (let j = 0; j < count; j++) {
			let index = Math.floor(((j + offset) * counts.tickets) / count);
			while (kinds[index] !== 'ticket') index = (index + 1) % counts.tickets;
			kinds[index] = kind;
		}
	};
	place(counts.projects, 0.5, 'project');
	place(counts.opportunities, 0.25, 'opportunity');
	return kinds;
}

/**
 * Tickets, projects and opportunities (one collection, as in Halo, api-notes §4) and their
 * actions. Ids rise with `dateoccurred` over the year before `now`; recent tickets are mostly
 * open, older ones mostly closed.
 */
export function generateTickets(random: Random, now: number, people: People, counts: TicketCounts) {
	const kinds = placeKinds(counts);
	const agentsByTeam = new Map<number, number[]>();
	for (const agent of people.agentInfo) {
		if (!agentsByTeam.has(agent.teamId)) agentsByTeam.set(agent.teamId, []);
		agentsByTeam.get(agent.teamId)!.push(agent.id);
	}
	const supportAgents = [TEAM.serviceDesk, TEAM.secondLine, TEAM.fieldEngineers].flatMap(
		(team) => agentsByTeam.get(team) ?? [],
	);
	const categoryIds = new Map(CATEGORY_PATHS.map((path, index) => [path, index + 1]));

	const tickets: HaloRecord[] = new Array(counts.tickets);
	const actions: HaloRecord[] = [];
	const start = now - 365 * DAY;
	const step = (365 * DAY) / counts.tickets;

	for (let i = 0; i < counts.tickets; i++) {
		const kind = kinds[i];
		const occurred = businessHours(start + (i + random.next()) * step);
		const user = people.userInfo[random.int(0, people.userInfo.length - 1)];
		const site = people.siteInfo[user.siteIndex];
		const client = people.clientInfo[site.clientIndex];
		const teamAgents =
			kind === 'project'
				? agentsByTeam.get(TEAM.projects)!
				: kind === 'opportunity'
					? agentsByTeam.get(TEAM.sales)!
					: supportAgents;
		const agent = people.agentInfo[random.pick(teamAgents) - 1];
		const priority = random.weighted(PRIORITIES, PRIORITY_WEIGHTS);
		const age = now - occurred;
		const openChance =
			kind === 'project'
				? age < 120 * DAY
					? 0.7
					: 0.05
				: age < 3 * DAY
					? 0.85
					: age < 14 * DAY
						? 0.5
						: age < 60 * DAY
							? 0.1
							: 0.02;
		const open = random.chance(openChance);
		const id = i + 1;

		const ticket: HaloRecord = {
			id,
			summary: '',
			details: '',
			tickettype_id: TICKET_TYPE.incident,
			client_id: client.id,
			client_name: client.name,
			site_id: site.id,
			site_name: site.name,
			user_id: user.id,
			user_name: user.name,
			user_email: user.email,
			agent_id: agent.id,
			team: teamName(people, agent.teamId),
			status_id: STATUS.new,
			priority_id: priority.priorityid,
			dateoccurred: haloDate(occurred),
			respondbydate: haloDate(occurred + priority.responseHours * HOUR),
			fixbydate: haloDate(occurred + priority.fixHours * HOUR),
			targetdate: EMPTY_DATE,
			hasbeenclosed: false,
			onhold: false,
		};

		let work: readonly string[];
		let closedAt = 0;
		if (kind === 'ticket') {
			const issue = random.pick(ISSUES);
			work = issue.work;
			fillIssue(ticket, issue, categoryIds);
		} else if (kind === 'project') {
			work = PROJECT_WORK;
			fillProject(random, ticket, occurred, client.name);
		} else {
			work = OPPORTUNITY_WORK;
			fillOpportunity(random, ticket, client.name, user.name, user.email);
		}

		let statusId: number = STATUS.new;
		if (open) {
			statusId = age < 4 * HOUR ? STATUS.new : random.weighted(OPEN_STATUSES, OPEN_STATUS_WEIGHTS);
		} else {
			const duration = kind === 'ticket' ? (0.5 + 72 * random.next() ** 2) * HOUR : age * 0.6;
			closedAt = Math.min(occurred + duration, now - HOUR);
			statusId = random.chance(kind === 'opportunity' ? 0.4 : 0.04)
				? STATUS.cancelled
				: STATUS.closed;
		}
		ticket.status_id = statusId;
		ticket.onhold = statusId === STATUS.onHold;

		const end = open ? occurred + (now - occurred) * (0.3 + 0.6 * random.next()) : closedAt;
		const { actions: ticketActions, lastAt } = makeActions(
			random,
			ticket,
			work,
			open,
			{ from: occurred, to: end, limit: now - 60_000 },
			agent,
			user.firstname,
		);
		let timetaken = 0;
		for (const action of ticketActions) {
			timetaken += action.timetaken as number;
			actions.push(action);
		}
		const last = ticketActions[ticketActions.length - 1];
		ticket.timetaken = Math.round(timetaken * 100) / 100;
		ticket.lastactiondate = last.datetime;
		if (open) {
			ticket.last_update = last.datetime;
		} else {
			// The closing action sets the closure time (moved into working hours).
			ticket.dateclosed = haloDate(lastAt);
			ticket.last_update = ticket.dateclosed;
			ticket.hasbeenclosed = true;
			if (kind === 'opportunity' && statusId === STATUS.closed)
				ticket.oppconverteddate = ticket.dateclosed;
		}
		tickets[i] = ticket;
	}
	return { tickets, actions };
}

/** Moves a night-time moment into the working day (08:00-18:00) it runs into, spread over it. */
function workingTime(ms: number): number {
	const dayStart = Math.floor(ms / DAY) * DAY;
	const hour = (ms - dayStart) / HOUR;
	if (hour < 8) return Math.floor((dayStart + (8 + (hour / 8) * 10) * HOUR) / 1000) * 1000;
	if (hour > 18)
		return Math.floor((dayStart + DAY + (8 + ((hour - 18) / 6) * 10) * HOUR) / 1000) * 1000;
	return ms;
}

/** Moves a moment into 07:30-17:30 UTC of its day, keeping order within the day. */
function businessHours(ms: number): number {
	const dayStart = Math.floor(ms / DAY) * DAY;
	const fraction = (ms - dayStart) / DAY;
	return Math.floor((dayStart + 7.5 * HOUR + fraction * 10 * HOUR) / 1000) * 1000;
}

function teamName(people: People, teamId: number): string {
	return String(people.teams.find((team) => team.id === teamId)?.name ?? '');
}

function fillIssue(ticket: HaloRecord, issue: IssueTemplate, categoryIds: Map<string, number>) {
	ticket.summary = issue.summary;
	ticket.details = issue.details;
	ticket.tickettype_id = TICKET_TYPE_BY_KIND[issue.kind];
	ticket.category_1 = issue.category;
	ticket.categoryid_1 = categoryIds.get(issue.category);
}

function fillProject(random: Random, ticket: HaloRecord, occurred: number, clientName: string) {
	const title = random.pick(PROJECT_TITLES);
	const hours = random.int(2, 20) * 10;
	ticket.summary = `${title} - ${clientName}`;
	ticket.details = `Project: ${title.toLowerCase()} for ${clientName}.`;
	ticket.tickettype_id = TICKET_TYPE.project;
	ticket.is_project = true;
	ticket.startdate = ticket.dateoccurred;
	ticket.targetdate = haloDate(occurred + random.int(30, 120) * DAY);
	ticket.projecttimebudget = hours;
	ticket.projectmoneybudget = hours * 85;
	ticket.estimate = hours;
}

function fillOpportunity(
	random: Random,
	ticket: HaloRecord,
	clientName: string,
	contactName: string,
	contactEmail: string,
) {
	const title = random.pick(OPPORTUNITY_TITLES);
	ticket.summary = title;
	ticket.details = `Opportunity: ${title.toLowerCase()} for ${clientName}.`;
	ticket.tickettype_id = TICKET_TYPE.opportunity;
	ticket.is_opportunity = true;
	ticket.oppcompanyname = clientName;
	ticket.oppcontactname = contactName;
	ticket.oppemailaddress = contactEmail;
	ticket.oppvalue = random.int(10, 500) * 50;
	ticket.oppconversionprobability = random.int(1, 9) * 10;
}

/**
 * Actions numbered from 1 per ticket (api-notes §2.3). Closed tickets end with a closing
 * action; open ones stop part-way through the work.
 */
function makeActions(
	random: Random,
	ticket: HaloRecord,
	work: readonly string[],
	open: boolean,
	window: { from: number; to: number; limit: number },
	agent: { id: number; firstname: string },
	userFirstname: string,
): { actions: HaloRecord[]; lastAt: number } {
	const steps = open ? work.slice(0, random.int(0, work.length - 1)) : work.slice(0, 3);
	const acknowledge = steps.length === 0 || random.chance(0.3);
	const total = steps.length + (acknowledge ? 1 : 0);
	const actions: HaloRecord[] = [];
	const span = window.to - window.from;
	let previous = window.from;
	// Evenly spread over the window, moved into working hours, never past `limit`.
	const at = (n: number) => {
		const raw = window.from + Math.floor((span * (n + 1)) / total / 1000) * 1000;
		let time = Math.max(workingTime(raw), previous + 60_000);
		if (time > window.limit) time = Math.max(Math.min(raw, window.limit), previous + 1000);
		previous = time;
		return haloDate(time);
	};
	let n = 0;
	if (acknowledge) {
		actions.push({
			id: 1,
			ticket_id: ticket.id,
			outcome: OUTCOME_NAMES[OUTCOME.emailUser],
			outcome_id: OUTCOME.emailUser,
			note: `Hi ${userFirstname}, thanks for getting in touch. ${agent.firstname} is looking into this for you.`,
			who_agentid: agent.id,
			datetime: at(n++),
			timetaken: 0.05,
			hiddenfromuser: false,
		});
	}
	for (let s = 0; s < steps.length; s++) {
		const closing = !open && s === steps.length - 1;
		const outcomeId = closing
			? OUTCOME.closeTicket
			: random.weighted(WORK_OUTCOMES, WORK_OUTCOME_WEIGHTS);
		const action: HaloRecord = {
			id: actions.length + 1,
			ticket_id: ticket.id,
			outcome: OUTCOME_NAMES[outcomeId],
			outcome_id: outcomeId,
			note: steps[s],
			who_agentid: agent.id,
			datetime: at(n++),
			timetaken: random.pick(TIME_STEPS),
			hiddenfromuser: outcomeId === OUTCOME.privateNote,
		};
		if (closing)
			action.new_status = ticket.status_id === STATUS.cancelled ? STATUS.cancelled : STATUS.closed;
		actions.push(action);
	}
	return { actions, lastAt: previous };
}

/** Custom fields on a share of tickets: a customer reference, a root cause on closed problems. */
export function addTicketCustomFields(random: Random, tickets: HaloRecord[]) {
	for (const ticket of tickets) {
		const fields: HaloRecord[] = [];
		if (ticket.tickettype_id !== TICKET_TYPE.opportunity && random.chance(0.3)) {
			const reference = `PO-${random.int(10000, 99999)}`;
			fields.push(customFieldValue(CUSTOM_FIELDS.customerReference, reference));
		}
		if (ticket.tickettype_id === TICKET_TYPE.problem && ticket.hasbeenclosed) {
			const cause = random.pick(['Hardware fault', 'Configuration', 'Third party', 'User error']);
			fields.push(customFieldValue(CUSTOM_FIELDS.rootCause, cause));
		}
		if (fields.length > 0) ticket.customfields = fields;
	}
}
