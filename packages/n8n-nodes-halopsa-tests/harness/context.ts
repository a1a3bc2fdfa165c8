/**
 * A minimal stand-in for the execution context n8n hands a node (`IExecuteFunctions`,
 * `ILoadOptionsFunctions`), so the node and its transport can run over real HTTP against the
 * sandbox inside `node --test`, with the real credential class.
 *
 * Why not n8n itself: n8n 2.40 needs its database, its DI container and the whole CLI; the e2e
 * suite in e2e/ runs the real engine (and with it the real credential flow). This stand-in covers
 * what the unit and integration tests need and reproduces exactly the request path
 * (`httpRequest`, `httpRequestWithAuthentication`, pre-authentication, the 401 retry, the error
 * shapes; see credentials.ts and http.ts).
 *
 * What it does not reproduce: expressions in parameters (values are taken as given), parameter
 * defaults unless a node description is passed, display options for anything but defaults,
 * binary data storage (kept in memory as base64), execution cancellation, pairedItem checks, and
 * the per-run hooks n8n calls around a node.
 */
import {
	deepCopy,
	NodeHelpers,
	NodeOperationError,
	type IBinaryData,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeTypeDescription,
	type IPairedItemData,
	type NodeParameterValueType,
} from 'n8n-workflow';

import {
	httpRequestWithAuthentication,
	readCredentials,
	type CredentialStore,
} from './credentials';
import { n8nHttpRequest } from './http';

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

export interface ContextOptions {
	/** The credential (a shared store); absent = the node has no credential. */
	credentials?: CredentialStore;
	/** Parameters for every item, or one object per item. */
	parameters?: INodeParameters | INodeParameters[];
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	node?: Partial<Pick<INode, 'name' | 'type' | 'typeVersion' | 'id'>>;
	/** The node's description: gives parameters their defaults and resource locators their `extractValue`. */
	description?: INodeTypeDescription;
}

export interface HarnessContext {
	/** Everything logged through `this.logger`, for tests that check what reaches the logs. */
	logs: LogEntry[];
	node: INode;
}

export type TestExecuteContext = IExecuteFunctions & HarnessContext;
export type TestLoadOptionsContext = ILoadOptionsFunctions & HarnessContext;

function parameterSet(options: ContextOptions, itemIndex: number): INodeParameters {
	const { parameters = {}, description } = options;
	const raw = Array.isArray(parameters) ? (parameters[itemIndex] ?? {}) : parameters;
	if (!description) return raw;
	const node = { parameters: raw, typeVersion: 1 } as unknown as INode;
	return (
		NodeHelpers.getNodeParameters(description.properties, raw, true, false, node, description) ??
		raw
	);
}

