// Reads files and folders named on the command line or picked in a native dialog into IncomingFile
// batches. Folders are walked recursively; hidden files and links are passed over; files over the cap are
// reported by size without being read, so one huge file cannot exhaust memory. Files inside a folder are
// labelled with their path from it ("coll › reuters › 0001.txt"), as in a drop.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IncomingFile } from './importer';
import { bytesToRead, maxImportBytesFor } from '../../../../shared/api/rpc';
import { pathLabel } from '../../../../shared/domain/file-labels';
import { IMPORT_BATCH_BUDGETS, joinsBatch, type BatchBudget } from '../../../../shared/domain/import-batches';
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
export async function* walkFiles(
  paths: string[],
  problems: PathProblem[],
  folders: readonly string[] = [],
): AsyncGenerator<WalkedFile> {
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
      yield* walkFiles(
        entries.map((n) => join(p, n)),
        problems,
        [...folders, basename(p)],
      );
    } else if (st.isFile()) {
      yield { path: p, label: pathLabel([...folders, basename(p)]), size: st.size };
    }
  }
}

export interface ReadOptions {
  /** Files and bytes read per batch; IMPORT_BATCH_BUDGETS.cli unless given. */
  budget?: BatchBudget;
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
    if (size > maxImportBytesFor(name, limits)) return { file: { name, size } };
    return { file: { name, size, bytes: new Uint8Array(await readFile(path)) } };
  } catch (err) {
    return {
      problem: { path, reason: `could not be read (${err instanceof Error ? err.message : String(err)})` },
    };
  }
}

/** Walked files read READ_CONCURRENCY at a time; a result for each, in their order. */
export async function readFiles(files: readonly WalkedFile[], limits: ImportLimits): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY)
    out.push(...(await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => readOne(f, limits)))));
  return out;
}

/** The walk in batches by the one batching rule, each weighed by the bytes that will be read (sizes as walked). */
async function* walkedBatches(
  walk: AsyncGenerator<WalkedFile>,
  budget: BatchBudget,
  limits: ImportLimits,
): AsyncGenerator<WalkedFile[]> {
  let batch: WalkedFile[] = [];
  let bytes = 0;
  for await (const f of walk) {
    const weight = bytesToRead({ name: f.label, size: f.size }, limits);
    if (!joinsBatch(batch.length, bytes, weight, budget)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += weight;
  }
  if (batch.length) yield batch;
}

/** The next batch read, a few files at a time; problems in walk order; null once the walk is over. */
async function readBatch(
  batches: AsyncGenerator<WalkedFile[]>,
  problems: PathProblem[],
  limits: ImportLimits,
): Promise<IncomingFile[] | null> {
  const next = await batches.next();
  if (next.done) return null;
  const batch: IncomingFile[] = [];
  for (const r of await readFiles(next.value, limits)) {
    if ('problem' in r) problems.push(r.problem);
    else batch.push(r.file);
  }
  return batch;
}

/**
 * Yields batches by the one batching rule (shared/domain/import-batches). Each batch is one import call, which
 * rewrites the library index once: batches of a few hundred files keep those rewrites from dominating large
 * imports (at 10,000 articles the index is ~10 MB). The next batch is read while the caller imports this one,
 * so at most two batches are in memory.
 */
export async function* readFileBatches(
  paths: string[],
  problems: PathProblem[],
  opts: ReadOptions = {},
): AsyncGenerator<IncomingFile[]> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const batches = walkedBatches(walkFiles(paths, problems), opts.budget ?? IMPORT_BATCH_BUDGETS.cli, limits);
  let ahead = readBatch(batches, problems, limits);
  try {
    for (;;) {
      const batch = await ahead;
      if (batch === null) return;
      ahead = readBatch(batches, problems, limits);
      // A caller that stops early must not leave a failed read-ahead unhandled.
      ahead.catch(() => {});
      // A batch whose every file could not be read has nothing to import.
      if (batch.length) yield batch;
    }
  } finally {
    await ahead.catch(() => null);
  }
}
