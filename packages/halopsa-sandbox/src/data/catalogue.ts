import type { HaloRecord } from './generate';
import { ISSUES } from './names';
import type { Random } from './random';

/*
 * Configuration records every Halo tenant has: statuses, ticket types, priorities, categories,
 * outcomes, custom field definitions, teams. Ids are fixed so tests and users can rely on them.
 */

export const STATUS = {
	new: 1,
	inProgress: 2,
	waitingOnCustomer: 3,
	waitingOnSupplier: 4,
	onHold: 5,
	customerResponded: 6,
	// Halo's closed status is id 9 (api-notes §2.2 close example, §5.2 captured payload).
	closed: 9,
	cancelled: 10,
} as const;

/** `type` of a status: 0 open, 1 closed [inferred; the document gives no enum]. */
export const STATUS_TYPE_OPEN = 0;
export const STATUS_TYPE_CLOSED = 1;

export function statuses(): HaloRecord[] {
	const rows: Array<[number, string, string, number, string]> = [
		[STATUS.new, 'New', 'NEW', STATUS_TYPE_OPEN, '#3f8fd2'],
		[STATUS.inProgress, 'In Progress', 'INP', STATUS_TYPE_OPEN, '#e8a33d'],
		[STATUS.waitingOnCustomer, 'Waiting on Customer', 'WOC', STATUS_TYPE_OPEN, '#9b59b6'],
		[STATUS.waitingOnSupplier, 'Waiting on Supplier', 'WOS', STATUS_TYPE_OPEN, '#8e44ad'],
		[STATUS.onHold, 'On Hold', 'HLD', STATUS_TYPE_OPEN, '#7f8c8d'],
		[STATUS.customerResponded, 'Customer Responded', 'CRS', STATUS_TYPE_OPEN, '#e74c3c'],
		[STATUS.closed, 'Closed', 'CLS', STATUS_TYPE_CLOSED, '#27ae60'],
		[STATUS.cancelled, 'Cancelled', 'CAN', STATUS_TYPE_CLOSED, '#95a5a6'],
	];
	return rows.map(([id, name, shortname, type, colour], index) => ({
		id,
		name,
		shortname,
		type,
		sequence: index + 1,
		colour,
	}));
}

export const TICKET_TYPE = {
	incident: 1,
	problem: 2,
	change: 3,
	serviceRequest: 4,
	project: 5,
	opportunity: 6,
} as const;

export const TICKET_TYPE_BY_KIND = {
	Incident: TICKET_TYPE.incident,
	Problem: TICKET_TYPE.problem,
	'Change Request': TICKET_TYPE.change,
	'Service Request': TICKET_TYPE.serviceRequest,
} as const;

export function ticketTypes(): HaloRecord[] {
	const rows: Array<[number, string, string, boolean]> = [
		[TICKET_TYPE.incident, 'Incident', 'ticket', true],
		[TICKET_TYPE.problem, 'Problem', 'ticket', false],
		[TICKET_TYPE.change, 'Change Request', 'ticket', false],
		[TICKET_TYPE.serviceRequest, 'Service Request', 'ticket', true],
		[TICKET_TYPE.project, 'Project', 'project', false],
		[TICKET_TYPE.opportunity, 'Opportunity', 'opportunity', false],
	];
	return rows.map(([id, name, use, enduserscanselect], index) => ({
		id,
		name,
		use,
		sequence: index + 1,
		agentscanselect: true,
		enduserscanselect,
		visible: true,
	}));
}

export interface PriorityDef {
	priorityid: number;
	name: string;
	responseHours: number;
	fixHours: number;
	colour: string;
}

export const PRIORITIES: readonly PriorityDef[] = [
	{ priorityid: 1, name: 'Critical', responseHours: 1, fixHours: 4, colour: '#c0392b' },
	{ priorityid: 2, name: 'High', responseHours: 2, fixHours: 8, colour: '#e67e22' },
	{ priorityid: 3, name: 'Medium', responseHours: 4, fixHours: 24, colour: '#f1c40f' },
	{ priorityid: 4, name: 'Low', responseHours: 8, fixHours: 72, colour: '#2ecc71' },
];

/** Priority records carry a GUID `id` and the integer `priorityid` tickets use (api-notes §2.8). */
export function priorities(random: Random): HaloRecord[] {
	return PRIORITIES.map((priority) => ({
		id: random.guid(),
		priorityid: priority.priorityid,
		slaid: 1,
		name: priority.name,
		responsetime: priority.responseHours,
		responseunits: 'hours',
		fixtime: priority.fixHours,
		fixunits: 'hours',
		colour: priority.colour,
		ishidden: false,
	}));
}

