// Importing: dropped or picked files go to articles.import in batches; the merged report is shown and the
// first imported article opened.
import type { ImportFileResult, ImportReport } from '../../../../shared/types';
import { mergeReports, planBatches, refusedLocally, toDroppedFile } from '../../lib/import-batches';
import type { DroppedFile } from '../../../../shared/api-contract';
import type { SliceCreator } from '../store-types';

export interface ImportSlice {
  importProgress: { done: number; total: number } | null;
  importReport: ImportReport | null;
  importFiles(files: File[]): Promise<void>;
  importViaDialog(): Promise<void>;
  dismissImportReport(): void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get, api) => {
  // A second drop while one is importing waits its turn instead of interleaving progress.
  let queue: Promise<void> = Promise.resolve();

  const finish = async (report: ImportReport) => {
    set({ importReport: report });
    await get().loadArticles();
    const first = report.results.find((r) => r.status === 'imported' && r.articleId);
    if (first?.articleId) {
      get().setView('articles');
      await get().openArticle(first.articleId);
    }
  };

  const run = async (files: File[]) => {
    if (files.length === 0) return;
    const results: ImportFileResult[] = [];
    let done = 0;
    set({ importProgress: { done, total: files.length } });
    try {
      for (const batch of planBatches(files)) {
        const payload: DroppedFile[] = [];
        for (const file of batch) {
          try {
            payload.push(await toDroppedFile(file));
          } catch (err) {
            results.push(refusedLocally(file, err));
          }
        }
        if (payload.length > 0) {
          const report = await api.call('articles.import', { files: payload });
          results.push(...report.results);
        }
        done += batch.length;
        set({ importProgress: { done, total: files.length } });
      }
    } catch (err) {
      get().showError(err);
    } finally {
      set({ importProgress: null });
    }
    if (results.length > 0) await finish(mergeReports(results));
  };

  return {
    importProgress: null,
    importReport: null,
    importFiles: (files) => {
      queue = queue.then(() => run(files));
      return queue;
    },
    importViaDialog: async () => {
      try {
        const report = await api.call('import.openDialog', {});
        if (report) await finish(report);
      } catch (err) {
        get().showError(err);
      }
    },
    dismissImportReport: () => set({ importReport: null }),
  };
};