function readPath(source: unknown, path: string): unknown {
	let current: unknown = source;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/** n8n-core `extract-value.js` for resource locators; without a description, the bare value. */
function extractValue(
	value: unknown,
	name: string,
	parameters: INodeParameters,
	node: INode,
	description: INodeTypeDescription | undefined,
): unknown {
	if (typeof value !== 'object' || value === null || !('mode' in value) || !('value' in value)) {
		return value;
	}
	const locator = value as { mode: string; value: unknown };
	const property: INodeProperties | undefined = description
		? (NodeHelpers.findDisplayedProperty(
				name,
				description.properties,
				parameters,
				node,
				description,
			) as INodeProperties | undefined)
		: undefined;
	const mode = property?.modes?.find((candidate) => candidate.name === locator.mode);
	const extract = mode?.extractValue;
	if (!extract || extract.type !== 'regex') return locator.value;
	const match =
		typeof locator.value === 'string' ? new RegExp(extract.regex).exec(locator.value) : null;
	if (!match) {
		throw new NodeOperationError(
			node,
			`ERROR: ${property?.displayName ?? name} parameter's value is invalid. This is likely because the URL entered is incorrect`,
		);
	}
	return match[1];
}

function toBinary(buffer: Buffer, fileName?: string, mimeType?: string): IBinaryData {
	const extension = fileName?.includes('.') ? fileName.split('.').pop() : undefined;
	return {
		data: buffer.toString('base64'),
		mimeType: mimeType ?? 'application/octet-stream',
		fileName,
		fileExtension: extension,
		fileSize: String(buffer.length),
	};
}

function buildContext(options: ContextOptions): TestExecuteContext {
	const items: INodeExecutionData[] = options.inputItems ?? [{ json: {} }];
	const store = options.credentials;
	const node: INode = {
		id: options.node?.id ?? 'halo-node-1',
		name: options.node?.name ?? 'HaloPSA',
		type: options.node?.type ?? 'n8n-nodes-halopsa.haloPsa',
		typeVersion: options.node?.typeVersion ?? 1,
		position: [0, 0],
		parameters: parameterSet(options, 0),
		credentials: store ? { [store.type]: { id: 'halo-cred-1', name: 'HaloPSA test' } } : undefined,
	};
	const logs: LogEntry[] = [];
	const log = (level: LogEntry['level']) => (message: string, meta?: unknown) => {
		logs.push({ level, message, meta });
	};
	const staticData: Record<string, IDataObject> = {};

	const getCredentials = async (type: string) => {
		if (!store || store.type !== type) {
			throw new NodeOperationError(
				node,
				`Node "${node.name}" does not have any credentials of type "${type}" set`,
			);
		}
		return readCredentials(store);
	};

	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		parameterOptions?: { extractValue?: boolean },
	): NodeParameterValueType | object => {
		const parameters = parameterSet(options, itemIndex);
		let value = readPath(parameters, name);
		if (value === undefined) {
			if (fallback === undefined) {
				throw new NodeOperationError(node, `Could not get parameter "${name}"`, { itemIndex });
			}
			return fallback as NodeParameterValueType;
		}
		value = deepCopy(value);
		if (parameterOptions?.extractValue) {
			value = extractValue(value, name, parameters, node, options.description);
		}
		return value as NodeParameterValueType;
	};

	const helpers = {
		httpRequest: async (requestOptions: IHttpRequestOptions) =>
			await n8nHttpRequest(requestOptions),
		async httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
			additional?: Parameters<typeof httpRequestWithAuthentication>[4],
		) {
			if (!store) {
				throw new NodeOperationError(
					node,
					`Node "${node.name}" does not have any credentials of type "${credentialsType}" set`,
				);
			}
			return await httpRequestWithAuthentication(
				store,
				{ node, helpers: { httpRequest: helpers.httpRequest }, getCredentials },
				credentialsType,
				requestOptions,
				additional,
			);
		},
		returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
			const list = Array.isArray(data) ? data : [data];
			return list.map((entry) =>
				entry?.json ? ({ ...entry, json: entry.json } as INodeExecutionData) : { json: entry },
			);
		},
		constructExecutionMetaData(
			inputData: INodeExecutionData[],
			metaOptions: { itemData: IPairedItemData | IPairedItemData[] },
		): INodeExecutionData[] {
			return inputData.map(({ json, ...rest }) => ({
				json,
				pairedItem: metaOptions.itemData,
				...rest,
			}));
		},
		async prepareBinaryData(buffer: Buffer, fileName?: string, mimeType?: string) {
			return toBinary(buffer, fileName, mimeType);
		},
		assertBinaryData(itemIndex: number, propertyName: string): IBinaryData {
			const binary = items[itemIndex]?.binary;
			if (binary === undefined) {
				throw new NodeOperationError(
					node,
					`This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`,
					{ itemIndex, description: 'Make sure that the previous node outputs a binary file' },
				);
			}
			const data = binary[propertyName];
			if (data === undefined) {
				throw new NodeOperationError(
					node,
					`The item has no binary field '${propertyName}' [item ${itemIndex}]`,
					{
						itemIndex,
						description:
							'Check that the parameter where you specified the input binary field name is correct, and that it matches a field in the binary input',
					},
				);
			}
			return data;
		},
		async getBinaryDataBuffer(itemIndex: number, propertyName: string): Promise<Buffer> {
			const data = helpers.assertBinaryData(itemIndex, propertyName);
			return Buffer.from(data.data, 'base64');
		},
	};

	const context = {
		logs,
		node,
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter,
		continueOnFail: () => options.continueOnFail === true,
		getCredentials,
		getMode: () => 'manual',
		getWorkflowStaticData: (type: string) => (staticData[type] ??= {}),
		getExecutionId: () => 'test-execution',
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
		helpers,
	};
	return context as unknown as TestExecuteContext;
}

/** An `IExecuteFunctions` for one run of a node over `inputItems`. */
export function createExecuteContext(options: ContextOptions = {}): TestExecuteContext {
	return buildContext(options);
}

/**
 * An `ILoadOptionsFunctions` (list search, load options): parameters are those of the node as it
 * stands in the editor, read without an item index.
 */
export function createLoadOptionsContext(
	options: Omit<ContextOptions, 'inputItems' | 'continueOnFail'> = {},
): TestLoadOptionsContext {
	const base = buildContext(options);
	const read = base.getNodeParameter as unknown as (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		parameterOptions?: { extractValue?: boolean },
	) => unknown;
	const context = {
		...base,
		getNodeParameter: (
			name: string,
			fallback?: unknown,
			parameterOptions?: { extractValue?: boolean },
		) => read(name, 0, fallback, parameterOptions),
		getCurrentNodeParameter: (name: string, parameterOptions?: { extractValue?: boolean }) => {
			try {
				return read(name, 0, undefined, parameterOptions);
			} catch {
				return undefined;
			}
		},
		getCurrentNodeParameters: () => parameterSet(options, 0),
	};
	return context as unknown as TestLoadOptionsContext;
}
