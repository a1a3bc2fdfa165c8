import type { FaultRule } from '../types';

/** A rule with its remaining count and its own seeded generator, so runs repeat exactly. */
interface ArmedFault {
	rule: FaultRule;
	pattern: RegExp;
	remaining: number;
	draw: () => number;
}

/** mulberry32: tiny, fast and good enough to make fault draws reproducible. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `*` is one path segment, a trailing `/**` any rest; compared case-insensitively. */
function compilePattern(path: string): RegExp {
	let segments = path.split('/').filter((segment) => segment !== '');
	const anyRest = segments[segments.length - 1] === '**';
	if (anyRest) segments = segments.slice(0, -1);
	const body = segments
		.map(
			(segment) =>
				'/' + (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
		)
		.join('');
	return new RegExp(`^${body}${anyRest ? '(?:/.*)?' : '/?'}$`, 'i');
}

export class Faults {
	private armed: ArmedFault[] = [];

	set(rules: FaultRule[]): void {
		this.armed = rules.map((rule) => ({
			rule,
			pattern: compilePattern(rule.path),
			remaining: rule.times ?? Infinity,
			draw: seededRandom(rule.seed ?? 1),
		}));
	}

	clear(): void {
		this.armed = [];
	}

	list(): FaultRule[] {
		return this.armed.map((fault) => ({ ...fault.rule }));
	}

	/** The first rule that matches and fires for this request, consuming one of its `times`. */
	take(method: string, path: string): FaultRule | undefined {
		for (const fault of this.armed) {
			if (fault.remaining <= 0) continue;
			const ruleMethod = fault.rule.method ?? '*';
			if (ruleMethod !== '*' && ruleMethod !== method) continue;
			if (!fault.pattern.test(path)) continue;
			if (fault.rule.probability !== undefined && fault.draw() >= fault.rule.probability) continue;
			fault.remaining -= 1;
			return fault.rule;
		}
		return undefined;
	}
}
