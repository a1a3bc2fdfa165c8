import { haloDate } from '../data/dates';
import type { HaloRecord } from '../data/generate';
import type { Reply } from '../server/reply';

const CONTENT_TYPES: Record<string, string> = {
	txt: 'text/plain',
	csv: 'text/csv',
	json: 'application/json',
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	zip: 'application/zip',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	eml: 'message/rfc822',
};

export function contentTypeOf(filename: string): string {
	const extension = filename.split('.').pop()?.toLowerCase() ?? '';
	return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** GET /Attachment/{id} answers the file itself (api-notes §3.2 #9). */
export function attachmentBytes(record: HaloRecord): Reply {
	const filename =
		typeof record.filename === 'string' ? record.filename : `attachment-${String(record.id)}`;
	const bytes = Buffer.from(
		typeof record.data_base64 === 'string' ? record.data_base64 : '',
		'base64',
	);
	const contentType =
		typeof record.content_type === 'string' && record.content_type !== ''
			? record.content_type
			: contentTypeOf(filename);
	return {
		status: 200,
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
		},
		body: bytes,
	};
}

/** Completes a new attachment record from its upload body. */
export function prepareAttachment(record: HaloRecord): void {
	const data = typeof record.data_base64 === 'string' ? record.data_base64 : '';
	record.data_base64 = data;
	record.filesize = Buffer.byteLength(data, 'base64');
	const filename = typeof record.filename === 'string' ? record.filename : '';
	if (typeof record.content_type !== 'string' || record.content_type === '') {
		record.content_type = contentTypeOf(filename);
	}
	record.isimage = String(record.content_type).startsWith('image/');
	if (record.datecreated === undefined) record.datecreated = haloDate(Date.now());
}
