// The bulk import job: lazy reading per batch, progress with rate and time left, Cancel between batches,
// files dropped meanwhile joining the job; and the progress panel driving it in the app.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DroppedFile, MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_PDF_BYTES, maxImportBytesFor } from '../../../../shared/api/rpc';
import type { ImportReport } from '../../../../shared/domain/types';
import { ImportJob } from '../../../../renderer/src/features/import/import-job';
import {
  formatEta,
  formatRate,
  progressStats,
  type ImportProgress,
} from '../../../../renderer/src/features/import/import-progress';
import { isOversized, planBatches } from '../../../../renderer/src/features/import/import-batches';
import { FakeApi } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const file = (name: string, content = `text of ${name}`) => new File([content], name, { type: 'text/plain' });
const files = (n: number, prefix = 'f') =>
  Array.from({ length: n }, (_, i) => file(`${prefix}${String(i).padStart(4, '0')}.txt`));

const imported = (payload: DroppedFile[]): ImportReport => ({
  results: payload.map((f) => ({
    fileName: f.name,
    status: 'imported' as const,
    articleId: `id-${f.name}`,
    title: f.name,
  })),
  imported: payload.length,
  nearDuplicates: 0,
  duplicates: 0,
  refused: 0,
});

/** A send() whose answers the test releases one at a time. */
function steppedSend() {
  const waiting: Array<() => void> = [];
  const calls: DroppedFile[][] = [];
  const send = vi.fn(async (payload: DroppedFile[]) => {
    calls.push(payload);
    await new Promise<void>((r) => waiting.push(r));
    return imported(payload);
  });
  const answerNext = async () => {
    await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    waiting.shift()!();
  };
  return { send, calls, answerNext };
}

describe('progress figures', () => {
  const p = (over: Partial<ImportProgress>): ImportProgress => ({
    done: 0,
    total: 2000,
    batchesDone: 0,
    phase: 'reading',
    current: '',
    startedAt: 0,
    cancelling: false,
    ...over,
  });

  it('gives rate and time left from what is done, and nothing before the first batch', () => {
    expect(progressStats(p({}), 5000)).toEqual({ fraction: 0, rate: null, etaSeconds: null });
    const s = progressStats(p({ done: 400, batchesDone: 2 }), 8000);
    expect(s.fraction).toBe(0.2);
    expect(s.rate).toBe(50);
    expect(s.etaSeconds).toBe(32);
    expect(progressStats(p({ done: 2000 }), 10_000).etaSeconds).toBe(0);
  });

  it('formats them for people', () => {
    expect(formatRate(null)).toBe('');
    expect(formatRate(3.456)).toBe('3.5 files/s');
    expect(formatRate(123.4)).toBe('123 files/s');
    expect(formatEta(null)).toBe('estimating time left…');
    expect(formatEta(0)).toBe('about 1 s left');
    expect(formatEta(42)).toBe('about 42 s left');
    expect(formatEta(600)).toBe('about 10 min left');
    expect(formatEta(3900)).toBe('about 1 h 5 min left');
  });
});

