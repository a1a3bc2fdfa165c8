import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ResourceSpec } from '../../catalogue';

/** Runs once per input item; the router pairs what it returns with that item. */
export interface ItemOperation {
	kind: 'item';
	execute(this: IExecuteFunctions, spec: ResourceSpec, itemIndex: number): Promise<IDataObject[]>;
}

/**
 * Writes records through Halo's array POST. The router builds every item's body first, so a
 * bad parameter fails before any request, then sends them in batches (api-notes §2.2).
 */
export interface WriteOperation {
	kind: 'write';
	body(context: IExecuteFunctions, spec: ResourceSpec, itemIndex: number): IDataObject;
}

export type Operation = ItemOperation | WriteOperation;
