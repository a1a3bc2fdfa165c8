import { empty, json, type Reply } from '../server/reply';

/**
 * Halo's generic error body: a serialised .NET exception with `ClassName` and `Message`
 * (api-notes §2.9, read by QMEX and HAPI). The class name is [inferred].
 */
export function haloError(status: number, message: string): Reply {
	return json(status, { ClassName: 'System.Exception', Message: message });
}

export function notFound(resource: string, id: string): Reply {
	return haloError(404, `${resource} ${id} was not found.`);
}

/** Field-keyed validation body, as ASP.NET model binding reports it (api-notes §2.9). */
export function fieldErrors(status: number, errors: Record<string, string[]>): Reply {
	return json(status, errors);
}

/**
 * A missing, unknown, expired or revoked bearer token: ASP.NET's bearer handler answers 401 with
 * an empty body and a `WWW-Authenticate` challenge [inferred].
 */
export function unauthorized(description: string): Reply {
	return empty(401, {
		'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
	});
}
