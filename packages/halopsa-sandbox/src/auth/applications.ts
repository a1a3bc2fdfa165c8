import type { AgentPermissions, ApiApplication } from '../types';

/** API applications and agent permissions (api-notes §1.2: Halo checks both). */
export class Applications {
	private readonly apps = new Map<string, ApiApplication>();
	private readonly agentPermissions = new Map<number, AgentPermissions>();

	add(app: ApiApplication): void {
		this.apps.set(app.clientId, { ...app, scopes: [...app.scopes] });
	}

	find(clientId: string): ApiApplication | undefined {
		return this.apps.get(clientId);
	}

	setAgentPermissions(agentId: number, permissions: AgentPermissions): void {
		this.agentPermissions.set(agentId, {
			read: [...permissions.read],
			edit: [...permissions.edit],
		});
	}

	/** Generated agents may do everything until told otherwise. */
	agentPermissionsOf(agentId: number): AgentPermissions {
		return this.agentPermissions.get(agentId) ?? { read: ['all'], edit: ['all'] };
	}
}
