// Reading a library's index files, rolling backups of them, and restoring one.
//
// A backup is a copy of the index files only (library.json, articles.json, claims.json, annotations/):
// texts and originals never change after import, so they are not copied. Backups live in
// <lib>/backups/<id>/ with a backup.json beside the copies; they are written into a hidden folder and
// renamed into place, so a crash mid-backup leaves no half backup that looks complete. Every listed
// backup has been read, migrated in memory and checked against the schema, so only ones that would open
// are offered. Restoring moves the current index files into <lib>/damaged/<id>/ (never deleting them).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/api/dispatcher';
import { syncDir } from './durable-json-file';
import { acquireLibraryLock, type LibraryLock } from './lock';
import {
  LibraryOpenError,
  migrateIndex,
  validateIndex,
  type IndexData,
  type MigrateOptions,
  type MigrationRecord,
  type ValidIndex,
} from './migrations';

export const BACKUPS_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';
export const KEEP_BACKUPS = 10;
const BACKUP_ID = /^[0-9A-Za-z_-]+$/;
const META = 'backup.json';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One index file: its path inside the library folder ('articles.json', 'annotations/<id>.json') and bytes. */
export interface IndexFile {
  rel: string;
  bytes: Uint8Array;
}
export interface BackupMeta {
  id: string;
  createdAt: string;
  reason: string;
  hash: string;
}
export interface BackupSummary extends BackupMeta {
  schemaVersion: number;
  articles: number;
  claims: number;
  annotations: number;
}

/** Read and parse every index file of a library or backup folder. The error names the file at fault. */
export async function readIndexFolder(folder: string): Promise<{ data: IndexData; files: IndexFile[] }> {
  const files: IndexFile[] = [];
  const load = async (rel: string): Promise<unknown> => {
    const path = join(folder, rel);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new LibraryOpenError(path, 'is missing.', { kind: 'missing', relFile: rel });
      throw new LibraryOpenError(path, `cannot be read (${code ?? String(err)}); it was left untouched.`, {
        relFile: rel,
      });
    }
    files.push({ rel, bytes });
    try {
      // fatal: bytes that are not UTF-8 are damage, not text to repair with U+FFFD.
      return JSON.parse(utf8.decode(bytes)) as unknown;
    } catch (err) {
      throw new LibraryOpenError(
        path,
        `is damaged (${err instanceof Error ? err.message : String(err)}); it was left untouched.`,
        { relFile: rel },
      );
    }
  };
  const manifest = await load('library.json');
  const articles = await load('articles.json');
  const claims = await load('claims.json');
  const annotations = new Map<string, unknown>();
  const names = existsSync(join(folder, 'annotations'))
    ? (await readdir(join(folder, 'annotations'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    : [];
  // Bounded parallel batches: thousands of small files open much faster than one at a time.
  for (let i = 0; i < names.length; i += 64) {
    const batch = names.slice(i, i + 64);
    const values = await Promise.all(batch.map((n) => load(`annotations/${n}`)));
    batch.forEach((n, k) => annotations.set(n.slice(0, -'.json'.length), values[k]));
  }
  const isObject = manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest);
  return {
    data: {
      manifest: isObject ? (manifest as Record<string, unknown>) : { value: manifest },
      articles,
      claims,
      annotations,
    },
    files,
  };
}

/** Read, migrate (in memory) and check a folder's index: what open does, and what makes a backup good. */
export async function loadIndex(
  folder: string,
  at: string,
  opts: MigrateOptions = {},
): Promise<{ index: ValidIndex; files: IndexFile[]; applied: MigrationRecord[] }> {
  const { data, files } = await readIndexFolder(folder);
  const { data: migrated, applied } = migrateIndex(data, folder, at, opts);
  return { index: validateIndex(migrated, folder, opts.target), files, applied };
}

export function hashFiles(files: IndexFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)))
    h.update(f.rel).update('\0').update(f.bytes).update('\0');
  return h.digest('hex');
}

/** Sortable, filename-safe and valid as an API id: 2024-05-01T10-00-00-000Z. */
const stampId = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

async function backupIds(dir: string): Promise<string[]> {
  const root = join(dir, BACKUPS_DIR);
  if (!existsSync(root)) return [];
  const names = await readdir(root);
  return names
    .filter((n) => BACKUP_ID.test(n))
    .sort()
    .reverse();
}

async function readMeta(dir: string, id: string): Promise<Partial<BackupMeta>> {
  try {
    return JSON.parse(await readFile(join(dir, BACKUPS_DIR, id, META), 'utf8')) as Partial<BackupMeta>;
  } catch {
    return {};
  }
}

async function freshFolder(parent: string, base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const id = n ? `${base}-${n}` : base;
    if (!existsSync(join(parent, id)) && !existsSync(join(parent, `.partial-${id}`))) return id;
  }
}

