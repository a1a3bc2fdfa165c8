import { CUSTOM_FIELDS, customFieldValue, TEAM, TEAM_NAMES, TEAM_WEIGHTS } from './catalogue';
import { DAY, haloDate } from './dates';
import type { HaloRecord } from './generate';
import {
	COMPANY_KINDS,
	COMPANY_PREFIXES,
	COMPANY_SUFFIXES,
	DEPARTMENTS,
	FIRST_NAMES,
	JOB_TITLES,
	SITE_NAMES,
	STREETS,
	SURNAMES,
	TECHNICIAN_TITLES,
	TOWNS,
} from './names';
import type { Random } from './random';

/** The MSP running the tenant; its agents' emails use this domain. */
export const MSP_NAME = 'Northpoint IT Services';
export const MSP_DOMAIN = 'northpointit.co.uk';

/** Id of the agent API applications log in as. */
export const API_AGENT_ID = 1;

export interface ClientInfo {
	id: number;
	name: string;
	domain: string;
	/** Short code used in hostnames, e.g. `ASHD`. */
	code: string;
	siteIds: number[];
	/** Relative size: how many of the tenant's users and tickets it has. */
	weight: number;
}

export interface SiteInfo {
	id: number;
	name: string;
	clientIndex: number;
	userIds: number[];
}

export interface UserInfo {
	id: number;
	name: string;
	firstname: string;
	email: string;
	siteIndex: number;
}

export interface AgentInfo {
	id: number;
	name: string;
	firstname: string;
	teamId: number;
}

export interface People {
	clients: HaloRecord[];
	sites: HaloRecord[];
	users: HaloRecord[];
	agents: HaloRecord[];
	teams: HaloRecord[];
	clientInfo: ClientInfo[];
	siteInfo: SiteInfo[];
	userInfo: UserInfo[];
	agentInfo: AgentInfo[];
}

export function generatePeople(
	random: Random,
	now: number,
	counts: { clients: number; users: number; technicians: number },
): People {
	const clientInfo = makeClients(random, counts.clients);
	const { sites, siteInfo } = makeSites(random, clientInfo);
	const { users, userInfo } = makeUsers(random, counts.users, clientInfo, siteInfo, sites);
	const clients = clientInfo.map((client) => clientRecord(random, now, client, sites));
	for (const site of siteInfo) {
		const contact = userInfo[site.userIds[0] - 1];
		const record = sites[site.id - 1];
		record.maincontact_id = contact.id;
		record.maincontact_name = contact.name;
	}
	const { agents, agentInfo } = makeAgents(random, counts.technicians);
	const teams = makeTeams(agentInfo);
	return { clients, sites, users, agents, teams, clientInfo, siteInfo, userInfo, agentInfo };
}

function makeClients(random: Random, count: number): ClientInfo[] {
	const used = new Set<string>();
	const usedDomains = new Set<string>();
	const clients: ClientInfo[] = [];
	for (let id = 1; id <= count; id++) {
		let prefix: string;
		let kind: readonly [string, string];
		let base: string;
		let attempts = 0;
		do {
			prefix = random.pick(COMPANY_PREFIXES);
			kind = random.pick(COMPANY_KINDS);
			base = `${prefix} ${kind[0]}`;
			// Past the word lists' combinations, a town tells namesakes apart.
			if (++attempts > 20) base = `${base} (${random.pick(TOWNS)[0]})`;
		} while (used.has(base));
		used.add(base);
		const suffix = random.pick(COMPANY_SUFFIXES);
		const name = suffix ? `${base} ${suffix}` : base;
		let domain = `${prefix.toLowerCase()}${kind[1]}.co.uk`;
		for (let n = 2; usedDomains.has(domain); n++)
			domain = `${prefix.toLowerCase()}${kind[1]}${n}.co.uk`;
		usedDomains.add(domain);
		const code = (prefix.slice(0, 3) + kind[0][0]).toUpperCase();
		const draw = random.next();
		clients.push({ id, name, domain, code, siteIds: [], weight: 1 + draw * draw * 6 });
	}
	return clients;
}

