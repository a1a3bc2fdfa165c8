import { createHash, randomBytes } from 'node:crypto';

export interface IssuedToken {
	clientId: string;
	scopes: string[];
	agentId: number;
	expiresAt: number;
	fingerprint: string;
}

/** A short, non-reversible tag of a token for the request log; never the token itself. */
export function fingerprint(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/** Opaque bearer tokens (api-notes §1.5: Halo's may be opaque), kept in memory. */
export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();

	issue(clientId: string, scopes: string[], agentId: number, ttlSeconds: number): string {
		const token = randomBytes(32).toString('base64url');
		this.tokens.set(token, {
			clientId,
			scopes,
			agentId,
			expiresAt: Date.now() + ttlSeconds * 1000,
			fingerprint: fingerprint(token),
		});
		return token;
	}

	/** The token's grant, `expired` once its lifetime is over, or undefined when unknown/revoked. */
	lookup(token: string): IssuedToken | 'expired' | undefined {
		const issued = this.tokens.get(token);
		if (!issued) return undefined;
		if (Date.now() >= issued.expiresAt) return 'expired';
		return issued;
	}

	revokeAll(): void {
		this.tokens.clear();
	}
}
