// Re-extraction: when the extractors improve, an article's text is derived again from its original file,
// which the library keeps byte for byte. Annotations are carried over by finding their quote in the new text
// (prefix and suffix break ties, the old position is the hint). When any quote cannot be found, nothing is
// changed and the caller learns which annotations were in the way: evidence is never silently dropped.
// The title loses the suffix other titles of its domain share, as at import (shared/domain/title-suffix.ts).
import type { Annotation, ArticleMeta } from '../../../shared/domain/types';
import { articleText, describeRange, findQuote } from '../../../shared/domain/article-text';
import { ServiceError } from '../../../shared/api/dispatcher';
import type { ExtractedItem } from '../import/formats/types';
import { storedTextOf, type LibraryStore } from './store';
import { extractedMeta } from './article-meta';
import { createHash } from 'node:crypto';
import { labelBase } from '../../../shared/domain/file-labels';
import { siteTitleCutter } from '../../../shared/domain/title-suffix';

export type Extract = (label: string, bytes: Uint8Array) => Promise<ExtractedItem[]>;

export interface ReextractResult {
  articleId: string;
  title: string;
  /** Whether the stored text changed at all. */
  changed: boolean;
  /** Annotations carried over to the new text. */
  reanchored: number;
}

/** The name an extractor should see: a zip entry's own path, a JSONL record without its "#n". */
export function extractionLabel(fileName: string): string {
  const inner = labelBase(fileName);
  return inner.replace(/#\d+$/, '');
}

export async function reextractArticle(
  store: LibraryStore,
  id: string,
  extract: Extract,
  now: () => Date = () => new Date(),
): Promise<ReextractResult> {
  const meta = store.articles.data.articles.find((a) => a.id === id);
  if (!meta) throw new ServiceError('not_found', `No article with id ${id}`);
  const items = await extract(extractionLabel(meta.fileName), await store.readOriginal(id));
  const found = items.flatMap((i) => ('article' in i ? [i.article] : []));
  if (found.length !== 1) {
    const why = items.find((i) => 'refusal' in i);
    throw new ServiceError(
      'refused',
      `${meta.fileName}: cannot be extracted again (${why && 'refusal' in why ? why.refusal : `${found.length} articles in the file`})`,
    );
  }
  const extracted = found[0]!;
  const title = siteTitles(store).cut(extracted.outlet.domain, extracted.title);
  const parsed = title === extracted.title ? extracted : { ...extracted, title };
  const oldStored = await store.readArticleText(id);
  const oldText = articleText(oldStored);
  const newParts = storedTextOf(parsed);
  const newText = articleText(newParts);

  const db = store.annotations.get(id);
  const current = db?.data.annotations ?? [];
  const moved: Annotation[] = [];
  const lost: Annotation[] = [];
  for (const a of current) {
    const at = findQuote(newText, a.quote, a.position.start);
    if (!at) {
      lost.push(a);
      continue;
    }
    const sel = describeRange(newText, at.start, at.end);
    moved.push({ ...a, quote: sel.quote, position: sel.position });
  }
  if (lost.length) {
    const quotes = lost
      .slice(0, 3)
      .map((a) => `"${a.quote.exact.slice(0, 60)}"`)
      .join(', ');
    throw new ServiceError(
      'conflict',
      `${meta.fileName}: ${lost.length} annotation(s) would lose their place in the new text (${quotes}); nothing was changed.`,
    );
  }
  const updated: Partial<ArticleMeta> = {
    ...extractedMeta(parsed, newParts),
    textSha256: createHash('sha256').update(newText, 'utf8').digest('hex'),
  };
  // The same text can come with better metadata (a date found, its source, captions): that is a change too.
  const sameMeta = (Object.keys(updated) as Array<keyof ArticleMeta>).every(
    (k) => JSON.stringify(meta[k]) === JSON.stringify(updated[k]),
  );
  const sameCaptions = JSON.stringify(oldStored.captions) === JSON.stringify(newParts.captions);
  if (newText === oldText && sameMeta && sameCaptions)
    return { articleId: id, title: meta.title, changed: false, reanchored: moved.length };

  // Order: the text first, then the annotations that point into it, then the index entry. Reading an article
  // re-anchors by quote whenever a position does not match its quote, so a crash between these writes
  // leaves highlights that still land on their words.
  await store.replaceArticleText(id, newParts);
  if (db && moved.length) {
    db.data.annotations = moved.map((a) => ({
      ...a,
      updatedAt:
        a.position.start === findOld(current, a.id)?.position.start ? a.updatedAt : now().toISOString(),
    }));
    await db.write();
  }
  Object.assign(meta, updated);
  await store.articles.write();
  return { articleId: id, title: parsed.title, changed: true, reanchored: moved.length };
}

function findOld(list: Annotation[], id: string): Annotation | undefined {
  return list.find((a) => a.id === id);
}

/**
 * The import's title cutter (title-suffix.ts) over the library's titles, kept per library until an import or a
 * deletion changes the number of articles: re-extracting every article costs one pass over the index, not one
 * per article. A title changed by a re-extraction stays in it as it was: it was published so, and is evidence
 * of the site's name still.
 */
const cutters = new WeakMap<
  LibraryStore,
  { list: readonly ArticleMeta[]; length: number; cutter: ReturnType<typeof siteTitleCutter> }
>();

function siteTitles(store: LibraryStore): ReturnType<typeof siteTitleCutter> {
  const list = store.articles.data.articles;
  let kept = cutters.get(store);
  if (!kept || kept.list !== list || kept.length !== list.length) {
    kept = { list, length: list.length, cutter: siteTitleCutter(list) };
    cutters.set(store, kept);
  }
  return kept.cutter;
}