describe('size caps per type', () => {
  it('uses the PDF cap for PDFs and the general cap for the rest, as the main side does', () => {
    expect(maxImportBytesFor('scan.PDF')).toBe(MAX_IMPORT_PDF_BYTES);
    expect(maxImportBytesFor('article.txt')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(maxImportBytesFor('pdf')).toBe(MAX_IMPORT_FILE_BYTES);
    const size = 30 * 1024 * 1024;
    expect(isOversized({ name: 'report.pdf', size })).toBe(false);
    expect(isOversized({ name: 'report.txt', size })).toBe(true);
    // Judged by the label the main side will see ("report.pdf"), not the raw name.
    expect(isOversized({ name: 'report.pdf ', size })).toBe(false);
    // A 30 MB PDF carries its bytes (and goes alone), a 30 MB text file only its name and size.
    expect(
      planBatches([
        { name: 'a.txt', size: 10 },
        { name: 'report.pdf', size },
        { name: 'big.txt', size },
      ]).map((b) => b.map((f) => f.name)),
    ).toEqual([['a.txt'], ['report.pdf', 'big.txt']]);
  });
});

describe('ImportJob', () => {
  it('asks for the caps at every batch: a cap raised during the import applies from the next batch', async () => {
    const { send, calls, answerNext } = steppedSend();
    let caps = { maxBytes: 10, maxPdfBytes: 10 };
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 1, notifyMs: 0, limits: () => caps });
    job.add([file('a.txt', 'more than ten bytes'), file('b.txt', 'more than ten bytes')]);
    const done = job.run();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]![0]).toEqual({ name: 'a.txt', size: 19 });
    caps = { maxBytes: 1024, maxPdfBytes: 1024 };
    await answerNext();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]![0]).toMatchObject({ name: 'b.txt', size: 19, dataBase64: expect.any(String) });
    await answerNext();
    await done;
  });

  it('reads each batch only when it is about to be sent, and reports progress after each', async () => {
    const { send, calls, answerNext } = steppedSend();
    const progress: ImportProgress[] = [];
    const all = files(5);
    const reads = all.map((f) => vi.spyOn(f, 'arrayBuffer'));
    const job = new ImportJob({ send, onProgress: (p) => progress.push(p), maxFiles: 2, notifyMs: 0 });
    job.add(all);
    const done = job.run();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(reads.map((r) => r.mock.calls.length)).toEqual([1, 1, 0, 0, 0]);
    expect(job.progress).toMatchObject({
      done: 0,
      total: 5,
      phase: 'importing',
      current: 'f0000.txt … f0001.txt',
    });
    await answerNext();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(job.progress).toMatchObject({ done: 2, batchesDone: 1 });
    await answerNext();
    await answerNext();
    const outcome = await done;
    expect(outcome).toEqual({ results: expect.any(Array), cancelled: false, notSent: [] });
    expect(outcome.results).toHaveLength(5);
    expect(calls.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, batchesDone: 3 });
    expect(progress.some((p) => p.phase === 'reading' && p.current === 'f0002.txt')).toBe(true);
  });

  it('on Cancel lets the batch in flight finish, sends nothing more and lists the unsent files', async () => {
    const { send, calls, answerNext } = steppedSend();
    const all = files(7);
    const reads = all.map((f) => vi.spyOn(f, 'arrayBuffer'));
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 3 });
    job.add(all);
    const done = job.run();
    await answerNext();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    job.cancel();
    expect(job.progress.cancelling).toBe(true);
    await answerNext();
    const outcome = await done;
    expect(outcome.cancelled).toBe(true);
    expect(outcome.results.map((r) => r.fileName)).toEqual(all.slice(0, 6).map((f) => f.name));
    expect(outcome.notSent).toEqual(['f0006.txt']);
    expect(calls).toHaveLength(2);
    // The last file was never even read.
    expect(reads[6]!).not.toHaveBeenCalled();
    // Files dropped after Cancel do not join the cancelled job.
    job.add(files(2, 'late'));
    expect(job.progress.total).toBe(7);
  });

  it('does not count as cancelled when Cancel comes while the last batch is in flight: everything was stored', async () => {
    const { send, calls, answerNext } = steppedSend();
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 3 });
    job.add(files(3));
    const done = job.run();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    job.cancel();
    await answerNext();
    const outcome = await done;
    expect(outcome).toMatchObject({ cancelled: false, notSent: [] });
    expect(outcome.results).toHaveLength(3);
  });

  it('stops reading a batch when cancelled while reading it, and sends none of it', async () => {
    const send = vi.fn(async (payload: DroppedFile[]) => imported(payload));
    const all = files(6);
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 3 });
    // Cancel while the fifth file is read.
    vi.spyOn(all[4]!, 'arrayBuffer').mockImplementation(async () => {
      job.cancel();
      return new ArrayBuffer(1);
    });
    job.add(all);
    const outcome = await job.run();
    expect(send).toHaveBeenCalledTimes(1);
    expect(outcome.results).toHaveLength(3);
    expect(outcome.notSent).toEqual(['f0003.txt', 'f0004.txt', 'f0005.txt']);
  });

  it('takes files dropped while it runs into the same job', async () => {
    const { send, calls, answerNext } = steppedSend();
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 2 });
    job.add(files(2));
    const done = job.run();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    job.add(files(3, 'more'));
    expect(job.progress.total).toBe(5);
    await answerNext();
    await answerNext();
    await answerNext();
    const outcome = await done;
    expect(outcome.results.map((r) => r.fileName)).toEqual([
      'f0000.txt',
      'f0001.txt',
      'more0000.txt',
      'more0001.txt',
      'more0002.txt',
    ]);
  });

  it('stops on a failed call: the failed batch and the rest are listed as not sent', async () => {
    let n = 0;
    const send = vi.fn(async (payload: DroppedFile[]) => {
      if (++n === 2) throw new Error('host went away');
      return imported(payload);
    });
    const job = new ImportJob({ send, onProgress: () => {}, maxFiles: 2 });
    job.add(files(5));
    const outcome = await job.run();
    expect(outcome.error).toEqual(new Error('host went away'));
    expect(outcome.results).toHaveLength(2);
    expect(outcome.notSent).toEqual(['f0002.txt', 'f0003.txt', 'f0004.txt']);
    expect(outcome.cancelled).toBe(false);
  });

  it('refuses a file that cannot be read without stopping the batch', async () => {
    const send = vi.fn(async (payload: DroppedFile[]) => imported(payload));
    const all = files(3);
    vi.spyOn(all[1]!, 'arrayBuffer').mockRejectedValue(new Error('permission denied'));
    const job = new ImportJob({ send, onProgress: () => {} });
    job.add(all);
    const outcome = await job.run();
    expect(send.mock.calls[0]![0].map((f) => f.name)).toEqual(['f0000.txt', 'f0002.txt']);
    expect(outcome.results.find((r) => r.fileName === 'f0001.txt')).toMatchObject({
      status: 'refused',
      reason: 'could not be read (permission denied)',
    });
  });

  it('gives the event loop a turn while reading many files', async () => {
    let t = 0;
    const send = vi.fn(async (payload: DroppedFile[]) => imported(payload));
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    // Every file takes 5 ms of "work" by this clock; a turn is due every 12 ms.
    const job = new ImportJob({ send, onProgress: () => {}, now: () => (t += 5), sliceMs: 12 });
    job.add(files(30));
    await job.run();
    expect(timeouts.mock.calls.filter((c) => c[1] === 0).length).toBeGreaterThanOrEqual(10);
    timeouts.mockRestore();
  });
});

