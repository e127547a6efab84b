// Reads files and folders named on the command line or picked in a native dialog into IncomingFile
// batches. Folders are walked recursively; hidden files and links are passed over; files over the cap are
// reported by size without being read, so one huge file cannot exhaust memory.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IncomingFile } from '../importer';
import { MAX_TEXT_FILE_BYTES } from './index';

export interface PathProblem {
  path: string;
  reason: string;
}

export async function* walkFiles(paths: string[], problems: PathProblem[]): AsyncGenerator<string> {
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
      yield* walkFiles(entries.map((n) => join(p, n)), problems);
    } else if (st.isFile()) {
      yield p;
    }
  }
}

/** Yields batches of at most `batchSize` files, read into memory one batch at a time. */
export async function* readFileBatches(paths: string[], problems: PathProblem[], batchSize = 100): AsyncGenerator<IncomingFile[]> {
  let batch: IncomingFile[] = [];
  for await (const path of walkFiles(paths, problems)) {
    const name = basename(path);
    const { size } = await lstat(path);
    if (size > MAX_TEXT_FILE_BYTES) batch.push({ name, size });
    else {
      try {
        batch.push({ name, size, bytes: new Uint8Array(await readFile(path)) });
      } catch (err) {
        problems.push({ path, reason: `could not be read (${err instanceof Error ? err.message : String(err)})` });
      }
    }
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
