// The library folder on disk. Small lowdb JSON files hold the index, so that saving one annotation never
// rewrites article texts or the annotations of other articles:
//   library.json                  manifest: format name, schema version, migrations applied
//   articles.json                 article metadata and the outlets seen
//   claims.json                   claims
//   annotations/<articleId>.json  the annotations of one article
//   settings.json                 the library's preferences, only those changed (settings.ts); optional
//   articles/<articleId>/original.<ext>, text.json   the original bytes as imported, the extracted text
//   backups/<id>/                 rolling copies of the index files (backup.ts)
//   damaged/<id>/                 index files moved aside by a restore, never deleted
//   .lock                         held while a process has the library open (lock.ts)
// Index files are written by DurableJsonFile (temp file, fsync, rename, fsync of the folder), and a change
// is acknowledged only after a write that contains it has finished: see durable-json-file.ts for why
// lowdb's own JSONFile (steno) was not enough.
import { Low } from 'lowdb';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleTextParts } from '../../../shared/domain/article-text';
import { ServiceError } from '../../../shared/api/dispatcher';
import { DurableJsonFile, syncDir, writeFileDurable } from './durable-json-file';
import { acquireLibraryLock } from './lock';
import { createMissingFiles, loadLibrary, pretty, removeLeftovers } from './open-folder';
import { loadSettings, type SettingsFile } from './settings';
import { createBackup, type BackupMeta, type IndexFile } from './backup';
import {
  LIBRARY_FORMAT,
  LibraryOpenError,
  SCHEMA_VERSION,
  type AnnotationsFile,
  type ArticlesFile,
  type ClaimsFile,
  type Manifest,
  type MigrateOptions,
} from './migrations';

export { LIBRARY_FORMAT, LibraryOpenError, SCHEMA_VERSION };
export type { AnnotationsFile, ArticlesFile, ClaimsFile, Manifest };

/** The extracted text of one article (articles/<id>/text.json). */
export interface StoredText extends ArticleTextParts {
  pages?: number[];
  captions?: string[];
}

/** The fields of an extraction (or of a parsed text.json) that text.json keeps, the optional ones only when set. */
export function storedTextOf(t: StoredText): StoredText {
  return {
    title: t.title,
    lead: t.lead,
    paragraphs: t.paragraphs,
    ...(t.pages ? { pages: t.pages } : {}),
    ...(t.captions?.length ? { captions: t.captions } : {}),
  };
}

export interface LibraryStore {
  dir: string;
  articles: Low<ArticlesFile>;
  claims: Low<ClaimsFile>;
  /** Annotations of every article that has any, keyed by article id. */
  annotations: Map<string, Low<AnnotationsFile>>;
  annotationsFor(articleId: string): Low<AnnotationsFile>;
  /** settings.json (preferences); not part of backups, which hold the evidence. */
  settings: Low<SettingsFile>;
  /** Why settings.json was not used at open (it was moved to damaged/), if it was not. */
  settingsNotice?: string;
  writeArticleFiles(id: string, originalName: string, bytes: Uint8Array, text: StoredText): Promise<void>;
  readArticleText(id: string): Promise<StoredText>;
  /** The original file as imported, byte for byte. */
  readOriginal(id: string): Promise<Uint8Array>;
  /** Replace the extracted text of an existing article (re-extraction); atomic, the original is untouched. */
  replaceArticleText(id: string, text: StoredText): Promise<void>;
  removeArticleFiles(id: string): Promise<void>;
  /** Copy the index as it is in memory into a new rolling backup; null when the newest backup is identical. */
  backupNow(reason: string, force?: boolean): Promise<BackupMeta | null>;
  /** Finish every write already asked for, refuse further writes, release the lock. */
  close(): Promise<void>;
}