function makeSites(random: Random, clients: ClientInfo[]) {
	const sites: HaloRecord[] = [];
	const siteInfo: SiteInfo[] = [];
	for (let c = 0; c < clients.length; c++) {
		const client = clients[c];
		const siteCount = client.weight > 4 ? random.int(2, 3) : random.chance(0.3) ? 2 : 1;
		const homeTown = random.pick(TOWNS);
		for (let s = 0; s < siteCount; s++) {
			const id = sites.length + 1;
			const [town, area, dial] = s === 0 ? homeTown : random.pick(TOWNS);
			const name = s === 0 ? random.pick(SITE_NAMES.slice(0, 2)) : siteName(random, town);
			const address = {
				line1: `${random.int(1, 240)} ${random.pick(STREETS)}`,
				line2: '',
				line3: town,
				line4: '',
				postcode: `${area}${random.int(1, 28)} ${random.int(1, 9)}${letter(random)}${letter(random)}`,
			};
			const record: HaloRecord = {
				id,
				name,
				client_id: client.id,
				client_name: client.name,
				inactive: false,
				phonenumber: `${dial} ${random.int(200, 999)} ${random.int(1000, 9999)}`,
				timezone: 'GMT Standard Time',
				delivery_address: address,
				invoice_address: address,
				isinvoicesite: s === 0,
			};
			if (random.chance(0.25)) {
				record.customfields = [
					customFieldValue(CUSTOM_FIELDS.siteAccess, random.pick(SITE_ACCESS_NOTES)),
				];
			}
			sites.push(record);
			siteInfo.push({ id, name, clientIndex: c, userIds: [] });
			client.siteIds.push(id);
		}
	}
	return { sites, siteInfo };
}

const SITE_ACCESS_NOTES = [
	'Sign in at reception; parking at the rear.',
	'Comms cabinet key held by the office manager.',
	'Alarm code from the practice manager; arrive after 08:00.',
	'Server room on the second floor, badge access only.',
];

function siteName(random: Random, town: string): string {
	const kind = random.pick(SITE_NAMES.slice(2));
	return kind === 'Branch' ? `${town} Branch` : `${town} ${kind}`;
}

function letter(random: Random): string {
	return String.fromCharCode(65 + random.int(0, 25));
}

