import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import * as listSearch from '../HaloPsa/methods/listSearch';
import * as loadOptions from '../HaloPsa/methods/loadOptions';
import { EVENTS_SUBTITLE, triggerProperties } from './description';
import { pollTickets } from './poll/poll';

export class HaloPsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Trigger',
		name: 'haloPsaTrigger',
		icon: { light: 'file:../HaloPsa/halopsa.svg', dark: 'file:../HaloPsa/halopsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow when HaloPSA tickets are created or updated',
		defaults: { name: 'HaloPSA Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haloPsaClientCredentialsApi', required: true }],
		properties: triggerProperties,
	};

	methods = { listSearch, loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTickets.call(this);
	}
}
