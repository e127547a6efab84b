// The two extractors the eval compares on one page: ours (the importer's extractFile, as an import runs it) and
// plain Mozilla Readability on the same decoded source, on linkedom or (--jsdom) jsdom.
import { Readability } from '@mozilla/readability';
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { decodeHtmlBytes } from '../../electron/services/import/formats/html-decode';
import { parseMhtml } from '../../electron/services/import/formats/mhtml';
import { extractFile } from '../../electron/services/import/formats/registry';
import { htmlToText, type EvalCase } from './cases';
import type { TokenScores } from './metric';

/** What an extractor said about one page; null fields are "not found". */
export interface Extraction {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  published: string | null;
  body: string;
  /** Ours only: the body's paragraphs as extracted (captions apart), for the prose check (prose-kept.ts). */
  paragraphs?: string[];
  /** Why nothing was extracted (a refusal or an exception). */
  error?: string;
  ms: number;
}

export type FieldName = 'title' | 'titleOrSite' | 'byline' | 'published' | 'siteName' | 'lang';

export type Scored = Extraction & {
  scores: TokenScores | null;
  agree: Partial<Record<FieldName, boolean>>;
  extra: FieldName[];
};

export interface CaseResult {
  name: string;
  ours: Scored;
  readability: Scored;
  /** Readability's article HTML read with block boundaries kept (cases.ts' htmlToText), not its textContent. */
  readabilityBlocks: { scores: TokenScores | null };
}

function sourceHtml(c: EvalCase, bytes: Uint8Array): string {
  return /\.mht(ml)?$/i.test(c.sourcePath) ? parseMhtml(bytes).html : decodeHtmlBytes(bytes).text;
}

/** An extractor's answer when it found nothing, and why. */
function nothingFound(error: string, ms: number): Extraction {
  return { title: null, byline: null, siteName: null, lang: null, published: null, body: '', error, ms };
}

export async function runOurs(c: EvalCase, bytes: Uint8Array): Promise<Extraction> {
  const t0 = performance.now();
  const [item] = await extractFile(basename(c.sourcePath), bytes);
  const ms = performance.now() - t0;
  if (!item || 'refusal' in item) return nothingFound(item?.refusal ?? 'nothing', ms);
  const a = item.article;
  return {
    title: a.title,
    byline: a.author,
    siteName: a.outlet.domain === null && a.outlet.name === 'Unknown' ? null : a.outlet.name,
    lang: a.language,
    published: a.published,
    // Photo captions leave the body for their own field (html-boilerplate.ts), but the reference texts (what
    // Readability keeps) hold them: they are scored with the body, as text the article still has.
    body: [...a.paragraphs, ...(a.captions ?? [])].join('\n\n'),
    paragraphs: a.paragraphs,
    ms,
  };
}

/** Builds the DOM the baseline reads: linkedom (what the importer uses) or, with --jsdom, jsdom (a devDependency). */
export type MakeDocument = (html: string) => Document;

export async function documentMaker(useJsdom: boolean): Promise<MakeDocument> {
  if (!useJsdom) return (html) => parseHTML(html).document;
  // jsdom ships no type declarations (and @types/jsdom is not installed): the little used here is typed by hand.
  const jsdomModule = 'jsdom';
  const { JSDOM, VirtualConsole } = (await import(jsdomModule)) as {
    JSDOM: new (html: string, options: object) => { window: { document: Document } };
    VirtualConsole: new () => object;
  };
  // No runScripts and no resources option: jsdom then runs no script and loads nothing.
  return (html) =>
    new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() }).window
      .document;
}

export function runReadability(
  c: EvalCase,
  bytes: Uint8Array,
  makeDocument: MakeDocument,
): Extraction & { blocks: string } {
  const t0 = performance.now();
  try {
    const r = new Readability(makeDocument(sourceHtml(c, bytes))).parse();
    const ms = performance.now() - t0;
    if (!r) return { ...nothingFound('null result', ms), blocks: '' };
    return {
      title: r.title ?? null,
      byline: r.byline ?? null,
      siteName: r.siteName ?? null,
      lang: r.lang ?? null,
      published: r.publishedTime ?? null,
      body: r.textContent ?? '',
      blocks: r.content ? htmlToText(r.content) : '',
      ms,
    };
  } catch (err) {
    return { ...nothingFound(String(err), performance.now() - t0), blocks: '' };
  }
}
