// The library folder on disk. Small lowdb JSON files hold the index, so that saving one annotation never
// rewrites article texts or the annotations of other articles:
//   library.json                  manifest: format name and schema version
//   articles.json                 article metadata and the outlets seen
//   claims.json                   claims
//   annotations/<articleId>.json  the annotations of one article
//   articles/<articleId>/original.<ext>, text.json   the original bytes as imported, the extracted text
// lowdb's JSONFile writes through steno (temp file + rename) and coalesces concurrent writes; a change is
// acknowledged only after its write has finished.
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Annotation, ArticleMeta, Claim, Outlet } from '../../../shared/types';
import type { ArticleTextParts } from '../../../shared/article-text';
import { ServiceError } from '../../../shared/dispatcher';
import { writeFileAtomic } from '../fs-atomic';

export const LIBRARY_FORMAT = 'analyst-workbench-library';
export const SCHEMA_VERSION = 1;

export interface Manifest {
  format: typeof LIBRARY_FORMAT;
  schemaVersion: number;
  createdAt: string;
}
export interface ArticlesFile {
  articles: ArticleMeta[];
  outlets: Outlet[];
}
export interface ClaimsFile {
  claims: Claim[];
}
/** The extracted text of one article (articles/<id>/text.json). */
export interface StoredText extends ArticleTextParts {
  pages?: number[];
}

export interface AnnotationsFile {
  annotations: Annotation[];
}

const manifestSchema = z.object({ format: z.literal(LIBRARY_FORMAT), schemaVersion: z.number().int() });
const articlesSchema = z.object({ articles: z.array(z.object({ id: z.string(), sha256: z.string(), title: z.string() }).loose()), outlets: z.array(z.unknown()) });
const claimsSchema = z.object({ claims: z.array(z.object({ id: z.string(), text: z.string() }).loose()) });
const annotationsSchema = z.object({ annotations: z.array(z.object({ id: z.string(), articleId: z.string(), claimId: z.string() }).loose()) });

export class LibraryOpenError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Cannot open the library: ${file} ${reason}`);
    this.name = 'LibraryOpenError';
  }
}

async function openJson<T>(path: string, defaults: T, schema: z.ZodType): Promise<Low<T>> {
  const db = new Low<T>(new JSONFile<T>(path), defaults);
  try {
    await db.read();
  } catch (err) {
    // Never write over a file we could not read: the user's work may still be recoverable from it.
    throw new LibraryOpenError(path, `is damaged (${err instanceof Error ? err.message : String(err)}); it was left untouched.`);
  }
  const check = schema.safeParse(db.data);
  if (!check.success) throw new LibraryOpenError(path, 'does not have the expected structure; it was left untouched.');
  return db;
}

export interface LibraryStore {
  dir: string;
  articles: Low<ArticlesFile>;
  claims: Low<ClaimsFile>;
  /** Annotations of every article that has any, keyed by article id. */
  annotations: Map<string, Low<AnnotationsFile>>;
  annotationsFor(articleId: string): Low<AnnotationsFile>;
  writeArticleFiles(id: string, originalName: string, bytes: Uint8Array, text: StoredText): Promise<void>;
  readArticleText(id: string): Promise<StoredText>;
  removeArticleFiles(id: string): Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

function originalFileName(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  return ext ? `original.${ext}` : 'original';
}

export async function openLibraryStore(dir: string, now: () => Date = () => new Date()): Promise<LibraryStore> {
  await mkdir(join(dir, 'annotations'), { recursive: true });
  await mkdir(join(dir, 'articles'), { recursive: true });

  const manifestPath = join(dir, 'library.json');
  if (!existsSync(manifestPath)) {
    const manifest: Manifest = { format: LIBRARY_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: now().toISOString() };
    await writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2));
  } else {
    const m = await openJson<Manifest>(manifestPath, {} as Manifest, manifestSchema);
    if (m.data.schemaVersion > SCHEMA_VERSION) {
      throw new LibraryOpenError(manifestPath, `was written by a newer version (schema ${m.data.schemaVersion}); this version reads up to ${SCHEMA_VERSION}.`);
    }
  }

  const articles = await openJson<ArticlesFile>(join(dir, 'articles.json'), { articles: [], outlets: [] }, articlesSchema);
  const claims = await openJson<ClaimsFile>(join(dir, 'claims.json'), { claims: [] }, claimsSchema);

  const annotations = new Map<string, Low<AnnotationsFile>>();
  const annDir = join(dir, 'annotations');
  const names = (await readdir(annDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  // Read in bounded parallel batches: thousands of small files open much faster than one at a time.
  for (let i = 0; i < names.length; i += 64) {
    await Promise.all(
      names.slice(i, i + 64).map(async (n) => {
        const id = n.slice(0, -'.json'.length);
        annotations.set(id, await openJson<AnnotationsFile>(join(annDir, n), { annotations: [] }, annotationsSchema));
      }),
    );
  }

  const articleDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new ServiceError('refused', `Not a valid article id: ${id.slice(0, 40)}`);
    return join(dir, 'articles', id);
  };

  return {
    dir,
    articles,
    claims,
    annotations,
    annotationsFor(articleId) {
      let db = annotations.get(articleId);
      if (!db) {
        if (!SAFE_ID.test(articleId)) throw new ServiceError('refused', 'Not a valid article id');
        db = new Low<AnnotationsFile>(new JSONFile<AnnotationsFile>(join(annDir, `${articleId}.json`)), { annotations: [] });
        annotations.set(articleId, db);
      }
      return db;
    },
    async writeArticleFiles(id, originalName, bytes, text) {
      const d = articleDir(id);
      await mkdir(d, { recursive: true });
      await writeFileAtomic(join(d, originalFileName(originalName)), bytes);
      await writeFileAtomic(join(d, 'text.json'), JSON.stringify({ title: text.title, lead: text.lead, paragraphs: text.paragraphs, ...(text.pages ? { pages: text.pages } : {}) }));
    },
    async readArticleText(id) {
      const raw = await readFile(join(articleDir(id), 'text.json'), 'utf8');
      const parsed = JSON.parse(raw) as StoredText;
      return { title: parsed.title, lead: parsed.lead, paragraphs: parsed.paragraphs, ...(parsed.pages ? { pages: parsed.pages } : {}) };
    },
    async removeArticleFiles(id) {
      await rm(articleDir(id), { recursive: true, force: true });
      const f = join(annDir, `${id}.json`);
      if (existsSync(f)) await rm(f, { force: true });
      annotations.delete(id);
    },
  };
}

export async function isLibraryDir(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, 'library.json'))).isFile();
  } catch {
    return false;
  }
}
