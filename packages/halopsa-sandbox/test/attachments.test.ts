import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startClient, type Client } from './helpers';

describe('attachments: bytes in, bytes out (api-notes §3.2 #9)', () => {
	let client: Client;
	before(async () => {
		client = await startClient({ tickets: 12 });
	});
	after(() => client.sandbox.close());

	const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);

	it('stores an upload and answers its metadata without the data', async () => {
		const ticketId = client.sandbox.store('tickets')[1].id;
		const created = await client.json('/Attachment', {
			body: [
				{
					ticket_id: ticketId,
					filename: 'screen shot.png',
					data_base64: bytes.toString('base64'),
					note: 'UI',
				},
			],
		});
		assert.equal(created.filename, 'screen shot.png');
		assert.equal(created.filesize, bytes.length);
		assert.equal(created.content_type, 'image/png');
		assert.equal(created.isimage, true);
		assert.equal('data_base64' in created, false);

		const list = await client.json(`/Attachment?ticket_id=${String(ticketId)}`);
		assert.deepEqual(list.folders, []);
		const row = list.attachments.find((a: { id: number }) => a.id === created.id);
		assert.equal(row.filename, 'screen shot.png');
		assert.equal('data_base64' in row, false);
		for (const other of list.attachments) assert.equal(other.ticket_id, ticketId);

		const download = await client.api(`/Attachment/${created.id}`);
		assert.equal(download.status, 200);
		assert.equal(download.headers.get('content-type'), 'image/png');
		assert.equal(
			download.headers.get('content-disposition'),
			`attachment; filename="screen shot.png"; filename*=UTF-8''screen%20shot.png`,
		);
		assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);
	});

	it('serves generated attachments as bytes', async () => {
		const stored = client.sandbox.store('attachments')[0];
		const download = await client.api(`/Attachment/${String(stored.id)}`);
		assert.deepEqual(
			Buffer.from(await download.arrayBuffer()),
			Buffer.from(String(stored.data_base64), 'base64'),
		);
	});

	it('needs an existing ticket and a filename', async () => {
		const response = await client.api('/Attachment', {
			body: [{ ticket_id: 99999, data_base64: 'AA==' }],
		});
		assert.equal(response.status, 400);
		assert.deepEqual(await response.json(), {
			'[0].ticket_id': ['Ticket 99999 does not exist'],
			'[0].filename': ['A filename is required'],
		});
	});
});
