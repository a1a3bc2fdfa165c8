/** "Now" of every generated dataset, fixed so that output does not depend on the clock. */
export const REFERENCE_NOW = Date.UTC(2026, 5, 1, 0, 0, 0);

/** Halo's "no date" value (api-notes §2.8): `targetdate` sits at it on almost every ticket. */
export const EMPTY_DATE = '1900-01-01T00:00:00';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * A UTC date-time as Halo's API writes it: ISO 8601, seconds precision, no zone designator
 * (api-notes §2.8; the same shape as the empty-date sentinel).
 */
export function haloDate(ms: number): string {
	// Built from cached day and time-of-day parts: generation formats hundreds of thousands of
	// dates, and a date then costs one small string instead of a Date and several temporaries.
	const days = Math.floor(ms / DAY);
	const second = Math.floor((ms - days * DAY) / 1000);
	let dayPart = DAY_PARTS.get(days);
	if (dayPart === undefined) {
		dayPart = `${civilDate(days)}T`;
		DAY_PARTS.set(days, dayPart);
	}
	let timePart = TIME_PARTS[second];
	if (timePart === undefined) {
		const hours = Math.floor(second / 3600);
		const minutes = Math.floor((second % 3600) / 60);
		timePart = `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[second % 60]}`;
		TIME_PARTS[second] = timePart;
	}
	return dayPart + timePart;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const DAY_PARTS = new Map<number, string>();
const TIME_PARTS = new Array<string | undefined>(86_400);

/** `yyyy-MM-dd` of a count of days since 1970-01-01 (proleptic Gregorian, Hinnant's algorithm). */
function civilDate(daysSinceEpoch: number): string {
	const z = daysSinceEpoch + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36524) -
			Math.floor(dayOfEra / 146096)) /
			365,
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** Midnight UTC of the first day of the month `monthsBack` months before `ms`. */
export function firstOfMonth(ms: number, monthsBack: number): number {
	const date = new Date(ms);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1);
}
