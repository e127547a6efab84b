// Import throughput: scrape-dump files through the real importer, exactly as `workbench import <folder>` runs
// it (the contract's import.openDialog job, whose dialog answers the folder, followed with import.jobStatus, in a
// workbench opened on a library folder with the built extraction worker pool), compared with merely reading the
// same files and decoding them.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { openWorkbench } from '../../electron/services/workbench';
import { readFileBatches, type PathProblem } from '../../electron/services/import/pipeline/read-paths';
import { createDispatchClient } from '../../shared/api/client';
import { decodeText } from '../../electron/services/import/encoding/decode';

export interface ImportResult {
  files: number;
  imported: number;
  refused: number;
  duplicates: number;
  importMs: number;
  /** CPU time of the whole process during the import (main thread, workers and libuv's file threads). */
  cpuUserMs: number;
  cpuSystemMs: number;
  readDecodeMs: number;
  firstRefusal?: string;
}

/** Reading every file of the folder (the CLI's reader) and decoding it (the importer's decoder), nothing else. */
export async function readAndDecode(dir: string): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  let files = 0;
  let chars = 0;
  const problems: PathProblem[] = [];
  for await (const batch of readFileBatches([dir], problems)) {
    for (const f of batch) {
      if (!f.bytes) continue;
      chars += decodeText(f.bytes).text.length;
      files++;
    }
  }
  if (chars === 0) throw new Error('nothing decoded');
  return { files, ms: performance.now() - started };
}

async function profiled<T>(path: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!path) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
  }
}

/** `extractorWorker`: the built extraction worker, which the CLI passes when it sits beside it (out/cli). */
export async function importFolder(
  dumpDir: string,
  libDir: string,
  opts: { profilePath?: string; extractorWorker?: string } = {},
): Promise<Omit<ImportResult, 'readDecodeMs'>> {
  const ports = { shell: 'host' as const, pickImportPaths: async () => [dumpDir] };
  const wb = await openWorkbench({
    libraryDir: libDir,
    version: 'bench',
    ports,
    onInternalError: () => {},
    extractorWorker: opts.extractorWorker,
  });
  const api = createDispatchClient(wb.dispatch);
  const counts = { files: 0, imported: 0, refused: 0, duplicates: 0 };
  let firstRefusal: string | undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await profiled(opts.profilePath, async () => {
    const job = await api.call('import.openDialog', { kind: 'files' });
    if (!job) throw new Error('the bench folder was not picked');
    let seen = 0;
    for (;;) {
      const status = await api.call('import.jobStatus', { jobId: job.jobId, resultsFrom: seen });
      for (const r of status.results ?? []) {
        counts.files++;
        if (r.status === 'refused') {
          counts.refused++;
          firstRefusal ??= `${r.fileName}: ${r.reason}`;
        } else if (r.status === 'duplicate') counts.duplicates++;
        else counts.imported++;
      }
      seen += status.results?.length ?? 0;
      if (status.state === 'finished') break;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  });
  const importMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await wb.close();
  return {
    ...counts,
    importMs,
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    ...(firstRefusal ? { firstRefusal } : {}),
  };
}

export async function benchImport(
  dumpDir: string,
  libDir: string,
  opts: { profilePath?: string; extractorWorker?: string } = {},
): Promise<ImportResult> {
  // Twice, keeping the faster: the first pass also warms the page cache and the JIT for the import after it.
  const a = await readAndDecode(dumpDir);
  const b = await readAndDecode(dumpDir);
  const readDecodeMs = Math.min(a.ms, b.ms);
  const imp = await importFolder(dumpDir, libDir, opts);
  return { ...imp, readDecodeMs };
}
