// After a restore: list again the articles imported after the restored backup was taken.
//
// A backup holds the index files only, and a restore puts them back without touching articles/: the folders
// of articles imported since the backup are still there, but the restored articles.json does not list them,
// so they would be invisible. They are listed again here, once the restored library is open (the caller
// holds it; nobody else writes).
//
// Which folders: only those the index the restore moved aside (damaged/<id>/articles.json) listed. An
// import is acknowledged by the index write, so a folder that no index ever listed is what an interrupted
// import left behind: a cancelled import stays cancelled, at a normal open and at a restore alike. When
// the moved-aside articles.json cannot be read (it may be the very file whose damage called for the
// restore), nothing is listed again: without it such an orphan cannot be told from an article. The folders
// stay on disk as they are (nothing is deleted), and the count is logged.
//
// Where the metadata comes from: the moved-aside entry itself, checked against the folder, rather than a
// fresh run of the kept original through the importer. Reasons:
//   - nothing in the folder is written again. The importer's writeArticleFiles rewrites original.<ext> and
//     text.json in place (safe for a new folder that nothing refers to, not for a kept original a crash
//     could then leave torn), and today's extractors may derive a different text from the same original
//     than the ones that imported it: the annotations of the article count their offsets in the text.json
//     that is there, so that one must stay;
//   - the entry is the one the user had: the file name (a zip entry's path, a JSONL record's number: the
//     stored original cannot tell them), the import time, the near-duplicate group. The importer would also
//     refuse a file that a since-lowered size cap no longer admits, and skip one whose text the backup holds
//     as another article (a deleted article brought back by the restore).
// Each entry is checked before use: its shape, id = the first 16 hex digits of its sha256, the sha256 of the
// original on disk, a stored text that reads; textSha256 is taken from that text (it is what counts).
//
// Annotations on those articles come back from the moved-aside annotations/<id>.json when they are whole,
// their claim is in the restored claims.json (a claim created after the backup is not: its annotations
// stay in damaged/, counted in `annotationsLeftAside`, nothing is made up) and their quote is in the text.
// Annotations made after the backup on articles the backup holds stay in damaged/, as with any restore.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DATE_SOURCES, STANCES, type Annotation, type ArticleMeta } from '../../../shared/domain/types';
import { articleText, findQuote, sliceCodePoints } from '../../../shared/domain/article-text';
import type { SearchDoc } from '../search';
import { SCHEMA_VERSION } from './migrations';
import type { LibraryStore, StoredText } from './store';

export interface ReaddResult {
  /** The entries now listed again, in the order the moved-aside index had them. */
  readded: ArticleMeta[];
  /** What the search index needs of them. */
  docs: SearchDoc[];
  /** Annotations of those articles that stay only in damaged/; an annotations file that cannot be read counts as one. */
  annotationsLeftAside: number;
  /** Article folders that no index lists, left as they are. */
  unlisted: number;
}

const HEX64 = /^[0-9a-f]{64}$/;
const nullableString = z.string().nullable();
const metaSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    fileName: z.string().min(1),
    sha256: z.string().regex(HEX64),
    textSha256: z.string().regex(HEX64).optional(),
    importedAt: z.string(),
    title: z.string(),
    outlet: z.object({ name: z.string(), domain: nullableString }).loose(),
    url: nullableString,
    published: nullableString,
    publishedFrom: z.enum(DATE_SOURCES).optional(),
    modified: nullableString,
    language: nullableString,
    author: nullableString,
    lead: z.string(),
    wordCount: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    nearDuplicateGroup: z.string().optional(),
  })
  .loose(); // a field this schema does not name is kept as the index had it
const textSchema = z.object({ title: z.string(), lead: z.string(), paragraphs: z.array(z.string()) }).loose();
const annotationSchema = z
  .object({
    id: z.string().min(1),
    articleId: z.string(),
    claimId: z.string(),
    quote: z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1),
      prefix: z.string(),
      suffix: z.string(),
    }),
    position: z.object({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
    }),
    stance: z.enum(STANCES),
    speaker: z.string(),
    tags: z.array(z.string()),
    note: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .loose();

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The moved-aside entries, or null when its articles.json is missing or cannot be read, or its library.json
 * says another schema (entries of another shape; a library.json that cannot be read says nothing, and each
 * entry is checked anyway).
 */
async function movedAsideEntries(movedAside: string): Promise<unknown[] | null> {
  const manifest = (await readJson(join(movedAside, 'library.json'))) as
    { schemaVersion?: unknown } | undefined;
  if (typeof manifest?.schemaVersion === 'number' && manifest.schemaVersion !== SCHEMA_VERSION) return null;
  const file = (await readJson(join(movedAside, 'articles.json'))) as { articles?: unknown } | undefined;
  return file && Array.isArray(file.articles) ? file.articles : null;
}

/** The entry, if the folder holds exactly what it describes; its text for the search index and the annotations. */
async function checked(
  store: LibraryStore,
  raw: unknown,
): Promise<{ meta: ArticleMeta; text: StoredText } | null> {
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) return null;
  const meta = parsed.data as ArticleMeta;
  if (meta.id !== meta.sha256.slice(0, 16)) return null;
  try {
    if (sha256(await store.readOriginal(meta.id)) !== meta.sha256) return null;
    const text = await store.readArticleText(meta.id);
    if (!textSchema.safeParse(text).success) return null;
    return { meta: { ...meta, textSha256: sha256(articleText(text)) }, text };
  } catch {
    return null;
  }
}

