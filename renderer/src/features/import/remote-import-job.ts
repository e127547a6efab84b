// An import of files picked in the native dialog: the main side reads and stores them (import.openDialog
// started it), and this follows it by polling import.jobStatus, so that it shows the same progress panel,
// rate and Cancel as a drop (lib/import-job). Cancel asks the main side to stop after the batch in flight.
import type { ImportJobStatus } from '../../../../shared/domain/types';
import {
  cancelRequested,
  jobEnd,
  jobStarted,
  type ImportJobEnd,
} from '../../../../shared/domain/import-jobs';
import type { ImportProgress } from './import-progress';

export interface RemoteImportJobOptions {
  jobId: string;
  total: number;
  status(jobId: string): Promise<ImportJobStatus>;
  cancel(jobId: string): Promise<unknown>;
  onProgress(p: ImportProgress): void;
  /** Called when more batches have been stored (e.g. to refresh the article list). */
  onBatch?(): void;
  now?: () => number;
  /** Time between polls. */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Polls that may fail in a row (a dropped connection) before the job is given up as lost. */
  maxPollFailures?: number;
}

export class RemoteImportJob {
  readonly #opts: RemoteImportJobOptions;
  #progress: ImportProgress;
  #cancelled = false;

  constructor(opts: RemoteImportJobOptions) {
    this.#opts = opts;
    this.#progress = { ...jobStarted(opts.total), startedAt: (opts.now ?? Date.now)() };
  }

  get progress(): ImportProgress {
    return this.#progress;
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#set(cancelRequested(this.#progress));
    // A failed request is seen by the next poll: the job then still runs, and Cancel can be pressed again.
    this.#opts.cancel(this.#opts.jobId).catch(() => {
      this.#cancelled = false;
      this.#set({ cancelling: false });
    });
  }

  async run(): Promise<ImportJobEnd> {
    const { pollMs = 250, maxPollFailures = 20 } = this.#opts;
    const sleep = this.#opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let failures = 0;
    for (;;) {
      let s: ImportJobStatus;
      try {
        s = await this.#opts.status(this.#opts.jobId);
        failures = 0;
      } catch (err) {
        if (++failures > maxPollFailures) return jobEnd([], [], this.#cancelled, err);
        await sleep(pollMs);
        continue;
      }
      const more = s.batchesDone > this.#progress.batchesDone;
      this.#set({
        done: s.done,
        total: s.total,
        batchesDone: s.batchesDone,
        phase: s.phase,
        current: s.current,
        cancelling: s.cancelling || this.#cancelled,
      });
      if (s.state === 'finished') {
        // The main side ended the job by the same rule (shared/domain/import-jobs); its end is taken as it is.
        return {
          results: s.results ?? [],
          cancelled: s.cancelled ?? false,
          notSent: s.notSent ?? [],
          ...(s.error !== undefined ? { error: new Error(s.error) } : {}),
        };
      }
      if (more) this.#opts.onBatch?.();
      await sleep(pollMs);
    }
  }

  #set(patch: Partial<ImportProgress>): void {
    this.#progress = { ...this.#progress, ...patch };
    this.#opts.onProgress(this.#progress);
  }
}
