import { DAY, firstOfMonth, haloDate } from './dates';
import type { HaloRecord } from './generate';
import { FIRST_NAMES, ITEMS, OPPORTUNITY_TITLES, SUPPLIERS, SURNAMES, TOWNS } from './names';
import type { People } from './people';
import type { Random } from './random';

/** UK VAT, applied to every line. */
const VAT_RATE = 0.2;

function money(value: number): number {
	return Math.round(value * 100) / 100;
}

export function suppliers(random: Random): HaloRecord[] {
	return SUPPLIERS.map(([name, domain], index) => {
		const [town, , dial] = random.pick(TOWNS);
		return {
			id: index + 1,
			name,
			contact_name: `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
			email_address: `sales@${domain}`,
			phone_number: `${dial} ${random.int(200, 999)} ${random.int(1000, 9999)}`,
			website: `https://www.${domain}`,
			address: `${random.int(1, 90)} Enterprise Park, ${town}`,
			inactive: false,
			notes: '',
		};
	});
}

export function items(random: Random): HaloRecord[] {
	return ITEMS.map(([name, description, price, cost, recurring, supplier], index) => ({
		id: index + 1,
		name,
		description,
		baseprice: price,
		costprice: cost,
		recurringprice: recurring,
		recurringcost: money(recurring * 0.7),
		supplier_id: supplier + 1,
		quantity_in_stock: price > 0 && cost > 0 ? random.int(0, 25) : 0,
		nominalcode: recurring > 0 ? '4100' : '4000',
	}));
}

/** One managed-services contract per client, billed per user each month. */
export function contracts(random: Random, now: number, people: People): HaloRecord[] {
	return people.clientInfo.map((client) => {
		const start = firstOfMonth(now, random.int(1, 36));
		const end =
			Date.UTC(
				new Date(start).getUTCFullYear() + random.int(1, 3),
				new Date(start).getUTCMonth(),
				1,
			) - DAY;
		const expired = end < now;
		const seats = client.siteIds.reduce(
			(sum, siteId) => sum + people.siteInfo[siteId - 1].userIds.length,
			0,
		);
		return {
			id: client.id,
			ref: `MSA-${String(client.id).padStart(4, '0')}`,
			client_id: client.id,
			client_name: client.name,
			site_id: client.siteIds[0],
			start_date: haloDate(start),
			end_date: haloDate(end),
			contract_status: expired ? 'Expired' : 'Active',
			periodchargeamount: money(seats * 35),
			expired,
			...(expired ? {} : { next_invoice_date: haloDate(firstOfMonth(now, -1)) }),
		};
	});
}

interface LineSource {
	itemId: number;
	quantity: number;
}

function lineSources(random: Random, count: number, recurringOnly: boolean): LineSource[] {
	const candidates = ITEMS.map((item, index) => ({ index, item })).filter(({ item }) =>
		recurringOnly ? item[4] > 0 : true,
	);
	const lines: LineSource[] = [];
	for (let i = 0; i < count; i++) {
		const { index } = random.pick(candidates);
		lines.push({ itemId: index + 1, quantity: random.int(1, 12) });
	}
	return lines;
}

/** Monthly invoices, oldest first: client by client, month by month back from `now`. */
export function invoices(random: Random, now: number, people: People, count: number): HaloRecord[] {
	const out: HaloRecord[] = [];
	const clients = people.clientInfo;
	const months = Math.ceil(count / clients.length);
	for (let i = 0; i < count; i++) {
		const client = clients[i % clients.length];
		const monthsBack = months - Math.floor(i / clients.length);
		const date = firstOfMonth(now, monthsBack);
		const id = i + 1;
		let net = 0;
		let tax = 0;
		const lines = lineSources(random, random.int(1, 4), true).map((source, index) => {
			const [name, description, , cost, recurring] = ITEMS[source.itemId - 1];
			const lineNet = money(recurring * source.quantity);
			const lineTax = money(lineNet * VAT_RATE);
			net += lineNet;
			tax += lineTax;
			return {
				id: id * 10 + index,
				ihid: id,
				item_code: `ITEM${String(source.itemId).padStart(3, '0')}`,
				item_shortdescription: name,
				item_longdescription: description,
				qty_order: source.quantity,
				unit_price: recurring,
				unit_cost: cost,
				net_amount: lineNet,
				tax_amount: lineTax,
				tax_rate: VAT_RATE * 100,
			};
		});
		const total = money(net + tax);
		const paid = date < now - 45 * DAY || random.chance(0.3);
		out.push({
			id,
			invoicenumber: `INV-${String(10000 + id)}`,
			client_id: client.id,
			client_name: client.name,
			invoice_date: haloDate(date),
			duedate: haloDate(date + 30 * DAY),
			posted: true,
			contract_id: client.id,
			lines,
			total,
			tax_total: money(tax),
			amountpaid: paid ? total : 0,
			amountdue: paid ? 0 : total,
		});
	}
	return out;
}

export function quotes(
	random: Random,
	now: number,
	people: People,
	count: number,
	salesAgentIds: number[],
	opportunities: HaloRecord[],
): HaloRecord[] {
	const out: HaloRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = i + 1;
		// Quotes follow opportunities where there are any; the rest are ad-hoc hardware quotes.
		const opportunity = i < opportunities.length ? opportunities[i] : undefined;
		const user = opportunity
			? people.userInfo[(opportunity.user_id as number) - 1]
			: people.userInfo[random.int(0, people.userInfo.length - 1)];
		const site = people.siteInfo[user.siteIndex];
		const client = people.clientInfo[site.clientIndex];
		const date = now - random.int(1, 300) * DAY;
		let net = 0;
		let tax = 0;
		const lines = lineSources(random, random.int(1, 4), false).map((source, index) => {
			const [name, description, price, cost, recurring] = ITEMS[source.itemId - 1];
			const unit = price > 0 ? price : recurring;
			const lineNet = money(unit * source.quantity);
			const lineTax = money(lineNet * VAT_RATE);
			net += lineNet;
			tax += lineTax;
			return {
				id: id * 10 + index,
				qhid: id,
				item_id: source.itemId,
				name,
				description,
				current_quantity: source.quantity,
				baseprice: unit,
				costprice: cost,
				net_total: lineNet,
				total_tax: lineTax,
				total_price: money(lineNet + lineTax),
			};
		});
		out.push({
			id,
			title: opportunity ? String(opportunity.summary) : random.pick(OPPORTUNITY_TITLES),
			client_id: client.id,
			client_name: client.name,
			site_id: site.id,
			user_id: user.id,
			...(opportunity ? { ticket_id: opportunity.id } : {}),
			agent_id: random.pick(salesAgentIds),
			date: haloDate(date),
			expiry_date: haloDate(date + 30 * DAY),
			lines,
			total: money(net + tax),
			tax_total: money(tax),
			note: '',
		});
	}
	return out;
}
