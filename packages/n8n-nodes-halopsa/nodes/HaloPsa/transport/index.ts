export { haloApiRequest, CREDENTIAL_TYPE, isIdempotentUpsert } from './request';
export { haloApiRequestAllItems, MAX_PAGE_SIZE } from './paginate';
export { haloUpsert } from './upsert';
export { redactText, redactValue } from './redact';
export { readHaloMessage } from './halo-message';
export type { HaloMessage, FieldProblem } from './halo-message';
export type * from './types';
