// The article metadata that comes from extraction (as opposed to the import's own facts: id, file name,
// hashes, import time). Import and re-extraction fill it the same way.
import type { ArticleMeta, ParsedArticle } from '../../../shared/domain/types';
import { countWords, type ArticleTextParts } from '../../../shared/domain/article-text';

export type ExtractedMeta = Pick<
  ArticleMeta,
  | 'title'
  | 'outlet'
  | 'url'
  | 'published'
  | 'publishedFrom'
  | 'modified'
  | 'language'
  | 'author'
  | 'lead'
  | 'wordCount'
>;

export function extractedMeta(parsed: ParsedArticle, text: ArticleTextParts): ExtractedMeta {
  return {
    title: parsed.title,
    outlet: parsed.outlet,
    url: parsed.url,
    published: parsed.published,
    // Set even when undefined, so that a re-extraction that no longer knows the source clears the old one.
    publishedFrom: parsed.published ? parsed.publishedFrom : undefined,
    modified: parsed.modified,
    language: parsed.language,
    author: parsed.author,
    lead: parsed.lead,
    wordCount: countWords(text),
  };
}