/** A FakeApi whose articles.import answers wait until the test releases them, one call at a time. */
class SteppedApi extends FakeApi {
  waiting: Array<() => void> = [];
  override async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    if (method === 'articles.import') await new Promise<void>((r) => this.waiting.push(r));
    return super.call(method, input);
  }
  async answerNext() {
    await waitFor(() => expect(this.waiting.length).toBeGreaterThan(0));
    await act(async () => {
      this.waiting.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

useMockedViewport({ restoreMocks: true });

describe('progress panel', () => {
  it('shows files done of the total and what is being stored, advances per batch, and Cancel ends with a report', async () => {
    const api = new SteppedApi();
    const { store, user } = await renderApp(api);
    const importing = store.getState().importFiles(files(450));
    const panel = await screen.findByTestId('import-job');
    expect(within(panel).getByTestId('import-job-count')).toHaveTextContent('Importing 0 / 450 files');
    await waitFor(() =>
      expect(within(panel).getByTestId('import-job-current')).toHaveTextContent(
        'Storing f0000.txt … f0199.txt',
      ),
    );
    expect(within(panel).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(within(panel).getByTestId('import-job-stats')).toHaveTextContent('estimating time left…');

    await api.answerNext();
    await waitFor(() =>
      expect(within(panel).getByTestId('import-job-count')).toHaveTextContent('Importing 200 / 450 files'),
    );
    expect(within(panel).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '200 of 450 files (44 %)',
    );
    expect(within(panel).getByTestId('import-job-stats')).toHaveTextContent(/files\/s · about .* left/);

    await user.click(within(panel).getByTestId('cancel-import'));
    expect(within(panel).getByTestId('import-job-count')).toHaveTextContent('Cancelling… 200 / 450 files');
    expect(within(panel).getByTestId('cancel-import')).toBeDisabled();
    await api.answerNext();
    await act(() => importing);

    expect(screen.queryByTestId('import-job')).toBeNull();
    expect(api.callsOf('articles.import').map((c) => c.files.length)).toEqual([200, 200]);
    const report = screen.getByTestId('import-report');
    expect(report).toHaveTextContent(
      'Import (cancelled): 400 imported, 0 near-duplicates, 0 duplicates, 0 refused, 50 not sent',
    );
    expect(within(report).getByTestId('import-not-sent')).toHaveTextContent(
      '50 files were not sent (the import was cancelled)',
    );
    expect(within(report).getByTestId('import-count-imported')).toHaveAttribute('data-count', '400');
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
    expect(screen.getByTestId('article-count')).toHaveTextContent('400 articles');
  });

  it('adds a drop made during an import to the running job', async () => {
    const api = new SteppedApi();
    const { store } = await renderApp(api);
    const first = store.getState().importFiles(files(150));
    await screen.findByTestId('import-job');
    const second = store.getState().importFiles(files(100, 'g'));
    await waitFor(() => expect(screen.getByTestId('import-job-count')).toHaveTextContent('0 / 250 files'));
    await api.answerNext();
    await api.answerNext();
    await act(() => Promise.all([first, second]));
    // The first batch was on its way already; the dropped files make the next one.
    expect(api.callsOf('articles.import').map((c) => c.files.length)).toEqual([150, 100]);
    expect(screen.getByTestId('import-report')).toHaveTextContent('250 imported');
  });

  it('keeps the window responsive: the progress panel renders while files are still being read', async () => {
    const api = new FakeApi();
    const { store } = await renderApp(api);
    const slow = files(3);
    let release!: () => void;
    vi.spyOn(slow[1]!, 'arrayBuffer').mockImplementation(
      () => new Promise((r) => (release = () => r(new ArrayBuffer(2)))),
    );
    const importing = store.getState().importFiles(slow);
    await waitFor(() =>
      expect(screen.getByTestId('import-job-current')).toHaveTextContent('Reading f0001.txt'),
    );
    expect(api.callsOf('articles.import')).toHaveLength(0);
    release();
    await act(() => importing);
    expect(api.callsOf('articles.import')).toHaveLength(1);
  });
});
