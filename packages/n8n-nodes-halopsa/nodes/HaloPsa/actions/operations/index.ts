import type { HaloOperation } from '../../catalogue';
import { close } from './close';
import { create } from './create';
import { deleteRecord } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import type { Operation } from './types';
import { update } from './update';

export const OPERATIONS: Record<HaloOperation, Operation> = {
	create,
	get,
	getAll,
	update,
	delete: deleteRecord,
	close,
};

export type { ItemOperation, Operation, WriteOperation } from './types';
