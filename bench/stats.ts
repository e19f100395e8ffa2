/** Small statistics and table helpers for the benchmarks. */

export function median(values: number[]): number {
    return percentile(values, 50);
}

export function mean(values: number[]): number {
    return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Nearest-rank percentile (p95 of 60 samples is the 57th smallest). */
export function percentile(values: number[], p: number): number {
    if (values.length === 0) {
        return NaN;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function ms(value: number): string {
    return Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : 'n/a';
}

export function mb(bytes: number): string {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A Markdown table, readable as plain text in a terminal too. */
export function table(header: string[], rows: string[][]): string {
    const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map(row => (row[column] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    return [line(header), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function verdict(pass: boolean | undefined): string {
    return pass === undefined ? '—' : pass ? 'PASS' : 'FAIL';
}

export function gc(): void {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
}

export function heapUsed(): number {
    return process.memoryUsage().heapUsed;
}
