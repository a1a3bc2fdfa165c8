/** What a handler answers; the pipeline decides whether it is written or the socket dropped. */
export interface Reply {
	status: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(value),
	};
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
	return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
	return { status, headers };
}