/** Backups skip fsync (a torn backup fails its check and is not offered); a restore's files are synced. */
async function writeFiles(folder: string, files: IndexFile[], durable = false): Promise<void> {
  await mkdir(join(folder, 'annotations'), { recursive: true });
  const one = async (f: IndexFile) => {
    if (!durable) return writeFile(join(folder, f.rel), f.bytes);
    const fh = await open(join(folder, f.rel), 'w');
    try {
      await fh.writeFile(f.bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  };
  for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map(one));
}

/**
 * Store `files` as a new backup, unless the newest backup holds exactly the same bytes (then null).
 * Keeps the newest `keep` backups. The caller must hold the library lock.
 */
export async function createBackup(
  dir: string,
  files: IndexFile[],
  opts: { now: Date; reason: string; keep?: number; force?: boolean },
): Promise<BackupMeta | null> {
  const root = join(dir, BACKUPS_DIR);
  await mkdir(root, { recursive: true });
  const hash = hashFiles(files);
  const newest = (await backupIds(dir))[0];
  if (!opts.force && newest && (await readMeta(dir, newest)).hash === hash) return null;
  const id = await freshFolder(root, stampId(opts.now));
  const partial = join(root, `.partial-${id}`);
  const meta: BackupMeta = { id, createdAt: opts.now.toISOString(), reason: opts.reason, hash };
  await writeFiles(partial, files);
  await writeFile(join(partial, META), JSON.stringify(meta, null, 2));
  await rename(partial, join(root, id));
  await syncDir(root);
  // Prune the oldest beyond `keep`, and partial folders left by a crash (nothing else writes here: we hold the lock).
  const ids = await backupIds(dir);
  for (const old of ids.slice(opts.keep ?? KEEP_BACKUPS))
    await rm(join(root, old), { recursive: true, force: true });
  for (const n of await readdir(root))
    if (n.startsWith('.partial-') && n !== `.partial-${id}`)
      await rm(join(root, n), { recursive: true, force: true });
  return meta;
}

/** The backups that would open with this version, newest first, with what they contain. */
export async function listBackups(dir: string, opts: MigrateOptions = {}): Promise<BackupSummary[]> {
  const out: BackupSummary[] = [];
  for (const id of await backupIds(dir)) {
    try {
      const { index, applied } = await loadIndex(join(dir, BACKUPS_DIR, id), new Date().toISOString(), opts);
      const meta = await readMeta(dir, id);
      let annotations = 0;
      for (const f of index.annotations.values()) annotations += f.annotations.length;
      out.push({
        id,
        createdAt: typeof meta.createdAt === 'string' ? meta.createdAt : id,
        reason: typeof meta.reason === 'string' ? meta.reason : '',
        hash: typeof meta.hash === 'string' ? meta.hash : '',
        schemaVersion: applied[0]?.from ?? index.manifest.schemaVersion, // as stored (restoring migrates it)
        articles: index.articles.articles.length,
        claims: index.claims.claims.length,
        annotations,
      });
    } catch {
      // Damaged, incomplete or from a newer version: not offered.
    }
  }
  return out;
}

/** The index files currently in the library folder (paths relative to it). */
async function currentIndexFiles(dir: string): Promise<string[]> {
  const rels = ['library.json', 'articles.json', 'claims.json'].filter((r) => existsSync(join(dir, r)));
  const annDir = join(dir, 'annotations');
  if (existsSync(annDir))
    for (const n of await readdir(annDir))
      if (n.endsWith('.json') && !n.startsWith('.')) rels.push(`annotations/${n}`);
  return rels;
}

/**
 * Put a backup's index files back. The current index files (damaged or not) are moved, never deleted,
 * into damaged/<id>/. Order matters for a crash mid-way: library.json leaves first and comes back last,
 * and a folder with data but no library.json is refused at open (never mistaken for a new, empty library).
 * Pass `lock` when the caller holds the library lock already; otherwise it is taken (a live store in
 * this process is closed first) and released at the end.
 */
export async function restoreBackup(
  dir: string,
  backupId: string,
  opts: MigrateOptions & { lock?: LibraryLock; now?: Date } = {},
): Promise<{ damagedDir: string }> {
  if (!BACKUP_ID.test(backupId)) throw new ServiceError('refused', 'Not a backup id.');
  const source = join(dir, BACKUPS_DIR, backupId);
  if (!existsSync(source)) throw new ServiceError('not_found', `No backup ${backupId}.`);
  const own = opts.lock ? null : await acquireLibraryLock(dir);
  try {
    const now = opts.now ?? new Date();
    let files: IndexFile[];
    try {
      ({ files } = await loadIndex(source, now.toISOString(), opts));
    } catch (err) {
      throw new ServiceError(
        'refused',
        `Backup ${backupId} cannot be used: ${err instanceof LibraryOpenError ? `${err.relFile} ${err.reason}` : String(err)}`,
      );
    }
    // Stage a full copy first, so that the swap below is renames only.
    const staging = join(dir, `.restore-${stampId(now)}`);
    await rm(staging, { recursive: true, force: true });
    await writeFiles(staging, files, true);
    const damagedRoot = join(dir, DAMAGED_DIR);
    const damagedId = await freshFolder(damagedRoot, stampId(now));
    const damaged = join(damagedRoot, damagedId);
    await mkdir(join(damaged, 'annotations'), { recursive: true });
    const current = await currentIndexFiles(dir);
    const outOrder = [
      ...current.filter((r) => r === 'library.json'),
      ...current.filter((r) => r !== 'library.json'),
    ];
    for (const rel of outOrder) await rename(join(dir, rel), join(damaged, rel));
    await syncDir(damaged);
    await syncDir(join(damaged, 'annotations'));
    await mkdir(join(dir, 'annotations'), { recursive: true });
    const inOrder = [
      ...files.filter((f) => f.rel !== 'library.json'),
      ...files.filter((f) => f.rel === 'library.json'),
    ];
    for (const f of inOrder) await rename(join(staging, f.rel), join(dir, f.rel));
    await syncDir(join(dir, 'annotations'));
    await syncDir(dir);
    await rm(staging, { recursive: true, force: true });
    return { damagedDir: `${DAMAGED_DIR}/${damagedId}` };
  } finally {
    await own?.release();
  }
}
