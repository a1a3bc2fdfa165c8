/**
 * Dropdowns read Halo's configuration lists. /Team and /Outcome are bare arrays only by inference
 * (api-notes §2.4), so a wrapped answer under the key other clients read must work as well.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { getOutcomes, getTeams } from 'n8n-nodes-halopsa/nodes/HaloPsa/methods/loadOptions';

import { createCredentialStore, createLoadOptionsContext, startFakeHalo } from './harness';

const TEAMS = [
	{ id: 2, name: 'Service Desk' },
	{ id: 1, name: 'Projects' },
];
const OUTCOMES = [{ id: 7, outcome: 'Private Note' }];

async function dropdownsAgainst(wrap: (key: string, rows: unknown[]) => unknown) {
	const fake = await startFakeHalo(({ path }) => {
		if (path === '/api/Team') return { body: wrap('teams', TEAMS) };
		if (path === '/api/Outcome') return { body: wrap('outcomes', OUTCOMES) };
		return { status: 404 };
	});
	try {
		const context = createLoadOptionsContext({
			credentials: createCredentialStore(fake.credentials()),
		});
		return { teams: await getTeams.call(context), outcomes: await getOutcomes.call(context) };
	} finally {
		await fake.close();
	}
}

const EXPECTED = {
	teams: [
		{ name: 'Projects', value: 'Projects' },
		{ name: 'Service Desk', value: 'Service Desk' },
	],
	outcomes: [{ name: 'Private Note', value: 7 }],
};

describe('load options for Halo configuration lists', () => {
	it('reads bare arrays', async () => {
		assert.deepEqual(await dropdownsAgainst((_, rows) => rows), EXPECTED);
	});

	it('reads the same lists wrapped in a view under teams / outcomes', async () => {
		assert.deepEqual(
			await dropdownsAgainst((key, rows) => ({
				record_count: rows.length,
				[key]: rows,
				columns: [],
			})),
			EXPECTED,
		);
	});

	it('still refuses an answer with the rows under another key', async () => {
		await assert.rejects(
			dropdownsAgainst((_, rows) => ({ items: rows })),
			{ message: "Halo's answer to GET /Team is not a list" },
		);
	});
});
