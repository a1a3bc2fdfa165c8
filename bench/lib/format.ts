export function seconds(ms: number): string {
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

export function millis(ms: number): string {
	return `${ms.toFixed(0)} ms`;
}

export function mebibytes(bytes: number): string {
	return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

/** `ours / built-in` as a factor, e.g. `0.05×` (20 times fewer). */
export function ratio(ours: number, builtin: number): string {
	if (builtin === 0) return ours === 0 ? '1×' : '∞';
	const value = ours / builtin;
	const text = value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3);
	const inverse = value > 0 && value < 1 ? ` (${(1 / value).toFixed(1)} times less)` : '';
	return `${text}×${inverse}`;
}

export function table(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
