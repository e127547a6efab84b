// Importing: dropped or picked files run as one job (lib/import-job): read lazily a batch at a time, one
// articles.import call per batch, progress with rate and time left, Cancel between batches. Files dropped
// while a job runs join it. Files picked in the desktop app's native dialog are read by the main side, and
// followed by polling (lib/remote-import-job) with the same progress and Cancel; a drop meanwhile starts
// after it. At the end the merged report is shown and the first imported article opened.
import type { ImportReport } from '../../../../shared/domain/types';
import { importReportOf } from '../../../../shared/domain/import-report';
import type { ImportJobEnd } from '../../../../shared/domain/import-jobs';
import { ImportJob } from './import-job';
import { RemoteImportJob } from './remote-import-job';
import type { ImportProgress } from './import-progress';
import { importReportFile } from './import-report-csv';
import { downloadFile } from '../export/download';
import type { SliceCreator } from '../../state/store-types';

/** The report of the last import, with what a cancelled or failed job never sent. */
export interface ImportOutcomeReport extends ImportReport {
  cancelled?: boolean;
  /** Files never sent to the library, in drop order. */
  notSent?: string[];
  /** Why they were not sent. */
  notSentReason?: string;
}

export interface ImportSlice {
  importProgress: ImportProgress | null;
  importReport: ImportOutcomeReport | null;
  importFiles(files: File[]): Promise<void>;
  /** Stop the running import after the batch in flight. */
  cancelImport(): void;
  /** The desktop app's open dialog, for files or (folders: true) for folders. */
  importViaDialog(opts?: { folders?: boolean }): Promise<void>;
  dismissImportReport(): void;
  /** Download the shown report as CSV (file, status, article_id, title, reason). */
  saveImportReport(): void;
}

/** While an import runs, the list is refreshed after a batch at most this often. */
const LIST_REFRESH_MS = 2000;

export const createImportSlice: SliceCreator<ImportSlice> = (set, get, api) => {
  let job: ImportJob | RemoteImportJob | null = null;
  let running: Promise<void> = Promise.resolve();

  const finish = async (report: ImportOutcomeReport) => {
    set({ importReport: report });
    await get().loadArticles();
    const first = report.results.find(
      (r) => (r.status === 'imported' || r.status === 'near-duplicate') && r.articleId,
    );
    if (first?.articleId) {
      get().setView('articles');
      await get().openArticle(first.articleId);
    }
  };

  /** A job's progress shows while it is the current one; the list is refreshed as batches are stored. */
  const follow = (self: () => ImportJob | RemoteImportJob) => {
    let lastRefresh = Date.now();
    return {
      onProgress: (p: ImportProgress) => {
        if (job === self()) set({ importProgress: p });
      },
      onBatch: () => {
        if (Date.now() - lastRefresh < LIST_REFRESH_MS) return;
        lastRefresh = Date.now();
        void get().loadArticles();
      },
    };
  };

  const createJob = (): ImportJob => {
    const created: ImportJob = new ImportJob({
      send: (payload) => api.call('articles.import', { files: payload }),
      limits: () => get().appInfo?.importLimits,
      ...follow(() => created),
    });
    return created;
  };

  const runJob = async (current: { run(): Promise<ImportJobEnd> }): Promise<void> => {
    set({ importReport: null });
    const outcome = await current.run();
    if (job === current) {
      job = null;
      set({ importProgress: null });
    }
    if (outcome.error !== undefined) get().showError(outcome.error);
    if (outcome.results.length === 0 && outcome.notSent.length === 0) return;
    const reason =
      outcome.error !== undefined
        ? 'not sent: the import stopped on an error'
        : 'not sent: the import was cancelled';
    await finish({
      ...importReportOf(outcome.results),
      ...(outcome.cancelled ? { cancelled: true } : {}),
      ...(outcome.notSent.length ? { notSent: outcome.notSent, notSentReason: reason } : {}),
    });
  };

  /** Run `next` once the jobs before it have ended; it shows in the progress panel from then on. */
  const queue = (next: ImportJob | RemoteImportJob): Promise<void> => {
    running = running
      .then(() => {
        job = next;
        set({ importProgress: next.progress });
        return runJob(next);
      })
      .catch((err: unknown) => get().showError(err));
    return running;
  };

  return {
    importProgress: null,
    importReport: null,
    importFiles: (files) => {
      if (files.length === 0) return running;
      // A drop while a job runs joins it: one progress bar, one report.
      if (job instanceof ImportJob && !job.cancelled) {
        job.add(files);
        return running;
      }
      const created = createJob();
      // A dialog import runs on the main side: the drop waits for it, and the panel keeps showing it meanwhile.
      if (job instanceof RemoteImportJob) {
        created.add(files);
        return queue(created);
      }
      // Otherwise a new job; after a Cancel it starts once the batch still in flight has been answered.
      job = created;
      created.add(files);
      set({ importProgress: created.progress });
      running = running.then(() => runJob(created)).catch((err: unknown) => get().showError(err));
      return running;
    },
    cancelImport: () => job?.cancel(),
    importViaDialog: async (opts = {}) => {
      let started: { jobId: string; total: number } | null;
      try {
        started = await api.call('import.openDialog', opts.folders ? { kind: 'folders' } : {});
      } catch (err) {
        get().showError(err);
        return;
      }
      if (!started) return;
      const created: RemoteImportJob = new RemoteImportJob({
        ...started,
        status: (jobId) => api.call('import.jobStatus', { jobId }),
        cancel: (jobId) => api.call('import.cancelJob', { jobId }),
        ...follow(() => created),
      });
      await queue(created);
    },
    dismissImportReport: () => set({ importReport: null }),
    saveImportReport: () => {
      const report = get().importReport;
      if (!report) return;
      const file = importReportFile(
        { results: report.results, notSent: report.notSent, notSentReason: report.notSentReason },
        new Date(),
      );
      downloadFile(file);
      get().showToast(`Downloaded ${file.fileName}`);
    },
  };
};
