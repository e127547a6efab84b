// Reads files and folders named on the command line or picked in a native dialog into IncomingFile
// batches. Folders are walked recursively; hidden files and links are passed over; files over the cap are
// reported by size without being read, so one huge file cannot exhaust memory. Files inside a folder are
// labelled with their path from it ("coll › reuters › 0001.txt"), as in a drop.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IncomingFile } from './importer';
import { sizeLimitFor } from '../formats/registry';
import { pathLabel } from '../../../../shared/domain/file-labels';
import { DEFAULT_LIMITS, type ImportLimits } from '../formats/types';

export interface PathProblem {
  path: string;
  reason: string;
}

/** A file to read, and the label it is reported and stored under (shared/domain/file-labels). */
export interface WalkedFile {
  path: string;
  label: string;
  /** Size when walked (lstat). */
  size: number;
}

/**
 * Files named, and the files inside folders named, in order (names sorted per folder, as a dropped folder is
 * walked in the app). A file inside a named folder is labelled with its path from that folder down.
 */
export async function* walkFiles(paths: string[], problems: PathProblem[], folders: readonly string[] = []): AsyncGenerator<WalkedFile> {
  for (const p of paths) {
    let st;
    try {
      st = await lstat(p);
    } catch {
      problems.push({ path: p, reason: 'no such file or folder' });
      continue;
    }
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      const entries = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      yield* walkFiles(entries.map((n) => join(p, n)), problems, [...folders, basename(p)]);
    } else if (st.isFile()) {
      yield { path: p, label: pathLabel([...folders, basename(p)]), size: st.size };
    }
  }
}

export interface ReadOptions {
  batchSize?: number;
  batchBytes?: number;
  /** The caps in force (importer.limits()): a file over its cap is reported by size, never read. */
  limits?: ImportLimits;
}

/** Files read at the same time within a batch. */
const READ_CONCURRENCY = 8;

export type ReadResult = { file: IncomingFile } | { problem: PathProblem };

/** One walked file: its bytes, or only its name and size when over the cap; a problem when unreadable. */
async function readOne({ path, label: name }: WalkedFile, limits: ImportLimits): Promise<ReadResult> {
  try {
    const { size } = await lstat(path);
    if (size > sizeLimitFor(name, limits)) return { file: { name, size } };
    return { file: { name, size, bytes: new Uint8Array(await readFile(path)) } };
  } catch (err) {
    return { problem: { path, reason: `could not be read (${err instanceof Error ? err.message : String(err)})` } };
  }
}

/** Walked files read READ_CONCURRENCY at a time; a result for each, in their order. */
export async function readFiles(files: readonly WalkedFile[], limits: ImportLimits): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) out.push(...(await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => readOne(f, limits)))));
  return out;
}

/** The next batch of paths from the walk, read a few at a time; results and problems in walk order. */
async function readBatch(walk: AsyncGenerator<WalkedFile>, problems: PathProblem[], { batchSize, batchBytes, limits }: Required<ReadOptions>): Promise<IncomingFile[] | null> {
  const batch: IncomingFile[] = [];
  let bytes = 0;
  let done = false;
  while (!done && batch.length < batchSize && bytes < batchBytes) {
    const paths: WalkedFile[] = [];
    while (paths.length < Math.min(READ_CONCURRENCY, batchSize - batch.length)) {
      const next = await walk.next();
      if (next.done) {
        done = true;
        break;
      }
      paths.push(next.value);
    }
    for (const r of await readFiles(paths, limits)) {
      if ('problem' in r) problems.push(r.problem);
      else {
        batch.push(r.file);
        bytes += r.file.bytes?.byteLength ?? 0;
      }
    }
  }
  return batch.length || !done ? batch : null;
}

/**
 * Yields batches of at most `batchSize` files and about `batchBytes` bytes. Each batch is one import call,
 * which rewrites the library index once: batches of a few hundred files keep those rewrites from dominating
 * large imports (at 10,000 articles the index is ~10 MB). The next batch is read while the caller imports
 * this one, so at most two batches are in memory.
 */
export async function* readFileBatches(paths: string[], problems: PathProblem[], opts: ReadOptions = {}): AsyncGenerator<IncomingFile[]> {
  const walk = walkFiles(paths, problems);
  const o: Required<ReadOptions> = { batchSize: opts.batchSize ?? 500, batchBytes: opts.batchBytes ?? 32 * 1024 * 1024, limits: opts.limits ?? DEFAULT_LIMITS };
  let ahead = readBatch(walk, problems, o);
  try {
    for (;;) {
      const batch = await ahead;
      if (batch === null) return;
      if (batch.length === 0) {
        ahead = readBatch(walk, problems, o);
        continue;
      }
      ahead = readBatch(walk, problems, o);
      // A caller that stops early must not leave a failed read-ahead unhandled.
      ahead.catch(() => {});
      yield batch;
    }
  } finally {
    await ahead.catch(() => null);
  }
}
