import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
	haloApiRequest,
	haloUpsert,
	readHaloMessage,
} from 'n8n-nodes-halopsa/nodes/HaloPsa/transport';
import {
	createCredentialStore,
	createExecuteContext,
	sandboxCredentialStore,
	startFakeHalo,
	startHaloSandbox,
	type Sandbox,
} from './harness';

describe('error mapping', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startHaloSandbox({ tickets: 5 })));
	after(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.resetRequests();
		sandbox.clearFaults();
		sandbox.setAgentPermissions(1, { read: ['all'], edit: ['all'] });
	});
	const context = () => createExecuteContext({ credentials: sandboxCredentialStore(sandbox) });

	it('404: names the record', async () => {
		await assert.rejects(
			haloApiRequest.call(
				context(),
				{ method: 'GET', path: '/Tickets/99999', resource: 'Ticket' },
				4,
			),
			(error: any) => {
				assert.equal(error.message, 'Ticket 99999 not found');
				assert.equal(error.httpCode, '404');
				assert.equal(error.context.itemIndex, 4);
				assert.match(
					error.description,
					/^Halo has no Ticket with ID 99999, or the acting agent cannot see it\. Halo said: /,
				);
				return true;
			},
		);
		await assert.rejects(haloApiRequest.call(context(), { method: 'GET', path: '/Client/4242' }), {
			message: 'Client 4242 not found',
		});
	});

	it('403: points at the application and at the agent it logs in as', async () => {
		sandbox.setAgentPermissions(1, { read: [], edit: [] });
		await assert.rejects(
			haloApiRequest.call(context(), { method: 'GET', path: '/Tickets' }),
			(error: any) => {
				assert.equal(error.message, 'Halo refused permission for GET /Tickets (403)');
				assert.match(error.description, /the API application’s \(its Permissions tab/);
				assert.match(error.description, /those of the agent the application logs in as/);
				return true;
			},
		);
	});

	it('400: names the field with Halo’s words', async () => {
		const [result] = await haloUpsert.call(
			context(),
			'/Tickets',
			[{ itemIndex: 0, body: { tickettype_id: 1 } }],
			50,
		);
		assert.equal(result.error?.message, 'Halo rejected the field "summary": A summary is required');
		assert.equal(
			result.error?.description,
			'Correct "summary": A summary is required. Which fields are mandatory can depend on the ticket type or on Halo\'s configuration.',
		);
	});

	it('401 after the one refresh: says the token was refused twice', async () => {
		sandbox.setFaults([{ method: 'GET', path: '/api/Tickets/1', status: 401 }]);
		await assert.rejects(haloApiRequest.call(context(), { method: 'GET', path: '/Tickets/1' }), {
			message: 'Halo did not accept the access token for GET /Tickets/1 (401)',
		});
		assert.deepEqual(
			sandbox.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`),
			[
				'POST /auth/token 200',
				'GET /api/Tickets/1 401',
				'POST /auth/token 200',
				'GET /api/Tickets/1 401',
			],
		);
	});

	it('500: Halo’s own message, not retried', async () => {
		sandbox.setFaults([
			{
				method: 'GET',
				path: '/api/Tickets',
				status: 500,
				body: { ClassName: 'System.Exception', Message: 'Boom in Halo' },
			},
		]);
		await assert.rejects(
			haloApiRequest.call(context(), { method: 'GET', path: '/Tickets' }),
			(error: any) => {
				assert.equal(error.message, 'Halo failed to process GET /Tickets (HTTP 500)');
				assert.equal(
					error.description,
					'This is a problem on Halo’s side; try again later. Halo said: Boom in Halo',
				);
				return true;
			},
		);
		assert.equal(sandbox.requests().filter((entry) => !entry.isTokenRequest).length, 1);
	});

	it('credential problems reach the node with the credential’s own message', async () => {
		const store = sandboxCredentialStore(sandbox, {
			hosted: true,
			overrides: { tenant: 'nobody' },
		});
		await assert.rejects(
			haloApiRequest.call(
				createExecuteContext({ credentials: store }),
				{ method: 'GET', path: '/Tickets' },
				2,
			),
			(error: any) => {
				assert.equal(error.message, 'Halo does not know this Tenant');
				assert.match(error.description, /Halo said: The tenant 'nobody' does not exist\./);
				assert.equal(error.context.itemIndex, 2);
				return true;
			},
		);
	});
});

describe('rate limit that never clears', () => {
	it('429: gives up after the full schedule and says how often it waited', async () => {
		const fake = await startFakeHalo(() => ({
			status: 429,
			headers: { 'retry-after': '0' },
			body: 'Rate Limit Reached - 300 Requests per rolling 5 minute window',
		}));
		try {
			const context = createExecuteContext({
				credentials: createCredentialStore(fake.credentials()),
			});
			await assert.rejects(
				haloApiRequest.call(context, { method: 'GET', path: '/Tickets' }),
				(error: any) => {
					assert.equal(error.message, 'Halo’s rate limit was still reached after waiting 10 times');
					assert.match(
						error.description,
						/^Halo allows 300 requests per rolling 5 minutes per API application;/,
					);
					assert.match(
						error.description,
						/Halo said: Rate Limit Reached - 300 Requests per rolling 5 minute window$/,
					);
					return true;
				},
			);
			assert.equal(fake.requests.filter((request) => request.path === '/api/Tickets').length, 11);
		} finally {
			await fake.close();
		}
	});
});

describe("reading Halo's error bodies", () => {
	const cases: Array<[string, unknown, string, string[]]> = [
		['plain text', 'Rate Limit Reached', 'Rate Limit Reached', []],
		[
			'ClassName/Message',
			{ ClassName: 'System.Exception', Message: 'CODE:APP03/2 Please select the CAB members' },
			'CODE:APP03/2 Please select the CAB members',
			[],
		],
		['message', { message: 'lower case' }, 'lower case', []],
		[
			'OAuth',
			{ error: 'invalid_client', error_description: 'Bad credentials' },
			'Bad credentials',
			[],
		],
		[
			'field-keyed',
			{ '[2].summary': ['A summary is required'], '[0].client_id': 'Unknown client' },
			'summary: A summary is required; client_id: Unknown client',
			['2:summary', '0:client_id'],
		],
		[
			'ASP.NET problem',
			{ title: 'One or more validation errors occurred.', errors: { '[1].site_id': ['Bad site'] } },
			'One or more validation errors occurred.',
			['1:site_id'],
		],
		['JSON as text', '{"Message":"from a string"}', 'from a string', []],
		['HTML', '<html><body>Bad gateway</body></html>', 'an HTML page', []],
		['binary', Buffer.from([0, 1, 2, 3, 255]), '', []],
		['empty', '', '', []],
		['nothing', undefined, '', []],
		[
			'a bearer token echoed back',
			{ Message: 'Header was Bearer abc.def-ghi' },
			'Header was Bearer [redacted]',
			[],
		],
	];
	for (const [name, body, text, fields] of cases) {
		it(name, () => {
			const read = readHaloMessage(body);
			assert.equal(read.text, text);
			assert.deepEqual(
				read.fields.map((problem) => `${problem.index}:${problem.field}`),
				fields,
			);
		});
	}
});
