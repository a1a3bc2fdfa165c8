/*
 * String formats System.Text.Json parses into value types. It reads DateTime in the ISO 8601-1
 * extended profile (date, optional time to 7 fraction digits, optional Z or ±hh:mm offset), Guid
 * in the hyphenated "D" form and TimeSpan in the constant "c" form.
 */

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,16})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TIME_SPAN = /^-?(?:\d{1,8}\.)?([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d{1,7})?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isIsoDateTime(text: string): boolean {
	const match = DATE_TIME.exec(text);
	if (!match) return false;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1])
		return false;
	if (month === 2 && day === 29 && !isLeapYear(year)) return false;
	if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59)) return false;
	if (match[6] !== undefined && Number(match[6]) > 59) return false;
	if (match[7] !== undefined && (Number(match[7]) > 14 || Number(match[8]) > 59)) return false;
	return true;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isGuid(text: string): boolean {
	return GUID.test(text);
}

export function isTimeSpan(text: string): boolean {
	return TIME_SPAN.test(text);
}

export function isBase64(text: string): boolean {
	return BASE64.test(text);
}
