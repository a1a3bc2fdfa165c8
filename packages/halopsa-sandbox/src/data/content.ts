import { DAY, HOUR, haloDate } from './dates';
import type { HaloRecord } from './generate';
import { KB_ARTICLES } from './names';
import type { Random } from './random';

export function kbArticles(random: Random, now: number): HaloRecord[] {
	return KB_ARTICLES.map(([name, description, resolution], index) => {
		const created = now - random.int(200, 900) * DAY;
		const edited = created + random.int(0, 150) * DAY;
		const words = name
			.toLowerCase()
			.replace(/[^a-z0-9 ]/g, '')
			.split(' ');
		return {
			id: index + 1,
			name,
			description,
			resolution,
			tag_string: words.filter((word) => word.length > 3).join(','),
			inactive: false,
			date_created: haloDate(created),
			date_edited: haloDate(edited),
			next_review_date: haloDate(edited + 365 * DAY),
			view_count: random.int(5, 800),
			useful_count: random.int(0, 60),
		};
	});
}

/**
 * Onsite visits booked against tickets: most in the past, a few in the two weeks after `now`.
 */
export function appointments(
	random: Random,
	now: number,
	tickets: HaloRecord[],
	count: number,
): HaloRecord[] {
	const out: HaloRecord[] = [];
	for (let i = 0; i < count; i++) {
		const ticket = tickets[Math.floor(((i + random.next()) * tickets.length) / count)];
		const occurred = Date.parse(`${ticket.dateoccurred as string}Z`);
		const startDay = ticket.hasbeenclosed
			? occurred + DAY
			: Math.max(occurred, now) + random.int(1, 14) * DAY;
		const start = Math.floor(startDay / DAY) * DAY + random.int(9, 15) * HOUR;
		const end = start + random.int(1, 4) * HOUR;
		out.push({
			id: i + 1,
			subject: `Onsite: ${ticket.summary as string}`,
			start_date: haloDate(start),
			end_date: haloDate(end),
			agent_id: ticket.agent_id,
			client_id: ticket.client_id,
			client_name: ticket.client_name,
			site_id: ticket.site_id,
			user_id: ticket.user_id,
			ticket_id: ticket.id,
			note: `Visit to ${ticket.site_name as string} for ticket ${ticket.id as number}.`,
			is_private: false,
			complete_status: start + HOUR < now ? 1 : 0,
		});
	}
	return out;
}

const ATTACHMENT_FILES: ReadonlyArray<readonly [filename: string, text: string]> = [
	[
		'ipconfig.txt',
		'Windows IP Configuration\r\n\r\nEthernet adapter Ethernet:\r\n   IPv4 Address. . . . . . . . . . . : 192.168.10.57\r\n   Subnet Mask . . . . . . . . . . . : 255.255.255.0\r\n   Default Gateway . . . . . . . . . : 192.168.10.1\r\n',
	],
	[
		'error-log.txt',
		'2026-03-02 09:14:22 ERROR Sync failed: path too long\r\n2026-03-02 09:14:23 WARN Retrying in 60 seconds\r\n',
	],
	[
		'outlook-diagnostics.txt',
		'Outlook connectivity test\r\nAutodiscover: OK\r\nMAPI over HTTP: OK\r\nAuthentication: prompts detected\r\n',
	],
	[
		'backup-report.csv',
		'job,server,result,duration\r\nNightly,FS01,Failed,00:42:10\r\nNightly,APP01,Success,01:05:33\r\n',
	],
	[
		'firewall-change-plan.txt',
		'Change: firmware upgrade\r\nWindow: Thursday 19:00-21:00\r\nRollback: restore saved configuration\r\n',
	],
];

/** A few text attachments on early tickets, with their bytes as Halo's upload body carries them. */
export function attachments(now: number, tickets: HaloRecord[], count: number): HaloRecord[] {
	const out: HaloRecord[] = [];
	for (let i = 0; i < count; i++) {
		const ticket = tickets[Math.floor((i * tickets.length) / count)];
		const [filename, text] = ATTACHMENT_FILES[i % ATTACHMENT_FILES.length];
		const bytes = Buffer.from(text, 'utf8');
		const created = Math.min(Date.parse(`${ticket.dateoccurred as string}Z`) + 10 * 60_000, now);
		out.push({
			id: i + 1,
			filename,
			ticket_id: ticket.id,
			action_id: 1,
			filesize: bytes.length,
			datecreated: haloDate(created),
			isimage: false,
			content_type: filename.endsWith('.csv') ? 'text/csv' : 'text/plain',
			data_base64: bytes.toString('base64'),
		});
	}
	return out;
}
