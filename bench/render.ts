/**
 * Writes bench/results.md again from the figures of the last full run (bench/.work/results.json),
 * for changes to the wording of the report; the figures stay those the run measured.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { criteria } from './lib/criteria';
import type { BenchResults } from './lib/results';
import { renderResultsFile } from './lib/results-file';

const results = JSON.parse(
	readFileSync(path.join(__dirname, '.work', 'results.json'), 'utf8'),
) as BenchResults;
writeFileSync(path.join(__dirname, 'results.md'), renderResultsFile(results, criteria(results)));
process.stdout.write(`bench/results.md rewritten from the run of ${results.machine.date}\n`);
