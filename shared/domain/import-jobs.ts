// The life of a bulk import job, one definition for the two that exist: a drop, which the window reads and
// sends batch by batch, and a dialog pick, which the main side reads and stores while the window polls
// import.jobStatus. Both show the same progress panel and report, so they move through the same states:
//
//   running ──Cancel──▶ cancelling ──batch in flight answered──▶ ended, cancelled (the rest not sent)
//      ├── last batch answered ─────────────────────────────────▶ ended
//      └── a batch failed ──────────────────────────────────────▶ ended, with the error (the rest not sent)
//
// While running, each batch is read (phase "reading", the file at hand) then stored (phase "importing", the
// batch's range) and counted as done. Each transition is a pure function returning the next progress.
import type { ImportFileResult, ImportJobStatus } from './types';

/** What a running job shows: files done of the total, batches answered, what it is doing, Cancel pressed. */
export type ImportJobProgress = Pick<
  ImportJobStatus,
  'done' | 'total' | 'batchesDone' | 'phase' | 'current' | 'cancelling'
>;

export const jobStarted = (total = 0): ImportJobProgress => ({
  done: 0,
  total,
  batchesDone: 0,
  phase: 'reading',
  current: '',
  cancelling: false,
});

/** Files joined the job (a drop while a drop's job runs). */
export const filesAdded = <P extends ImportJobProgress>(p: P, count: number): P => ({
  ...p,
  total: p.total + count,
});

export const readingFile = <P extends ImportJobProgress>(p: P, label: string): P => ({
  ...p,
  phase: 'reading',
  current: label,
});

/** The batch went to the library: shown as "first … last". */
export const storingBatch = <P extends ImportJobProgress>(p: P, labels: readonly string[]): P => ({
  ...p,
  phase: 'importing',
  current: labels.length > 1 ? `${labels[0]} … ${labels[labels.length - 1]}` : (labels[0] ?? ''),
});

/** The library answered a batch of `count` files (whatever each file's status). */
export const batchStored = <P extends ImportJobProgress>(p: P, count: number): P => ({
  ...p,
  done: p.done + count,
  batchesDone: p.batchesDone + 1,
});

/** Cancel: the batch in flight finishes, no further batch starts. */
export const cancelRequested = <P extends ImportJobProgress>(p: P): P => ({ ...p, cancelling: true });

/** How a job ended. */
export interface ImportJobEnd<E = unknown> {
  /** A line per file (or record, or zip entry) of the answered batches. */
  results: ImportFileResult[];
  /** Cancel stopped the job before the end: it was pressed, and files were left unsent. */
  cancelled: boolean;
  /** Labels of the files never stored (cancelled, or stopped by an error), in order. */
  notSent: string[];
  /** Why the job stopped early, when a batch failed. */
  error?: E;
}

export function jobEnd<E>(
  results: ImportFileResult[],
  notSent: string[],
  cancelling: boolean,
  error?: E,
): ImportJobEnd<E> {
  return {
    results,
    cancelled: cancelling && notSent.length > 0,
    notSent,
    ...(error !== undefined ? { error } : {}),
  };
}
