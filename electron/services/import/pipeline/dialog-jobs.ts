// Imports of files and folders picked in the native dialog, run on the main side as jobs that the renderer
// polls (import.jobStatus) and can cancel (import.cancelJob), so that a pick of 5,000 files shows the same
// progress, rate and Cancel as a drop, instead of one call that answers when everything is done.
//
// A job walks what was picked first (the total), then reads and imports it in batches (the dialog budget of
// shared/domain/import-batches, by the bytes read: files over their cap go by name and size, unread), moving
// through the job states of shared/domain/import-jobs; the importer stores each batch all or nothing. Cancel
// stops before the next batch is read, so a cancelled job leaves exactly its answered batches; the files
// after them are reported as not sent. Paths never leave the main side: results carry labels
// (shared/domain/file-labels) and, for a path that could not be walked, its last name.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportFileResult, ImportJobStatus } from '../../../../shared/domain/types';
import { ServiceError } from '../../../../shared/api/dispatcher';
import { bytesToRead } from '../../../../shared/api/rpc';
import {
  IMPORT_BATCH_BUDGETS,
  nextBatchLength,
  type BatchBudget,
} from '../../../../shared/domain/import-batches';
import {
  batchStored,
  cancelRequested,
  jobEnd,
  jobStarted,
  readingFile,
  storingBatch,
} from '../../../../shared/domain/import-jobs';
import type { Importer, IncomingFile } from './importer';
import { readFiles, walkFiles, type PathProblem, type WalkedFile } from './read-paths';

/** Finished jobs kept for their reports; older ones are forgotten. */
const KEEP_FINISHED = 20;

export interface ImportJobsOptions {
  /** Tests only: smaller batches than IMPORT_BATCH_BUDGETS.dialog. */
  budget?: Partial<BatchBudget>;
}

export function createImportJobs(
  importer: Pick<Importer, 'importFiles' | 'limits'>,
  opts: ImportJobsOptions = {},
) {
  const jobs = new Map<string, ImportJobStatus>();
  /** The lines of each running job so far, for callers that follow them (import.jobStatus resultsFrom). */
  const running = new Map<string, ImportFileResult[]>();
  const budget: BatchBudget = { ...IMPORT_BATCH_BUDGETS.dialog, ...opts.budget };

  /** The next batch from `at`, weighed by the bytes that will be read (the caps in force now). */
  function batchEnd(files: readonly WalkedFile[], at: number): number {
    const limits = importer.limits();
    return (
      at + nextBatchLength(files, (f) => bytesToRead({ name: f.label, size: f.size }, limits), budget, at)
    );
  }

  async function readGroup(
    group: readonly WalkedFile[],
  ): Promise<{ incoming: IncomingFile[]; refused: ImportFileResult[] }> {
    const incoming: IncomingFile[] = [];
    const refused: ImportFileResult[] = [];
    (await readFiles(group, importer.limits())).forEach((r, i) => {
      if ('file' in r) incoming.push(r.file);
      else refused.push({ fileName: group[i]!.label, status: 'refused', reason: r.problem.reason });
    });
    return { incoming, refused };
  }

  async function run(
    job: ImportJobStatus,
    files: readonly WalkedFile[],
    walkProblems: readonly PathProblem[],
  ): Promise<void> {
    const results: ImportFileResult[] = [];
    running.set(job.jobId, results);
    let at = 0;
    let error: string | undefined;
    try {
      while (at < files.length && !job.cancelling) {
        const end = batchEnd(files, at);
        const group = files.slice(at, end);
        Object.assign(job, readingFile(job, group[0]!.label));
        const { incoming, refused } = await readGroup(group);
        Object.assign(
          job,
          storingBatch(
            job,
            group.map((f) => f.label),
          ),
        );
        if (incoming.length) results.push(...(await importer.importFiles(incoming)).results);
        results.push(...refused);
        at = end;
        Object.assign(job, batchStored(job, group.length));
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    // Only the name goes back: the renderer never sees a filesystem path.
    for (const p of walkProblems)
      results.push({ fileName: basename(p.path), status: 'refused', reason: p.reason });
    const notSent = files.slice(at).map((f) => f.label);
    Object.assign(job, { state: 'finished', current: '' }, jobEnd(results, notSent, job.cancelling, error));
    running.delete(job.jobId);
    const finished = [...jobs.values()].filter((j) => j.state === 'finished');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.jobId);
  }

  function find(jobId: string): ImportJobStatus {
    const job = jobs.get(jobId);
    if (!job)
      throw new ServiceError(
        'not_found',
        `No import job ${jobId} (it finished long ago, or the library was reopened).`,
      );
    return job;
  }

  return {
    /** Walk the picked paths, then import them in the background; answers once the total is known. */
    async start(paths: string[]): Promise<{ jobId: string; total: number }> {
      const problems: PathProblem[] = [];
      const files: WalkedFile[] = [];
      for await (const f of walkFiles(paths, problems)) files.push(f);
      const jobId = randomUUID();
      const job: ImportJobStatus = { jobId, state: 'running', ...jobStarted(files.length) };
      jobs.set(jobId, job);
      void run(job, files, problems);
      return { jobId, total: files.length };
    },
    /** A copy of the job's state; the results once it has finished, or those from `resultsFrom` on. */
    status(jobId: string, resultsFrom?: number): ImportJobStatus {
      const job = find(jobId);
      if (resultsFrom === undefined) return { ...job };
      return { ...job, results: (job.results ?? running.get(jobId) ?? []).slice(resultsFrom) };
    },
    /** Stop after the batch in flight. */
    cancel(jobId: string): { cancelling: boolean } {
      const job = find(jobId);
      if (job.state === 'running') Object.assign(job, cancelRequested(job));
      return { cancelling: job.state === 'running' };
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
