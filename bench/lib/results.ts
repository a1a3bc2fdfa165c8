import type { MachineInfo } from './machine';
import type { NodeKey, PhaseResult } from './scenarios';

export interface BenchSettings {
	latencyMs: number;
	tickets: number;
	bigTickets: number;
	getOneExecutions: number;
	writeItems: number;
	getAllRepetitions: number;
	memoryRepetitions: number;
	rateLimit: { requests: number; windowSeconds: number };
	/** Our node's default Batch Size, which the bench leaves as it is. */
	oursBatchSize: number;
	/** Records per POST assumed by the floor. */
	floorRecordsPerPost: number;
	/** Rows per page the floor assumes (Halo's maximum page size). */
	floorPageSize: number;
	command: string;
}

export type PerNode<T> = Record<NodeKey, T>;

export interface BenchResults {
	machine: MachineInfo;
	settings: BenchSettings;
	getOne: PerNode<PhaseResult>;
	create: PerNode<PhaseResult>;
	update: PerNode<PhaseResult>;
	getAll: PerNode<PhaseResult[]>;
	rateLimitedCreate: PerNode<PhaseResult>;
	rateLimitedUpdate: PerNode<PhaseResult>;
	memory: PerNode<PhaseResult[]>;
	/** Token requests over the whole run, per sandbox (each has its own credential per node). */
	tokens: PerNode<{ main: number; big: number }>;
	durationMs: number;
}

export const nodeKeys: NodeKey[] = ['builtin', 'ours'];
export const nodeLabel: Record<NodeKey, string> = { builtin: 'built-in', ours: 'ours' };

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
