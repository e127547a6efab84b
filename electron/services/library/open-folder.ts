// Making a library folder ready to open, under its lock: what a crash left half-written goes, a new library
// gets its three index files at once (a missing one in a folder that holds data is damage, reported, not
// replaced), and the index is read, checked and, when older, migrated after a backup of it as it was.
import { readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurable } from './durable-json-file';
import { BACKUPS_DIR, DAMAGED_DIR, createBackup, loadIndex, type IndexFile } from './backup';
import { LIBRARY_FORMAT, LibraryOpenError, type Manifest, type ValidIndex } from './migrations';
import type { OpenLibraryOptions } from './store';

export const pretty = (v: unknown) => JSON.stringify(v, null, 2);

const jsonNames = async (d: string) =>
  (await readdir(d)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));

/**
 * Temp files and staging folders left by a crash. Safe to remove only because we hold the lock: nobody
 * else is writing them.
 */
export async function removeLeftovers(dir: string): Promise<void> {
  for (const d of [dir, join(dir, 'annotations')]) {
    for (const n of await readdir(d)) {
      if (n.startsWith('.') && n.endsWith('.tmp')) await rm(join(d, n), { force: true });
      else if (d === dir && n.startsWith('.restore-')) await rm(join(d, n), { recursive: true, force: true });
    }
  }
  const backups = join(dir, BACKUPS_DIR);
  if (existsSync(backups))
    for (const n of await readdir(backups))
      if (n.startsWith('.partial-')) await rm(join(backups, n), { recursive: true, force: true });
}

/**
 * A new library gets all three top-level files at once. A missing file in a folder that holds library data
 * is damage, not a fresh start: silently starting empty would hide the user's work (and, once the rolling
 * backups had turned over, lose it).
 */
export async function createMissingFiles(dir: string, now: Date, target: number): Promise<void> {
  const has = (rel: string) => existsSync(join(dir, rel));
  const annotationFiles = (await jsonNames(join(dir, 'annotations'))).length > 0;
  const articleDirs = (await readdir(join(dir, 'articles'))).some((n) => !n.startsWith('.'));
  const missing = (rel: string, why: string) =>
    new LibraryOpenError(join(dir, rel), `is missing, but the folder ${why}; nothing was changed.`, {
      kind: 'missing',
      relFile: rel,
    });
  if (!has('library.json')) {
    if (
      has('articles.json') ||
      has('claims.json') ||
      has(BACKUPS_DIR) ||
      has(DAMAGED_DIR) ||
      annotationFiles ||
      articleDirs
    )
      throw missing('library.json', 'holds library data');
    const manifest: Manifest = {
      format: LIBRARY_FORMAT,
      schemaVersion: target,
      createdAt: now.toISOString(),
    };
    await writeFileDurable(join(dir, 'library.json'), pretty(manifest));
  }
  if (!has('articles.json')) {
    if (annotationFiles || articleDirs) throw missing('articles.json', 'holds articles');
    await writeFileDurable(join(dir, 'articles.json'), pretty({ articles: [], outlets: [] }));
  }
  if (!has('claims.json')) {
    if (annotationFiles) throw missing('claims.json', 'holds annotations');
    await writeFileDurable(join(dir, 'claims.json'), pretty({ claims: [] }));
  }
}

/** Read and check the index; migrate an older one (after a backup of it as it was) and save the result. */
export async function loadLibrary(
  dir: string,
  now: () => Date,
  opts: OpenLibraryOptions,
): Promise<{ index: ValidIndex; files: IndexFile[]; migrated: boolean }> {
  const { index, files, applied } = await loadIndex(dir, now().toISOString(), opts);
  if (!applied.length) return { index, files, migrated: false };
  await createBackup(dir, files, {
    now: now(),
    reason: `before migration to schema ${index.manifest.schemaVersion}`,
    keep: opts.keepBackups,
    force: true,
  });
  // Data files first, library.json (with the new schemaVersion) last: see the idempotence rule in migrations.ts.
  for (const [id, f] of index.annotations)
    await writeFileDurable(join(dir, 'annotations', `${id}.json`), pretty(f));
  await writeFileDurable(join(dir, 'claims.json'), pretty(index.claims));
  await writeFileDurable(join(dir, 'articles.json'), pretty(index.articles));
  await writeFileDurable(join(dir, 'library.json'), pretty(index.manifest));
  return { index, files, migrated: true };
}
