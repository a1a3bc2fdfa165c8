import { readFileSync, readdirSync } from 'node:fs';

/** Parent pid of every live process, read from /proc/<pid>/stat (field 4). */
function parentsByPid(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue;
		}
		// The command name (field 2) may hold spaces and parentheses; fields after it are plain.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const parent = Number(fields[1]);
		const list = children.get(parent) ?? [];
		list.push(Number(name));
		children.set(parent, list);
	}
	return children;
}

/** The pid and all its descendants (n8n and its task-runner children). */
export function processTree(rootPid: number): number[] {
	const children = parentsByPid();
	const tree: number[] = [];
	const pending = [rootPid];
	while (pending.length) {
		const pid = pending.pop() as number;
		tree.push(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return tree;
}

function rssBytes(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Resident memory of a process tree right now, in bytes. */
export function treeRss(rootPid: number): number {
	return processTree(rootPid).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export interface MemorySample {
	/** RSS of the tree when sampling began. */
	startBytes: number;
	peakBytes: number;
	samples: number;
}

/**
 * Samples the tree's RSS every `intervalMs` until stopped. Summing RSS over processes counts
 * shared pages twice, which is what "memory the tree holds" means to a machine sizing n8n.
 */
export function sampleTreeRss(rootPid: number, intervalMs = 100): { stop(): MemorySample } {
	const startBytes = treeRss(rootPid);
	let peakBytes = startBytes;
	let samples = 1;
	const timer = setInterval(() => {
		const now = treeRss(rootPid);
		samples++;
		if (now > peakBytes) peakBytes = now;
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			const now = treeRss(rootPid);
			if (now > peakBytes) peakBytes = now;
			return { startBytes, peakBytes, samples: samples + 1 };
		},
	};
}
