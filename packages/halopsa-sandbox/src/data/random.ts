/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same sequence on every
 * machine, which is what makes the generated dataset byte-identical between runs.
 */
export class Random {
	private state: number;

	constructor(seed: number) {
		// Spread small consecutive seeds apart so seed 1 and seed 2 do not start alike.
		this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight: `weights[i]` is the relative likelihood of `items[i]`. */
	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		let total = 0;
		for (const weight of weights) total += weight;
		let draw = this.next() * total;
		for (let i = 0; i < items.length; i++) {
			draw -= weights[i];
			if (draw < 0) return items[i];
		}
		return items[items.length - 1];
	}

	/** A version-4-shaped GUID, lower case, as Halo writes them. */
	guid(): string {
		const hex = (bits: number) => (bits >>> 0).toString(16).padStart(8, '0');
		const a = hex(this.next() * 4294967296);
		const b = hex(this.next() * 4294967296);
		const c = hex(this.next() * 4294967296);
		const d = hex(this.next() * 4294967296);
		const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
		return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
	}
}
