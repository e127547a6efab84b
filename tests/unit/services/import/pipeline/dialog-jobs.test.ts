// Dialog imports as jobs on the main side: what was picked is walked for a total, then read and stored in
// batches while import.jobStatus reports progress; Cancel stops after the batch in flight, leaving exactly the
// answered batches stored and the rest reported as not sent; results carry labels, never paths.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../../../shared/domain/types';
import { createImportJobs } from '../../../../../electron/services/import/pipeline/dialog-jobs';
import { openWorkbench, type Workbench } from '../../../../../electron/services/workbench';
import { FIXTURES, FOGLIETTONE, SPUTNIK, tempDir } from '../../../../helpers/temp-library';
import { callApi } from '../../../../helpers/workbench';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
let picked: string[] | null;

const call = <T>(method: string, input: unknown) => callApi<T>(wb, method, input);

/** A folder of `n` short articles (and a hidden file, and an empty one that must be refused). */
function collection(n: number): string {
  const root = join(tmp.dir, 'raccolta');
  mkdirSync(join(root, 'ansa'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const body = `Notizia numero ${i}: il consiglio comunale di Genova ha approvato il piano per il porto dopo un lungo dibattito, con ${i} voti a favore.`;
    writeFileSync(
      join(root, 'ansa', `${String(i).padStart(3, '0')}.txt`),
      `Titolo della notizia ${i}\n\n${body}\n\n${body.replace('Genova', 'Savona')}`,
    );
  }
  writeFileSync(join(root, 'ansa', '.DS_Store'), 'x');
  writeFileSync(join(root, 'vuoto.txt'), '');
  return root;
}

async function until(jobId: string, ok: (s: ImportJobStatus) => boolean): Promise<ImportJobStatus> {
  for (let i = 0; i < 500; i++) {
    const s = await call<ImportJobStatus>('import.jobStatus', { jobId });
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the job never got there');
}

beforeEach(async () => {
  tmp = tempDir();
  picked = null;
  wb = await openWorkbench({
    libraryDir: join(tmp.dir, 'lib'),
    version: 'test',
    ports: {
      shell: 'electron',
      pickImportPaths: async () => picked,
      saveExport: async () => ({ saved: false }),
    },
    onInternalError: () => {},
  });
});
afterEach(async () => {
  await wb.close();
  tmp.cleanup();
});

describe('dialog import jobs', () => {
  it('answer null when the dialog is closed, and a job id with the walked total otherwise; the job ends with a report of labels', async () => {
    expect(await call('import.openDialog', {})).toBeNull();
    const root = collection(12);
    picked = [root, join(FIXTURES, SPUTNIK), join(tmp.dir, 'sparito.txt')];
    const started = await call<{ jobId: string; total: number }>('import.openDialog', {});
    // 12 articles and the empty file in the folder (the hidden file skipped), and the sample.
    expect(started.total).toBe(14);
    const done = await until(started.jobId, (s) => s.state === 'finished');
    expect(done).toMatchObject({ done: 14, total: 14, cancelled: false, notSent: [] });
    const byLabel = new Map(done.results!.map((r) => [r.fileName, r]));
    expect(byLabel.get('raccolta › ansa › 000.txt')?.status).toBe('imported');
    expect(byLabel.get('raccolta › vuoto.txt')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/empty/),
    });
    expect(byLabel.get(SPUTNIK)?.status).toBe('imported');
    // A path that could not be walked is reported by its name only.
    expect(byLabel.get('sparito.txt')).toMatchObject({ status: 'refused', reason: 'no such file or folder' });
    expect(JSON.stringify(done.results)).not.toContain(tmp.dir);
    expect(wb.library.listArticles()).toHaveLength(13);
    await expect(call('import.jobStatus', { jobId: 'nessuno' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports progress batch by batch and stops after the batch in flight when cancelled', async () => {
    const root = collection(30);
    // The importer answers each batch only when the test lets it, so that Cancel lands midway.
    const gates: Array<() => void> = [];
    const slow = {
      limits: () => wb.importer.limits(),
      importFiles: async (files: Parameters<typeof wb.importer.importFiles>[0]) => {
        await new Promise<void>((r) => gates.push(r));
        return wb.importer.importFiles(files);
      },
    };
    const jobs = createImportJobs(slow, { budget: { maxFiles: 5 } });
    const { jobId, total } = await jobs.start([root]);
    expect(total).toBe(31);
    const waitGate = async () => {
      while (!gates.length) await new Promise((r) => setTimeout(r, 5));
      gates.shift()!();
    };
    await waitGate();
    await waitGate();
    while (jobs.status(jobId).batchesDone < 2) await new Promise((r) => setTimeout(r, 5));
    const mid = jobs.status(jobId);
    expect(mid).toMatchObject({ state: 'running', done: 10, total: 31, batchesDone: 2 });
    expect(mid.results).toBeUndefined();
    // A caller that follows the lines (the CLI) gets those of the stored batches, from where it asks.
    const label = (i: number) => `raccolta › ansa › ${String(i).padStart(3, '0')}.txt`;
    expect(jobs.status(jobId, 0).results!.map((r) => r.fileName)).toEqual(
      Array.from({ length: 10 }, (_, i) => label(i)),
    );
    expect(jobs.status(jobId, 7).results!.map((r) => r.fileName)).toEqual([label(7), label(8), label(9)]);
    expect(jobs.status(jobId, 10).results).toEqual([]);
    // The third batch is in flight: Cancel lets it finish, and no fourth starts.
    expect(jobs.cancel(jobId)).toEqual({ cancelling: true });
    await waitGate();
    while (jobs.status(jobId).state !== 'finished') await new Promise((r) => setTimeout(r, 5));
    const end = jobs.status(jobId);
    expect(end).toMatchObject({ done: 15, cancelled: true, batchesDone: 3 });
    expect(gates).toHaveLength(0);
    expect(end.notSent).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `raccolta › ansa › ${String(15 + i).padStart(3, '0')}.txt`),
      'raccolta › vuoto.txt',
    ]);
    expect(end.results!.map((r) => r.fileName)).toEqual(
      Array.from({ length: 15 }, (_, i) => `raccolta › ansa › ${String(i).padStart(3, '0')}.txt`),
    );
    expect(jobs.status(jobId, 10).results!.map((r) => r.fileName)).toEqual([10, 11, 12, 13, 14].map(label));
    // The library holds exactly the three answered batches.
    const index = JSON.parse(readFileSync(join(tmp.dir, 'lib', 'articles.json'), 'utf8')) as {
      articles: Array<{ fileName: string }>;
    };
    expect(index.articles.map((a) => a.fileName).sort()).toEqual(end.results!.map((r) => r.fileName).sort());
    expect(jobs.cancel(jobId)).toEqual({ cancelling: false });
  });

  it('stops on a failed batch with the reason, reporting that batch and the rest as not sent', async () => {
    const root = collection(8);
    let calls = 0;
    const failing = {
      limits: () => wb.importer.limits(),
      importFiles: async (files: Parameters<typeof wb.importer.importFiles>[0]) => {
        if (++calls === 2) throw new Error('disk full');
        return wb.importer.importFiles(files);
      },
    };
    const jobs = createImportJobs(failing, { budget: { maxFiles: 3 } });
    const { jobId } = await jobs.start([root, join(FIXTURES, FOGLIETTONE)]);
    while (jobs.status(jobId).state !== 'finished') await new Promise((r) => setTimeout(r, 5));
    const end = jobs.status(jobId);
    expect(end).toMatchObject({ error: 'disk full', cancelled: false, done: 3 });
    expect(end.results).toHaveLength(3);
    expect(end.notSent).toHaveLength(10 - 3);
    expect(end.notSent!.at(-1)).toBe(FOGLIETTONE);
    expect(wb.library.listArticles()).toHaveLength(3);
  });
});
