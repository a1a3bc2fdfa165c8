/**
 * `helpers.httpRequest` as n8n 2.40 runs it: @n8n/backend-network 1.14.1
 * `http/axios/request.js` (`convertN8nRequestToAxios` + `httpRequest`) over axios 1.18.0, the
 * version n8n-core 2.40.3 pins. Errors are axios's own (status, headers and data on `response`,
 * the request options with their headers on `config`), so error handling and redaction are
 * tested against what n8n really throws. Left out: proxies, SSRF filtering, allowed-domain checks,
 * digest auth, manual redirect handling and form-data bodies.
 */
import axios, { type AxiosRequestConfig, type Method } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

/** n8n's global axios defaults (`http/axios/config.js`): 300 s timeout, no default POST headers. */
const client = axios.create({ timeout: 300_000, proxy: false });
client.defaults.headers.post = {};
client.interceptors.request.use((config) => {
	if (config.data === undefined) config.headers.setContentType(false, false);
	return config;
});

const NO_BODY_METHODS = ['GET', 'HEAD', 'OPTIONS'];

function isEmpty(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string' || Array.isArray(value) || Buffer.isBuffer(value)) {
		return value.length === 0;
	}
	if (typeof value === 'object') return Object.keys(value).length === 0;
	return false;
}

export function removeEmptyBody(options: IHttpRequestOptions): void {
	const method = options.method ?? 'GET';
	if (NO_BODY_METHODS.includes(method) && isEmpty(options.body)) delete options.body;
}

function headerKey(headers: IDataObject, name: string): string | undefined {
	return Object.keys(headers).find((key) => key.toLowerCase() === name);
}

/** `qs.stringify(params, { arrayFormat: 'indices' })` for the flat and array values Halo takes. */
function serialiseQuery(params: IDataObject): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			value.forEach((entry, index) => search.append(`${key}[${index}]`, String(entry)));
		} else {
			search.append(key, value === null ? '' : String(value));
		}
	}
	return search.toString();
}

function toAxios(options: IHttpRequestOptions): AxiosRequestConfig {
	const headers: IDataObject = { ...(options.headers ?? {}) };
	const config: AxiosRequestConfig = {
		headers: headers as AxiosRequestConfig['headers'],
		method: options.method as Method | undefined,
		timeout: options.timeout,
		auth: options.auth,
		url: options.url,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
		params: options.qs,
		paramsSerializer: { serialize: serialiseQuery },
	};
	if (options.baseURL !== undefined) config.baseURL = options.baseURL;
	if (options.disableFollowRedirect === true) config.maxRedirects = 0;
	else if (options.maxRedirects !== undefined) config.maxRedirects = options.maxRedirects;
	if (options.encoding !== undefined) config.responseType = options.encoding;
	if (options.skipSslCertificateValidation === true) {
		config.httpsAgent = new HttpsAgent({ rejectUnauthorized: false });
	}
	const { body } = options;
	if (body) {
		const contentType = headerKey(headers, 'content-type');
		if (contentType === undefined) {
			if (body instanceof URLSearchParams)
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
		} else if (headers[contentType] === 'application/x-www-form-urlencoded') {
			config.data = new URLSearchParams(body as Record<string, string>);
		}
		if (typeof body === 'string' || (typeof body === 'object' && !isEmpty(body)))
			config.data = body;
	}
	if (options.json && headerKey(headers, 'accept') === undefined)
		headers.Accept = 'application/json';
	if (options.ignoreHttpStatusErrors) config.validateStatus = () => true;
	return config;
}

export async function n8nHttpRequest(options: IHttpRequestOptions): Promise<unknown> {
	removeEmptyBody(options);
	const config = toAxios(options);
	if (config.data === undefined || config.method?.toUpperCase() === 'GET') delete config.data;
	const result = await client.request(config);
	if (options.returnFullResponse) {
		const full: IN8nHttpFullResponse = {
			body: result.data,
			headers: result.headers as IN8nHttpFullResponse['headers'],
			statusCode: result.status,
			statusMessage: result.statusText,
		};
		return full;
	}
	return result.data;
}
