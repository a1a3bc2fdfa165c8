import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasSchema, validateRecord } from '../src/validation/validate-body';

function message(type: string, path: string): string {
	return `The JSON value could not be converted to ${type}. Path: ${path} | LineNumber: 0 | BytePositionInLine: 0.`;
}

const NULLABLE_INT = 'System.Nullable`1[System.Int32]';

describe('validateRecord', () => {
	it('accepts a well-typed ticket and ignores properties Halo does not know', () => {
		const ticket = {
			summary: 'Printer offline',
			tickettype_id: 1,
			client_id: 12,
			dateoccurred: '2026-05-01T09:30:00',
			timetaken: 0.25,
			hasbeenclosed: false,
			customfields: [{ id: 150, value: 'PO-1' }],
			no_such_field: { anything: true },
			_forcereassign: true,
		};
		assert.deepEqual(validateRecord('Faults', ticket, '[0]'), []);
	});

	it('rejects a string for an integer with System.Text.Json words, keyed by item and field', () => {
		assert.deepEqual(validateRecord('Faults', { client_id: '12' }, '[1]'), [
			{ path: '[1].client_id', message: message(NULLABLE_INT, '$[1].client_id') },
		]);
	});

	it('rejects fractions and out-of-range values for int32 fields', () => {
		assert.deepEqual(
			validateRecord('Faults', { site_id: 1.5, user_id: 2147483648, agent_id: -2147483648 }, '[0]'),
			[
				{ path: '[0].site_id', message: message(NULLABLE_INT, '$[0].site_id') },
				{ path: '[0].user_id', message: message(NULLABLE_INT, '$[0].user_id') },
			],
		);
	});

	it('names the non-nullable type and rejects null for it, but takes null where nullable', () => {
		assert.deepEqual(validateRecord('Faults', { id: null, client_id: null }, '[0]'), [
			{ path: '[0].id', message: message('System.Int32', '$[0].id') },
		]);
		assert.deepEqual(validateRecord('Faults', { id: 'x' }, '[0]'), [
			{ path: '[0].id', message: message('System.Int32', '$[0].id') },
		]);
		assert.deepEqual(validateRecord('Faults', { summary: null, customfields: null }, '[0]'), []);
	});

	it('rejects numbers for strings and strings for booleans and doubles', () => {
		assert.deepEqual(
			validateRecord('Faults', { summary: 42, onhold: 'true', timetaken: '1' }, '[0]'),
			[
				{ path: '[0].summary', message: message('System.String', '$[0].summary') },
				{
					path: '[0].onhold',
					message: message('System.Nullable`1[System.Boolean]', '$[0].onhold'),
				},
				{
					path: '[0].timetaken',
					message: message('System.Nullable`1[System.Double]', '$[0].timetaken'),
				},
			],
		);
	});

	it('accepts the ISO 8601 forms System.Text.Json reads and rejects the rest', () => {
		for (const date of [
			'2026-05-01',
			'2026-05-01T09:30',
			'2026-05-01T09:30:00',
			'2026-05-01T09:30:00.1234567Z',
			'2026-05-01T09:30:00+01:00',
			'1900-01-01T00:00:00',
			'2024-02-29T00:00:00',
		]) {
			assert.deepEqual(validateRecord('Faults', { dateoccurred: date }, ''), [], date);
		}
		for (const date of [
			'01/05/2026',
			'2026-13-01',
			'2026-02-30',
			'2025-02-29T00:00:00',
			'yesterday',
			'',
		]) {
			assert.deepEqual(
				validateRecord('Faults', { dateoccurred: date }, ''),
				[
					{
						path: 'dateoccurred',
						message: message('System.Nullable`1[System.DateTime]', '$.dateoccurred'),
					},
				],
				date,
			);
		}
	});

	it('checks GUIDs (Priority ids are GUIDs, api-notes §2.8)', () => {
		assert.deepEqual(
			validateRecord('Policy', { id: '0f8fad5b-d9cb-469f-a165-70867728950e' }, ''),
			[],
		);
		assert.deepEqual(validateRecord('Policy', { id: 3 }, ''), [
			{ path: 'id', message: message('System.Nullable`1[System.Guid]', '$.id') },
		]);
	});

	it('checks array items and nested objects with their paths', () => {
		const errors = validateRecord(
			'Area',
			{ customfields: [{ id: 150, value: 'ok' }, { id: '151' }] },
			'[0]',
		);
		assert.deepEqual(errors, [
			{
				path: '[0].customfields[1].id',
				message: message('System.Int32', '$[0].customfields[1].id'),
			},
		]);
		assert.deepEqual(validateRecord('Site', { delivery_address: { line1: 5 } }, '[2]'), [
			{
				path: '[2].delivery_address.line1',
				message: message('System.String', '$[2].delivery_address.line1'),
			},
		]);
		assert.deepEqual(validateRecord('Site', { delivery_address: [] }, '[0]'), [
			{ path: '[0].delivery_address', message: message('AddressStore', '$[0].delivery_address') },
		]);
	});

	it('names list types for a non-array, including collapsed deeper levels', () => {
		assert.deepEqual(validateRecord('Faults', { customfields: {} }, '[0]'), [
			{
				path: '[0].customfields',
				message: message('System.Collections.Generic.List`1[CustomField]', '$[0].customfields'),
			},
		]);
		assert.deepEqual(
			validateRecord('Faults', { customfields: [{ database_lookup_triggers: 'x' }] }, '[0]'),
			[
				{
					path: '[0].customfields[0].database_lookup_triggers',
					message: message(
						'System.Collections.Generic.List`1[PartsLookupField]',
						'$[0].customfields[0].database_lookup_triggers',
					),
				},
			],
		);
	});

	it('matches property names case-insensitively, as ASP.NET Core does, and reports them as sent', () => {
		assert.deepEqual(validateRecord('Faults', { Client_ID: 'x' }, '[0]'), [
			{ path: '[0].Client_ID', message: message(NULLABLE_INT, '$[0].Client_ID') },
		]);
	});

	it('rejects a body item that is not an object', () => {
		assert.deepEqual(validateRecord('Faults', 7, '[3]'), [
			{ path: '[3]', message: message('Faults', '$[3]') },
		]);
		assert.deepEqual(validateRecord('Faults', [], ''), [
			{ path: '', message: message('Faults', '$') },
		]);
	});

	it('knows which schemas the subset holds', () => {
		assert.equal(hasSchema('Faults'), true);
		assert.equal(hasSchema('Xtype'), true);
		assert.equal(hasSchema('NoSuchSchema'), false);
		assert.equal(hasSchema('toString'), false);
		assert.throws(() => validateRecord('NoSuchSchema', {}, ''), /NoSuchSchema/);
	});
});

describe('validateRecord with numbersFromStrings', () => {
	it('accepts numeric strings for numbers, as the Halo web UI sends ids (api-notes §2.2)', () => {
		const asset = {
			assettype_id: '130',
			site_id: 800,
			fields: [{ id: '101', value: 'Test Product' }],
		};
		assert.deepEqual(validateRecord('Device', asset, '[0]', { numbersFromStrings: true }), []);
		assert.equal(validateRecord('Device', asset, '[0]').length, 2);
	});

	it('still rejects non-numeric, fractional or out-of-range strings and strings for booleans', () => {
		const options = { numbersFromStrings: true };
		assert.deepEqual(
			validateRecord(
				'Faults',
				{
					client_id: 'twelve',
					site_id: '1.5',
					user_id: '2147483648',
					timetaken: '0.25',
					onhold: 'true',
				},
				'[0]',
				options,
			).map((error) => error.path),
			['[0].client_id', '[0].site_id', '[0].user_id', '[0].onhold'],
		);
	});
});
