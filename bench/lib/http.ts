import { request } from 'node:http';

export interface TimedResponse {
	status: number;
	body: string;
	/** Wall time from sending the request to the last byte of the answer, in milliseconds. */
	ms: number;
}

/**
 * POSTs JSON and waits for the whole answer, without a timeout: a webhook in "respond when the
 * last node finishes" mode answers only after the execution, which can take minutes for the
 * built-in node (fetch's default 300 s headers timeout would cut it off).
 */
export async function postJson(url: string, payload: unknown): Promise<TimedResponse> {
	const data = Buffer.from(JSON.stringify(payload));
	const started = process.hrtime.bigint();
	return await new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': data.length },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						ms: Number(process.hrtime.bigint() - started) / 1e6,
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(data);
	});
}

export async function getStatus(url: string): Promise<number> {
	return await new Promise((resolve) => {
		const req = request(url, { method: 'GET' }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', () => resolve(0));
		req.end();
	});
}
