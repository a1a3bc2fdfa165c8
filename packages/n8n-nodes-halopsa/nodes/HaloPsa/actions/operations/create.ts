import { createBody } from '../../helpers/body';
import type { WriteOperation } from './types';

export const create: WriteOperation = { kind: 'write', body: createBody };
