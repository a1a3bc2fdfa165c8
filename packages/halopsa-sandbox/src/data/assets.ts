import { DAY, haloDate } from './dates';
import type { HaloRecord } from './generate';
import { ASSET_TYPES } from './names';
import type { People } from './people';
import { cumulate, pickCumulative } from './people';
import type { Random } from './random';

/** Asset fields shared by every type (`fields[].id` on assets, `field_id` on types). */
const FIELD = {
	manufacturer: 101,
	model: 102,
	serial: 103,
	hostname: 104,
	purchased: 105,
} as const;
const FIELD_NAMES: Record<number, string> = {
	[FIELD.manufacturer]: 'Manufacturer',
	[FIELD.model]: 'Model',
	[FIELD.serial]: 'Serial Number',
	[FIELD.hostname]: 'Hostname',
	[FIELD.purchased]: 'Purchase Date',
};

const TYPE_CODES = ['LT', 'DT', 'SRV', 'FW', 'SW', 'AP', 'PRN', 'MOB'];

/** Asset status ids: 1 Active, 2 Retired [inferred; the UI capture in api-notes §2.2 sends 1]. */
const ASSET_STATUS = { active: 1, retired: 2 } as const;

export function assetTypes(): HaloRecord[] {
	const groups = [...new Set(ASSET_TYPES.map(([, group]) => group))];
	return ASSET_TYPES.map(([name, group], index) => ({
		id: index + 1,
		name,
		assetgroup_id: groups.indexOf(group) + 1,
		assetgroup_name: group,
		keyfield_id: FIELD.hostname,
		keyfield_name: FIELD_NAMES[FIELD.hostname],
		fields: Object.values(FIELD).map((fieldId, sequence) => ({
			id: (index + 1) * 100 + sequence,
			field_id: fieldId,
			field_name: FIELD_NAMES[fieldId],
			sequence: sequence + 1,
		})),
	}));
}

/** Laptops and desktops dominate, as on any MSP's books. */
const TYPE_WEIGHTS = [35, 30, 3, 2, 4, 6, 8, 12];

export function assets(random: Random, now: number, people: People, count: number): HaloRecord[] {
	const siteWeights = cumulate(people.siteInfo.map((site) => site.userIds.length + 1));
	const out: HaloRecord[] = [];
	const typeIndexes = ASSET_TYPES.map((_, index) => index);
	const perClientType = new Map<string, number>();
	for (let i = 0; i < count; i++) {
		const id = i + 1;
		// The first assets give every site one device, so no site is empty.
		const siteIndex = i < people.siteInfo.length ? i : pickCumulative(random, siteWeights);
		const site = people.siteInfo[siteIndex];
		const client = people.clientInfo[site.clientIndex];
		const typeIndex = random.weighted(typeIndexes, TYPE_WEIGHTS);
		const [typeName, , manufacturers, models] = ASSET_TYPES[typeIndex];
		const make = random.int(0, manufacturers.length - 1);
		const key = `${client.id}/${typeIndex}`;
		const number = (perClientType.get(key) ?? 0) + 1;
		perClientType.set(key, number);
		const hostname = `${client.code}-${TYPE_CODES[typeIndex]}-${String(number).padStart(3, '0')}`;
		const retired = random.chance(0.05);
		out.push({
			id,
			inventory_number: `NP${String(id).padStart(6, '0')}`,
			key_field: hostname,
			client_id: client.id,
			client_name: client.name,
			site_id: site.id,
			site_name: site.name,
			assettype_id: typeIndex + 1,
			assettype_name: typeName,
			status_id: retired ? ASSET_STATUS.retired : ASSET_STATUS.active,
			inactive: retired,
			contract_id: client.id,
			fields: [
				{
					id: FIELD.manufacturer,
					name: FIELD_NAMES[FIELD.manufacturer],
					value: manufacturers[make],
				},
				{
					id: FIELD.model,
					name: FIELD_NAMES[FIELD.model],
					value: models[Math.min(make, models.length - 1)],
				},
				{ id: FIELD.serial, name: FIELD_NAMES[FIELD.serial], value: serial(random) },
				{ id: FIELD.hostname, name: FIELD_NAMES[FIELD.hostname], value: hostname },
				{
					id: FIELD.purchased,
					name: FIELD_NAMES[FIELD.purchased],
					value: haloDate(now - random.int(30, 1800) * DAY).slice(0, 10),
				},
			],
			notes: '',
		});
	}
	return out;
}

const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function serial(random: Random): string {
	let out = '';
	for (let i = 0; i < 10; i++) out += SERIAL_CHARS[random.int(0, SERIAL_CHARS.length - 1)];
	return out;
}
