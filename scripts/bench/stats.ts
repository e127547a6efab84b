// Pure helpers of the bench: percentiles, target checks and the results table. No I/O.

export interface BenchRow {
  metric: string;
  value: number | null;
  unit: string;
  /** "≤ 30", "≥ 2000", or "" for a row that only informs. */
  target: string;
  /** null when there is no target, or the value could not be measured. */
  met: boolean | null;
}

/** Percentile by linear interpolation between closest ranks (p in 0..100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile ${p} is not in 0..100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    min: n ? Math.min(...samples) : NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: n ? Math.max(...samples) : NaN,
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : NaN,
  };
}

export type Comparison = '<=' | '>=';

/**
 * A row with its target: `value op limit`, compared as shown (rounded by roundValue), so that a frame delta
 * of 16.700000001 ms is the 16.7 it prints. `tolerance` is the resolution of the clock the value was read
 * from (rAF timestamps come in 0.1 ms steps, so an on-time 16.67 ms frame reads 16.6 to 16.8): the limit
 * is widened by it, and the target says so. A missing or non-finite value is "not met".
 */
export function row(
  metric: string,
  value: number | null,
  unit: string,
  op?: Comparison,
  limit?: number,
  tolerance = 0,
): BenchRow {
  const shown = roundValue(value);
  if (op === undefined || limit === undefined) return { metric, value: shown, unit, target: '', met: null };
  const ok =
    shown !== null &&
    Number.isFinite(shown) &&
    (op === '<=' ? shown <= limit + tolerance + 1e-9 : shown >= limit - tolerance - 1e-9);
  const target = `${op === '<=' ? '≤' : '≥'} ${limit}${tolerance ? ` (±${tolerance} clock)` : ''}`;
  return { metric, value: shown, unit, target, met: ok };
}

/** Three significant digits for small values, whole numbers for large ones. */
export function roundValue(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return v === null ? null : v;
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v);
  if (a >= 10) return Math.round(v * 10) / 10;
  if (a >= 1) return Math.round(v * 100) / 100;
  return Math.round(v * 1000) / 1000;
}

export function formatValue(v: number | null): string {
  if (v === null) return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 10_000 ? Math.round(v).toLocaleString('en-US') : String(v);
}

const metLabel = (m: boolean | null) => (m === null ? '—' : m ? 'yes' : 'NO');

/** A Markdown table (also readable as plain text): metric | value | unit | target | met. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['metric', 'value', 'unit', 'target', 'met'];
  const cells = rows.map((r) => [r.metric, formatValue(r.value), r.unit, r.target || '—', metLabel(r.met)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (cs: string[]) =>
    `| ${cs.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

/** Rows that have a target and miss it. */
export const misses = (rows: readonly BenchRow[]): BenchRow[] => rows.filter((r) => r.met === false);

/** Frame deltas (ms) from requestAnimationFrame timestamps. */
export function frameDeltas(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i]! - timestamps[i - 1]!);
  return out;
}

/** Share of frames longer than `budgetMs` (each such frame dropped at least one vsync). */
export function longFrameShare(deltas: readonly number[], budgetMs = 1000 / 60 + 1): number {
  return deltas.length ? deltas.filter((d) => d > budgetMs).length / deltas.length : NaN;
}

/** "1.2 GB", "512 MB" */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}
