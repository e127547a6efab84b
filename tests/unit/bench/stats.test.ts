import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatTable,
  formatValue,
  frameDeltas,
  longFrameShare,
  misses,
  percentile,
  roundValue,
  row,
  summarize,
} from '../../../scripts/bench/stats';

describe('bench stats', () => {
  it('percentile interpolates between closest ranks and does not reorder its input', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 50)).toBe(3);
    expect(percentile(xs, 100)).toBe(5);
    expect(percentile(xs, 25)).toBe(2);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(xs).toEqual([5, 1, 4, 2, 3]);
    expect(() => percentile(xs, 101)).toThrow(RangeError);
  });

  it('p95 of 1..100 is 95.05, and summarize reports the usual figures', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBeCloseTo(95.05);
    expect(summarize(xs)).toMatchObject({ n: 100, min: 1, max: 100, p50: 50.5, mean: 50.5 });
    expect(summarize([]).n).toBe(0);
  });

  it('rounds to three significant digits below 100 and to integers above', () => {
    expect(roundValue(1234.56)).toBe(1235);
    expect(roundValue(16.7000000001)).toBe(16.7);
    expect(roundValue(3.14159)).toBe(3.14);
    expect(roundValue(0.123456)).toBe(0.123);
    expect(roundValue(null)).toBeNull();
    expect(roundValue(Number.NaN)).toBeNaN();
  });

  it('checks targets on the value as shown, and informs without one', () => {
    expect(row('frame p95', 16.7000000001, 'ms', '<=', 16.7)).toEqual({
      metric: 'frame p95',
      value: 16.7,
      unit: 'ms',
      target: '≤ 16.7',
      met: true,
    });
    expect(row('frame p95', 16.76, 'ms', '<=', 16.7).met).toBe(false);
    expect(row('files', 2500, 'files/s', '>=', 2000)).toMatchObject({ target: '≥ 2000', met: true });
    expect(row('files', 1999.4, 'files/s', '>=', 2000).met).toBe(false);
    expect(row('missing', null, 'ms', '<=', 10).met).toBe(false);
    expect(row('broken', Number.NaN, 'ms', '<=', 10).met).toBe(false);
    expect(row('info', 3, 's')).toEqual({ metric: 'info', value: 3, unit: 's', target: '', met: null });
    // The rAF clock's 0.1 ms steps: an on-time frame may read 16.8, a late one reads 16.9 or more.
    expect(row('frame', 16.8, 'ms', '<=', 16.7, 0.1)).toMatchObject({
      target: '≤ 16.7 (±0.1 clock)',
      met: true,
    });
    expect(row('frame', 16.9, 'ms', '<=', 16.7, 0.1).met).toBe(false);
  });

  it('formats a Markdown table with right-aligned values and yes/NO/— in the met column', () => {
    const table = formatTable([
      row('import', 2500, 'files/s', '>=', 2000),
      row('save p95', 12.34, 'ms', '<=', 10),
      row('build', 4.2, 's'),
      row('gone', null, 'ms', '<=', 1),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| metric\s+\| value \| unit\s+\| target \| met \|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|-+\|-+\|-+\|$/);
    expect(lines[2]).toBe('| import   |  2500 | files/s | ≥ 2000 | yes |');
    expect(lines[3]).toBe('| save p95 |  12.3 | ms      | ≤ 10   | NO  |');
    expect(lines[4]).toBe('| build    |   4.2 | s       | —      | —   |');
    expect(lines[5]).toBe('| gone     |   n/a | ms      | ≤ 1    | NO  |');
    // Every line has the same width, so the plain-text table lines up too.
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });

  it('lists misses, separates thousands of large values, and formats sizes', () => {
    const rows = [row('a', 1, 'x', '<=', 2), row('b', 3, 'x', '<=', 2), row('c', 1, 'x')];
    expect(misses(rows).map((r) => r.metric)).toEqual(['b']);
    expect(formatValue(15000)).toBe('15,000');
    expect(formatValue(9999)).toBe('9999');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('turns rAF timestamps into frame deltas and counts frames over a vsync', () => {
    const deltas = frameDeltas([0, 16.7, 33.4, 66.8, 83.5]);
    expect(deltas.map((d) => Math.round(d * 10) / 10)).toEqual([16.7, 16.7, 33.4, 16.7]);
    expect(longFrameShare(deltas)).toBe(0.25);
    expect(frameDeltas([5])).toEqual([]);
    expect(longFrameShare([])).toBeNaN();
  });
});