/** Category paths (`Top>Sub`) in first-seen order of the issue templates. */
export const CATEGORY_PATHS: readonly string[] = [
	...new Set(ISSUES.map((issue) => issue.category)),
];

export function categories(): HaloRecord[] {
	return CATEGORY_PATHS.map((path, index) => ({
		id: index + 1,
		value: path,
		category_name: path,
		type_id: 1,
	}));
}

export const OUTCOME = {
	note: 1,
	emailUser: 2,
	privateNote: 3,
	timeEntry: 4,
	phoneCall: 5,
	remoteSession: 6,
	changeStatus: 7,
	closeTicket: 8,
} as const;

export const OUTCOME_NAMES: Record<number, string> = {
	[OUTCOME.note]: 'Note',
	[OUTCOME.emailUser]: 'Email User',
	[OUTCOME.privateNote]: 'Private Note',
	[OUTCOME.timeEntry]: 'Time Entry',
	[OUTCOME.phoneCall]: 'Phone Call',
	[OUTCOME.remoteSession]: 'Remote Session',
	[OUTCOME.changeStatus]: 'Change Status',
	[OUTCOME.closeTicket]: 'Close Ticket',
};

export function outcomes(): HaloRecord[] {
	const buttons: Record<number, string> = {
		[OUTCOME.note]: 'Add Note',
		[OUTCOME.emailUser]: 'Email User',
		[OUTCOME.privateNote]: 'Private Note',
		[OUTCOME.timeEntry]: 'Log Time',
		[OUTCOME.phoneCall]: 'Log Call',
		[OUTCOME.remoteSession]: 'Remote Session',
		[OUTCOME.changeStatus]: 'Change Status',
		[OUTCOME.closeTicket]: 'Close',
	};
	return Object.entries(OUTCOME_NAMES).map(([id, outcome], index) => ({
		id: Number(id),
		outcome,
		buttonname: buttons[Number(id)],
		sequence: index + 1,
		hidden: false,
		hidefromuser: Number(id) === OUTCOME.privateNote,
		...(Number(id) === OUTCOME.closeTicket ? { newstatus: STATUS.closed } : {}),
	}));
}

/** Custom field `usage` codes: 1 tickets, 2 clients, 3 sites, 4 users [inferred]. */
export const FIELD_USAGE = { ticket: 1, client: 2, site: 3, user: 4 } as const;

export interface CustomFieldDef {
	id: number;
	name: string;
	label: string;
	usage: number;
}

export const CUSTOM_FIELDS = {
	customerReference: {
		id: 150,
		name: 'CFCustomerReference',
		label: 'Customer Reference',
		usage: FIELD_USAGE.ticket,
	},
	rootCause: { id: 151, name: 'CFRootCause', label: 'Root Cause', usage: FIELD_USAGE.ticket },
	accountManager: {
		id: 152,
		name: 'CFAccountManager',
		label: 'Account Manager',
		usage: FIELD_USAGE.client,
	},
	siteAccess: {
		id: 153,
		name: 'CFSiteAccessNotes',
		label: 'Site Access Notes',
		usage: FIELD_USAGE.site,
	},
	preferredContact: {
		id: 154,
		name: 'CFPreferredContactMethod',
		label: 'Preferred Contact Method',
		usage: FIELD_USAGE.user,
	},
} as const satisfies Record<string, CustomFieldDef>;

/** Field `type` 0 = text, 1 = memo [inferred]. */
export function fieldInfo(): HaloRecord[] {
	return Object.values(CUSTOM_FIELDS).map((field) => ({
		id: field.id,
		name: field.name,
		label: field.label,
		type: field.name === 'CFSiteAccessNotes' ? 1 : 0,
		inputtype: 0,
		usage: field.usage,
		mandatory: false,
		custom: 1,
		characterlimit: 0,
		searchable: true,
	}));
}

/** A custom field value as Halo returns it on a ticket, client, site or user (SPEC `CustomField`). */
export function customFieldValue(field: CustomFieldDef, value: string): HaloRecord {
	return {
		id: field.id,
		name: field.name,
		label: field.label,
		type: 0,
		value,
		display: value,
		usage: field.usage,
	};
}

export const TEAM = {
	serviceDesk: 1,
	secondLine: 2,
	fieldEngineers: 3,
	projects: 4,
	sales: 5,
} as const;

export const TEAM_NAMES: Record<number, string> = {
	[TEAM.serviceDesk]: 'Service Desk',
	[TEAM.secondLine]: 'Second Line',
	[TEAM.fieldEngineers]: 'Field Engineers',
	[TEAM.projects]: 'Projects',
	[TEAM.sales]: 'Sales',
};

/** Share of technicians per team, in TEAM id order. */
export const TEAM_WEIGHTS = [40, 25, 15, 10, 10];