/** Bring back the annotations of one re-added article that are whole, cite an existing claim and land in its text; returns how many stay aside. */
async function readdAnnotations(
  store: LibraryStore,
  movedAside: string,
  id: string,
  text: StoredText,
  claimIds: ReadonlySet<string>,
  annotationIds: Set<string>,
): Promise<number> {
  const path = join(movedAside, 'annotations', `${id}.json`);
  if (!existsSync(path)) return 0;
  const file = (await readJson(path)) as { annotations?: unknown } | undefined;
  if (!file || !Array.isArray(file.annotations)) return 1;
  const full = articleText(text);
  const kept: Annotation[] = [];
  for (const raw of file.annotations) {
    const r = annotationSchema.safeParse(raw);
    const a = r.success ? (r.data as Annotation) : null;
    if (
      !a ||
      a.articleId !== id ||
      !claimIds.has(a.claimId) ||
      annotationIds.has(a.id) ||
      a.position.end <= a.position.start
    )
      continue;
    // The text is the one the annotation was made on; a position that does not land on its quote is found again by quote.
    const at =
      sliceCodePoints(full, a.position.start, a.position.end) === a.quote.exact
        ? a.position
        : findQuote(full, a.quote, a.position.start);
    if (!at) continue;
    annotationIds.add(a.id);
    kept.push({ ...a, position: { type: 'TextPositionSelector', start: at.start, end: at.end } });
  }
  if (!kept.length) return file.annotations.length;
  const db = store.annotationsFor(id);
  db.data.annotations.push(...kept);
  try {
    await db.write();
  } catch (err) {
    // Not on disk: out of memory too (the moved-aside file still has them).
    const mine = new Set(kept);
    db.data.annotations = db.data.annotations.filter((a) => !mine.has(a));
    console.warn(`[library] the annotations of article ${id} could not be listed again:`, err);
    return file.annotations.length;
  }
  return file.annotations.length - kept.length;
}

/**
 * List again the articles that `movedAside` (the folder restoreBackup moved the previous index into) listed
 * and the open, restored `store` does not. One articles.json write, then one write per annotations file:
 * an annotation never points at an article the index does not list.
 */
export async function readdArticles(store: LibraryStore, movedAside: string): Promise<ReaddResult> {
  const data = store.articles.data;
  const listed = new Set(data.articles.map((a) => a.id));
  const folders = (await readdir(join(store.dir, 'articles'))).filter((n) => !n.startsWith('.'));
  const unlistedFolders = new Set(folders.filter((n) => !listed.has(n)));
  const entries = unlistedFolders.size ? await movedAsideEntries(movedAside) : [];
  if (entries === null)
    console.warn(
      `[library] ${unlistedFolders.size} article folder(s) are not in the restored index, and the index moved aside cannot be read: they were left as they are.`,
    );
  const wanted = new Map<string, unknown>();
  for (const e of entries ?? []) {
    const id = (e as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && unlistedFolders.has(id) && !wanted.has(id)) wanted.set(id, e);
  }
  const found: Array<{ meta: ArticleMeta; text: StoredText }> = [];
  const all = [...wanted.values()];
  for (let i = 0; i < all.length; i += 32) {
    for (const r of await Promise.all(all.slice(i, i + 32).map((e) => checked(store, e))))
      if (r) found.push(r);
  }
  const unlisted = unlistedFolders.size - found.length;
  if (!found.length) return { readded: [], docs: [], annotationsLeftAside: 0, unlisted };

  // A restored article that was grouped with a re-added one after the backup gets that group back.
  const groups = new Set(
    found.flatMap(({ meta }) => (meta.nearDuplicateGroup ? [meta.nearDuplicateGroup] : [])),
  );
  const asideGroup = new Map<string, string>();
  for (const e of entries ?? []) {
    const { id, nearDuplicateGroup: g } = (e ?? {}) as { id?: unknown; nearDuplicateGroup?: unknown };
    if (typeof id === 'string' && typeof g === 'string' && groups.has(g)) asideGroup.set(id, g);
  }
  const regrouped = data.articles.filter((a) => !a.nearDuplicateGroup && asideGroup.has(a.id));
  const outletCount = data.outlets.length;
  const added = found.map(({ meta }) => meta);
  data.articles.push(...added);
  for (const a of regrouped) a.nearDuplicateGroup = asideGroup.get(a.id);
  for (const { outlet } of added)
    if (!data.outlets.some((o) => o.name === outlet.name && o.domain === outlet.domain))
      data.outlets.push(outlet);
  try {
    await store.articles.write();
  } catch (err) {
    // The index as it was: the folders stay unlisted, the moved-aside index still has them.
    const mine = new Set(added);
    data.articles = data.articles.filter((a) => !mine.has(a));
    data.outlets.length = outletCount;
    for (const a of regrouped) delete a.nearDuplicateGroup;
    throw err;
  }

  const claimIds = new Set(store.claims.data.claims.map((c) => c.id));
  const annotationIds = new Set<string>();
  for (const db of store.annotations.values()) for (const a of db.data.annotations) annotationIds.add(a.id);
  let annotationsLeftAside = 0;
  for (const { meta, text } of found)
    annotationsLeftAside += await readdAnnotations(store, movedAside, meta.id, text, claimIds, annotationIds);
  const docs = found.map(({ meta, text }) => ({
    id: meta.id,
    title: meta.title,
    lead: meta.lead,
    paragraphs: text.paragraphs,
    outlet: meta.outlet.name,
  }));
  return { readded: added, docs, annotationsLeftAside, unlisted };
}