export interface OpenLibraryOptions extends MigrateOptions {
  /** At most one activity backup per interval (default 10 minutes); one more at each open. */
  backupIntervalMs?: number;
  /** How many backups to keep (default 10). */
  keepBackups?: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/** Write a whole file in place and fdatasync it (for files nothing refers to yet). */
async function writeFileSynced(path: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(path, 'w');
  try {
    await fh.writeFile(data);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}
/** Same layout as lowdb's JSONFile, so files written before and after this adapter look alike. */

function originalFileName(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  return ext ? `original.${ext}` : 'original';
}

export async function openLibraryStore(
  dir: string,
  now: () => Date = () => new Date(),
  opts: OpenLibraryOptions = {},
): Promise<LibraryStore> {
  await mkdir(join(dir, 'annotations'), { recursive: true });
  await mkdir(join(dir, 'articles'), { recursive: true });

  // A later open of this folder in this process takes the lock over; this store then stops writing.
  let stop: (reason: string) => Promise<void> = async () => {};
  const lock = await acquireLibraryLock(dir, {
    onHandOver: () => stop('The library was opened again in this app; this copy no longer saves changes.'),
  });
  let loaded: Awaited<ReturnType<typeof loadLibrary>>;
  let settingsLoaded: Awaited<ReturnType<typeof loadSettings>>;
  try {
    await removeLeftovers(dir);
    await createMissingFiles(dir, now(), opts.target ?? SCHEMA_VERSION);
    loaded = await loadLibrary(dir, now, opts);
    settingsLoaded = await loadSettings(dir, now());
  } catch (err) {
    await lock.release();
    throw err;
  }

  const adapters = new Set<DurableJsonFile<unknown>>();
  let closedReason: string | null = null;
  const open = <T>(rel: string, data: T, before?: () => Promise<void>): Low<T> => {
    const adapter = new DurableJsonFile<T>(join(dir, rel), { onWritten: () => scheduleBackup(), before });
    adapters.add(adapter as DurableJsonFile<unknown>);
    if (closedReason) void adapter.close(closedReason);
    return new Low<T>(adapter, data);
  };
  const { index } = loaded;
  const manifest = index.manifest;
  const articles = open('articles.json', index.articles);
  const claims = open('claims.json', index.claims);
  // An annotation may point at a claim created a moment ago: its write waits for claim writes under way.
  const claimsWritten = () => (claims.adapter as DurableJsonFile<ClaimsFile>).flush();
  const annotations = new Map<string, Low<AnnotationsFile>>();
  for (const [id, f] of index.annotations)
    annotations.set(id, open(`annotations/${id}.json`, f, claimsWritten));
  const settings = open<SettingsFile>('settings.json', settingsLoaded.file);

  // Rolling backups from the in-memory index: serialized in one synchronous step, so the copy is consistent
  // across files (an annotation and the claim it just created), whatever writes are still in flight.
  const snapshot = (): IndexFile[] => {
    const enc = (v: unknown) => Buffer.from(pretty(v));
    const files = [
      { rel: 'library.json', bytes: enc(manifest) },
      { rel: 'articles.json', bytes: enc(articles.data) },
      { rel: 'claims.json', bytes: enc(claims.data) },
    ];
    for (const [id, db] of annotations) files.push({ rel: `annotations/${id}.json`, bytes: enc(db.data) });
    return files;
  };
  // One backup at a time: two would prune each other's half-written folders.
  let backups: Promise<unknown> = Promise.resolve();
  const enqueue = (files: IndexFile[], reason: string, force = false): Promise<BackupMeta | null> => {
    const p = backups.then(() =>
      createBackup(dir, files, { now: now(), reason, keep: opts.keepBackups, force }),
    );
    backups = p.catch(() => {});
    return p;
  };
  const backupNow = (reason: string, force = false) => enqueue(snapshot(), reason, force);
  const warn = (err: unknown) => console.warn('[library] rolling backup failed:', err);
  // The index as it was opened (the last good state before this session's changes) is backed up when the
  // session first changes something, from the bytes read at open: a session that only reads leaves the
  // folder as it found it. An empty library, or one just migrated (backed up above), needs none.
  const empty = !index.articles.articles.length && !index.claims.claims.length && !index.annotations.size;
  let openedFiles: IndexFile[] | null = empty || loaded.migrated ? null : loaded.files;
  const interval = opts.backupIntervalMs ?? 10 * 60_000;
  let lastBackup = now().getTime();
  function scheduleBackup(): void {
    if (closedReason) return;
    if (openedFiles) {
      enqueue(openedFiles, 'open').catch(warn);
      openedFiles = null;
    }
    if (now().getTime() - lastBackup < interval) return;
    lastBackup = now().getTime();
    backupNow('activity').catch(warn);
  }
  stop = async (reason: string) => {
    closedReason ??= reason;
    await Promise.all([...adapters].map((a) => a.close(reason)));
    await backups;
  };

  const annDir = join(dir, 'annotations');
  const articleDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new ServiceError('refused', `Not a valid article id: ${id.slice(0, 40)}`);
    return join(dir, 'articles', id);
  };

  return {
    dir,
    articles,
    claims,
    annotations,
    settings,
    ...(settingsLoaded.notice ? { settingsNotice: settingsLoaded.notice } : {}),
    annotationsFor(articleId) {
      let db = annotations.get(articleId);
      if (!db) {
        if (!SAFE_ID.test(articleId)) throw new ServiceError('refused', 'Not a valid article id');
        db = open<AnnotationsFile>(`annotations/${articleId}.json`, { annotations: [] }, claimsWritten);
        annotations.set(articleId, db);
      }
      return db;
    },
    async writeArticleFiles(id, originalName, bytes, text) {
      const d = articleDir(id);
      await mkdir(d, { recursive: true });
      // Only for a new article: no index entry points at this folder until addArticles writes articles.json
      // after it (a folder left by an interrupted import is unreferenced too), so the files are written in
      // place, without temp file + rename. They are fdatasync'ed, then the folder and articles/ are synced:
      // all on disk before the index write that acknowledges the import. (A directory sync alone would not
      // do: it makes the names durable, not the contents, which ext4 allocates later.)
      await Promise.all([
        writeFileSynced(join(d, originalFileName(originalName)), bytes),
        writeFileSynced(join(d, 'text.json'), JSON.stringify(storedTextOf(text))),
      ]);
      await Promise.all([syncDir(d), syncDir(join(dir, 'articles'))]);
    },
    async readArticleText(id) {
      const raw = await readFile(join(articleDir(id), 'text.json'), 'utf8');
      return storedTextOf(JSON.parse(raw) as StoredText);
    },
    async readOriginal(id) {
      const d = articleDir(id);
      const name = (await readdir(d)).find((n) => n === 'original' || n.startsWith('original.'));
      if (!name) throw new ServiceError('not_found', `The original file of article ${id} is missing.`);
      return new Uint8Array(await readFile(join(d, name)));
    },
    async replaceArticleText(id, text) {
      await writeFileDurable(join(articleDir(id), 'text.json'), JSON.stringify(storedTextOf(text)));
    },
    async removeArticleFiles(id) {
      const d = articleDir(id);
      const db = annotations.get(id);
      annotations.delete(id);
      // Let a write still in flight finish before the file goes, so it cannot bring the file back.
      if (db) await (db.adapter as DurableJsonFile<AnnotationsFile>).close('The article was deleted.');
      await rm(d, { recursive: true, force: true });
      await rm(join(annDir, `${id}.json`), { force: true });
    },
    backupNow,
    close: async () => {
      await stop('The library was closed; reopen it to make changes.');
      await lock.release();
    },
  };
}
