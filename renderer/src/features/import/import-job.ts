// A bulk import as one long-running job: files are read lazily, one batch at a time (never all upfront),
// each batch is one articles.import call, and Cancel stops before the next batch is read or sent. The main
// side stores a batch all or nothing, so a cancelled job leaves exactly the batches that were answered.
// Files dropped while the job runs join its queue.
import type { DroppedFile } from '../../../../shared/api/contract';
import type { ImportSizeLimits } from '../../../../shared/api/rpc';
import type { ImportFileResult, ImportReport } from '../../../../shared/domain/types';
import {
  batchStored,
  cancelRequested,
  filesAdded,
  jobEnd,
  jobStarted,
  readingFile,
  storingBatch,
  type ImportJobEnd,
} from '../../../../shared/domain/import-jobs';
import { nextBatchLength, refusedLocally, safeFileName, toDroppedFile } from './import-batches';
import type { ImportProgress } from './import-progress';

export interface ImportJobOptions {
  send(files: DroppedFile[]): Promise<ImportReport>;
  /** Called with a fresh progress object whenever it changes (at most every `notifyMs` while reading). */
  onProgress(p: ImportProgress): void;
  /** Called after each answered batch (e.g. to refresh the article list). */
  onBatch?(report: ImportReport): void;
  now?: () => number;
  /** Longest stretch of reading/encoding before giving the event loop (and the UI) a turn. */
  sliceMs?: number;
  notifyMs?: number;
  maxFiles?: number;
  maxBase64?: number;
  /**
   * The library's per-file caps (app.info), asked for at every batch so that a change in the settings
   * dialog during a long import applies from the next batch, as it does on the main side. Larger files go by
   * name only, and the main side refuses them.
   */
  limits?: () => ImportSizeLimits | undefined;
}

/** Let the event loop run: input, rendering and the progress update get a turn between files. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ImportJob {
  readonly #opts: ImportJobOptions;
  readonly #now: () => number;
  readonly #queue: File[] = [];
  #progress: ImportProgress;
  #lastNotify = 0;
  #trailing: ReturnType<typeof setTimeout> | null = null;

  constructor(opts: ImportJobOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => Date.now());
    this.#progress = { ...jobStarted(), startedAt: this.#now() };
  }

  get progress(): ImportProgress {
    return this.#progress;
  }

  get cancelled(): boolean {
    return this.#progress.cancelling;
  }

  /** Add files to the job (before or while it runs). */
  add(files: readonly File[]): void {
    if (this.#progress.cancelling) return;
    this.#queue.push(...files);
    this.#update(filesAdded(this.#progress, files.length), true);
  }

  /** Stop after the batch in flight; files not yet sent stay unsent. */
  cancel(): void {
    if (this.#progress.cancelling) return;
    this.#update(cancelRequested(this.#progress), true);
  }

  async run(): Promise<ImportJobEnd> {
    const results: ImportFileResult[] = [];
    const notSent: string[] = [];
    const { sliceMs = 12, maxFiles, maxBase64 } = this.#opts;
    let error: unknown;
    while (this.#queue.length > 0 && !this.#progress.cancelling) {
      const limits = this.#opts.limits?.();
      const batch = this.#queue.splice(0, nextBatchLength(this.#queue, maxFiles, maxBase64, limits));
      const payload: DroppedFile[] = [];
      const local: ImportFileResult[] = [];
      let sliceStart = this.#now();
      for (const file of batch) {
        if (this.#progress.cancelling) break;
        this.#update(readingFile(this.#progress, file.name));
        try {
          payload.push(await toDroppedFile(file, limits));
        } catch (err) {
          local.push(refusedLocally(file, err));
        }
        if (this.#now() - sliceStart >= sliceMs) {
          await yieldToEventLoop();
          sliceStart = this.#now();
        }
      }
      if (this.#progress.cancelling) {
        // Read but not sent: nothing of this batch reached the library.
        notSent.push(...batch.map((f) => safeFileName(f.name)));
        break;
      }
      this.#update(
        storingBatch(
          this.#progress,
          batch.map((f) => f.name),
        ),
        true,
      );
      let report: ImportReport | null = null;
      if (payload.length > 0) {
        try {
          report = await this.#opts.send(payload);
        } catch (err) {
          // The batch may or may not have been stored (the answer was lost); re-dropping reports duplicates.
          error = err;
          notSent.push(...batch.map((f) => safeFileName(f.name)));
          break;
        }
      }
      results.push(...local, ...(report?.results ?? []));
      this.#update(batchStored(this.#progress, batch.length), true);
      if (report) this.#opts.onBatch?.(report);
    }
    notSent.push(...this.#queue.splice(0).map((f) => safeFileName(f.name)));
    if (this.#trailing !== null) clearTimeout(this.#trailing);
    this.#trailing = null;
    return jobEnd(results, notSent, this.#progress.cancelling, error);
  }

  #update(next: ImportProgress, force = false): void {
    this.#progress = next;
    const t = this.#now();
    const wait = (this.#opts.notifyMs ?? 100) - (t - this.#lastNotify);
    if (!force && wait > 0) {
      // Throttled; but a read that then stalls (a slow disk, a network share) must still show its file name.
      this.#trailing ??= setTimeout(() => this.#notify(), wait);
      return;
    }
    this.#notify();
  }

  #notify(): void {
    if (this.#trailing !== null) clearTimeout(this.#trailing);
    this.#trailing = null;
    this.#lastNotify = this.#now();
    this.#opts.onProgress(this.#progress);
  }
}
