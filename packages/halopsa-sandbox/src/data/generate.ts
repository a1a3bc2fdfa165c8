import { assets, assetTypes } from './assets';
import {
	categories,
	fieldInfo,
	outcomes,
	priorities,
	statuses,
	TEAM,
	TICKET_TYPE,
	ticketTypes,
} from './catalogue';
import { contracts, invoices, items, quotes, suppliers } from './commercial';
import { appointments, attachments, kbArticles } from './content';
import { REFERENCE_NOW } from './dates';
import { generatePeople } from './people';
import { Random } from './random';
import { addTicketCustomFields, generateTickets } from './tickets';

export interface GenerateOptions {
	/**
	 * Number of tickets, as `GET /Tickets` lists them; projects and opportunities, which share the
	 * tickets collection (api-notes §4), come in addition.
	 */
	tickets: number;
	seed: number;
}

export type CollectionName =
	| 'tickets'
	| 'actions'
	| 'clients'
	| 'sites'
	| 'users'
	| 'agents'
	| 'teams'
	| 'assets'
	| 'assettypes'
	| 'contracts'
	| 'invoices'
	| 'quotes'
	| 'appointments'
	| 'kbarticles'
	| 'suppliers'
	| 'items'
	| 'statuses'
	| 'tickettypes'
	| 'priorities'
	| 'categories'
	| 'outcomes'
	| 'fieldinfo'
	| 'attachments'
	| 'webhooks'
	| 'webhookevents';

export type HaloRecord = Record<string, unknown>;
export type Dataset = Record<CollectionName, HaloRecord[]>;

/** The component schema (in the OpenAPI subset) that each collection's records follow. */
export const COLLECTION_SCHEMAS: Readonly<Record<CollectionName, string>> = {
	tickets: 'Faults',
	actions: 'Actions',
	clients: 'Area',
	sites: 'Site',
	users: 'Users',
	agents: 'Uname',
	teams: 'SectionDetail',
	assets: 'Device',
	assettypes: 'Xtype',
	contracts: 'ContractHeader',
	invoices: 'InvoiceHeader',
	quotes: 'QuotationHeader',
	appointments: 'Appointment',
	kbarticles: 'KBEntry',
	suppliers: 'Company',
	items: 'Item',
	statuses: 'TStatus',
	tickettypes: 'RequestType',
	priorities: 'Policy',
	categories: 'CategoryDetail',
	outcomes: 'TOutcome',
	fieldinfo: 'FieldInfo',
	attachments: 'Attachment',
	webhooks: 'Webhook',
	webhookevents: 'WebhookEvent',
};

export const MAX_TICKETS = 1_000_000;

/** How the other collections grow with the number of tickets. */
export function collectionSizes(tickets: number) {
	const clients = Math.max(3, Math.round(tickets / 50));
	return {
		clients,
		users: Math.min(20_000, Math.max(clients * 4, Math.round(tickets / 5))),
		technicians: Math.min(60, Math.max(5, Math.round(tickets / 400))),
		projects: Math.max(1, Math.round(tickets / 100)),
		opportunities: Math.max(1, Math.round(tickets / 100)),
		assets: Math.min(25_000, Math.max(clients * 3, Math.round(tickets / 4))),
		invoices: Math.min(5_000, clients * 2),
		quotes: Math.max(3, Math.round(clients / 2)),
		appointments: Math.min(5_000, Math.max(3, Math.round(tickets / 20))),
		attachments: Math.min(40, Math.max(3, Math.round(tickets / 250))),
	};
}

/**
 * A whole Halo tenant of an MSP, generated from a seed: the same options always give the same
 * records, in the same order, with the same dates (relative to REFERENCE_NOW, not the clock).
 */
export function generateDataset(options: GenerateOptions): Dataset {
	const ticketCount = Math.floor(options.tickets);
	if (!Number.isFinite(ticketCount) || ticketCount < 3 || ticketCount > MAX_TICKETS) {
		throw new RangeError(`tickets must be between 3 and ${MAX_TICKETS}, got ${options.tickets}`);
	}
	const random = new Random(options.seed);
	const now = REFERENCE_NOW;
	const sizes = collectionSizes(ticketCount);

	const people = generatePeople(random, now, sizes);
	const { tickets, actions } = generateTickets(random, now, people, {
		tickets: ticketCount + sizes.projects + sizes.opportunities,
		projects: sizes.projects,
		opportunities: sizes.opportunities,
	});
	addTicketCustomFields(random, tickets);
	const opportunities = tickets.filter(
		(ticket) => ticket.tickettype_id === TICKET_TYPE.opportunity,
	);
	const salesAgents = people.agentInfo
		.filter((agent) => agent.teamId === TEAM.sales)
		.map((a) => a.id);

	return {
		tickets,
		actions,
		clients: people.clients,
		sites: people.sites,
		users: people.users,
		agents: people.agents,
		teams: people.teams,
		assets: assets(random, now, people, sizes.assets),
		assettypes: assetTypes(),
		contracts: contracts(random, now, people),
		invoices: invoices(random, now, people, sizes.invoices),
		quotes: quotes(random, now, people, sizes.quotes, salesAgents, opportunities),
		appointments: appointments(random, now, tickets, sizes.appointments),
		kbarticles: kbArticles(random, now),
		suppliers: suppliers(random),
		items: items(random),
		statuses: statuses(),
		tickettypes: ticketTypes(),
		priorities: priorities(random),
		categories: categories(),
		outcomes: outcomes(),
		fieldinfo: fieldInfo(),
		attachments: attachments(now, tickets, sizes.attachments),
		webhooks: [],
		webhookevents: [],
	};
}
