// What the progress panel shows of a running import: files done of the total, the rate, the time left.
// Pure functions of the job's state and the clock, so they can be tested without timers.
import type { ImportJobProgress } from '../../../../shared/domain/import-jobs';

/** A job's progress (shared/domain/import-jobs, the same for a drop and a dialog import), and when it started. */
export interface ImportProgress extends ImportJobProgress {
  /** Clock reading (ms) when the job started. */
  startedAt: number;
}

export interface ProgressStats {
  /** 0..1 */
  fraction: number;
  /** Files per second since the start; null until a batch has finished. */
  rate: number | null;
  /** Seconds left at that rate; null while unknown. */
  etaSeconds: number | null;
}

export function progressStats(p: ImportProgress, now: number): ProgressStats {
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const secs = (now - p.startedAt) / 1000;
  const rate = p.done > 0 && secs > 0 ? p.done / secs : null;
  const etaSeconds = rate ? Math.max(0, Math.ceil((p.total - p.done) / rate)) : null;
  return { fraction, rate, etaSeconds };
}

export function formatRate(rate: number | null): string {
  if (rate === null) return '';
  return `${rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)} files/s`;
}

/** "about 45 s left", "about 3 min left", "about 1 h 5 min left". */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return 'estimating time left…';
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `about ${min} min left`;
  return `about ${Math.floor(min / 60)} h ${min % 60} min left`;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
