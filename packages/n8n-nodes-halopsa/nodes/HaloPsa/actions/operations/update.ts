import { updateBody } from '../../helpers/body';
import type { WriteOperation } from './types';

export const update: WriteOperation = { kind: 'write', body: updateBody };
