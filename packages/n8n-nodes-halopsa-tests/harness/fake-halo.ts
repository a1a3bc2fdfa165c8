/**
 * A deliberately broken Halo for the cases the sandbox does not play: servers that ignore
 * `page_no`, cap pages without saying so, answer 429 forever, or reject a batch without naming
 * the record. It issues tokens like Halo and hands every other request to the test's handler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface FakeRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	body: unknown;
}

export interface FakeReply {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
}

export interface FakeHalo {
	url: string;
	requests: FakeRequest[];
	credentials(overrides?: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
	close(): Promise<void>;
}

export const FAKE_SECRET = 'fake-halo-client-secret-6f1d';

export async function startFakeHalo(
	handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<FakeHalo> {
	const requests: FakeRequest[] = [];
	let tokens = 0;
	const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const url = new URL(incoming.url ?? '/', 'http://fake');
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const request = {
				method: incoming.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				body,
			};
			requests.push(request);
			const send = (reply: FakeReply) => {
				const payload =
					reply.body === undefined
						? ''
						: typeof reply.body === 'string'
							? reply.body
							: JSON.stringify(reply.body);
				outgoing.writeHead(reply.status ?? 200, {
					'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
					...reply.headers,
				});
				outgoing.end(payload);
			};
			if (request.path === '/auth/token') {
				send({
					body: {
						access_token: `fake-token-${++tokens}-9c2e`,
						token_type: 'Bearer',
						expires_in: 3600,
					},
				});
				return;
			}
			void Promise.resolve(handler(request)).then(send);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		credentials: (overrides = {}) => ({
			hostingType: 'onPremise',
			authUrl: `${url}/auth`,
			resourceUrl: `${url}/api`,
			clientId: 'fake-client',
			clientSecret: FAKE_SECRET,
			scope: 'all',
			...overrides,
		}),
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** A port on which nothing listens: a server was bound there and closed. */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