function makeUsers(
	random: Random,
	count: number,
	clients: ClientInfo[],
	siteInfo: SiteInfo[],
	sites: HaloRecord[],
) {
	// Every site has a contact; the rest go to sites in proportion to their client's size.
	const weights = siteInfo.map((site) => clients[site.clientIndex].weight);
	const cumulative = cumulate(weights);
	const users: HaloRecord[] = [];
	const userInfo: UserInfo[] = [];
	const emails = new Set<string>();
	for (let i = 0; i < count; i++) {
		const siteIndex = i < siteInfo.length ? i : pickCumulative(random, cumulative);
		const site = siteInfo[siteIndex];
		const client = clients[site.clientIndex];
		const firstname = random.pick(FIRST_NAMES);
		const surname = random.pick(SURNAMES);
		const local = `${firstname}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
		let email = `${local}@${client.domain}`;
		for (let n = 2; emails.has(email); n++) email = `${local}${n}@${client.domain}`;
		emails.add(email);
		const id = i + 1;
		const name = `${firstname} ${surname}`;
		const record: HaloRecord = {
			id,
			name,
			firstname,
			surname,
			site_id: site.id,
			site_name: site.name,
			client_id: client.id,
			client_name: client.name,
			emailaddress: email,
			phonenumber: String(sites[siteIndex].phonenumber),
			inactive: random.chance(0.03),
			isimportantcontact: site.userIds.length === 0,
			title: random.pick(JOB_TITLES),
			department: random.pick(DEPARTMENTS),
		};
		if (random.chance(0.4)) {
			record.mobilenumber = `07${random.int(100, 999)} ${random.int(100000, 999999)}`;
		}
		if (random.chance(0.1)) {
			record.customfields = [
				customFieldValue(CUSTOM_FIELDS.preferredContact, random.pick(['Email', 'Phone', 'Teams'])),
			];
		}
		users.push(record);
		userInfo.push({ id, name, firstname, email, siteIndex });
		site.userIds.push(id);
	}
	return { users, userInfo };
}

function clientRecord(
	random: Random,
	now: number,
	client: ClientInfo,
	sites: HaloRecord[],
): HaloRecord {
	const mainSite = sites[client.siteIds[0] - 1];
	const record: HaloRecord = {
		id: client.id,
		name: client.name,
		toplevel_id: 1,
		toplevel_name: 'Customers',
		inactive: random.chance(0.02),
		website: `https://www.${client.domain}`,
		is_vip: client.weight > 5.5,
		main_site_id: mainSite.id,
		main_site_name: mainSite.name,
		accountsid: `C${String(client.id).padStart(5, '0')}`,
		taxable: true,
		datecreated: haloDate(now - random.int(400, 2500) * DAY),
		notes: '',
		customfields: [] as HaloRecord[],
	};
	if (random.chance(0.5)) {
		(record.customfields as HaloRecord[]).push(
			customFieldValue(
				CUSTOM_FIELDS.accountManager,
				`${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
			),
		);
	}
	return record;
}

function makeAgents(random: Random, technicians: number) {
	const agents: HaloRecord[] = [
		{
			id: API_AGENT_ID,
			name: 'API Agent',
			firstname: 'API',
			surname: 'Agent',
			initials: 'AA',
			email: `api@${MSP_DOMAIN}`,
			jobtitle: 'API',
			team: '',
			teams: [],
			isdisabled: false,
			is_agent: true,
			isapiagent: true,
		},
	];
	const agentInfo: AgentInfo[] = [
		{ id: API_AGENT_ID, name: 'API Agent', firstname: 'API', teamId: 0 },
	];
	const teamIds = Object.values(TEAM);
	for (let i = 0; i < technicians; i++) {
		const id = i + 2;
		// The first technicians staff one team each, so no team is empty.
		const teamId = i < teamIds.length ? teamIds[i] : random.weighted(teamIds, TEAM_WEIGHTS);
		const firstname = random.pick(FIRST_NAMES);
		const surname = random.pick(SURNAMES);
		const name = `${firstname} ${surname}`;
		const teamName = TEAM_NAMES[teamId];
		agents.push({
			id,
			name,
			firstname,
			surname,
			initials: `${firstname[0]}${surname[0]}`,
			email: `${firstname}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${MSP_DOMAIN}`,
			jobtitle: jobTitleFor(random, teamId),
			team: teamName,
			teams: [{ team_id: teamId, team_name: teamName, agent_id: id, agent_name: name }],
			isdisabled: false,
			is_agent: true,
			isapiagent: false,
		});
		agentInfo.push({ id, name, firstname, teamId });
	}
	return { agents, agentInfo };
}

function jobTitleFor(random: Random, teamId: number): string {
	switch (teamId) {
		case TEAM.serviceDesk:
			return random.pick(TECHNICIAN_TITLES.slice(0, 2));
		case TEAM.secondLine:
			return random.pick(TECHNICIAN_TITLES.slice(2, 5));
		case TEAM.fieldEngineers:
			return 'Field Engineer';
		case TEAM.projects:
			return 'Project Engineer';
		default:
			return random.pick(TECHNICIAN_TITLES.slice(6));
	}
}

function makeTeams(agentInfo: AgentInfo[]): HaloRecord[] {
	return Object.values(TEAM).map((teamId, index) => ({
		id: teamId,
		name: TEAM_NAMES[teamId],
		sequence: index + 1,
		forrequests: teamId !== TEAM.sales && teamId !== TEAM.projects,
		forprojects: teamId === TEAM.projects,
		foropps: teamId === TEAM.sales,
		inactive: false,
		department_id: 1,
		department_name: teamId === TEAM.sales ? 'Sales' : 'Support',
		agents: agentInfo
			.filter((agent) => agent.teamId === teamId)
			.map((agent) => ({
				agent_id: agent.id,
				agent_name: agent.name,
				team_id: teamId,
				team_name: TEAM_NAMES[teamId],
			})),
	}));
}

export function cumulate(weights: readonly number[]): Float64Array {
	const out = new Float64Array(weights.length);
	let total = 0;
	for (let i = 0; i < weights.length; i++) {
		total += weights[i];
		out[i] = total;
	}
	return out;
}

/** Index drawn in proportion to the weights summed in `cumulative` (binary search). */
export function pickCumulative(random: Random, cumulative: Float64Array): number {
	const target = random.next() * cumulative[cumulative.length - 1];
	let low = 0;
	let high = cumulative.length - 1;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (cumulative[mid] > target) high = mid;
		else low = mid + 1;
	}
	return low;
}
