// `npm run eval:import [-- <dir>] [--jsdom] [--verbose]`: scores the HTML importer against a folder of test pages
// (by default Mozilla Readability's, in ../shared/corpora/readability-test-pages) and, as the baseline in the same
// run, plain Mozilla Readability on the same DOM implementation (linkedom; jsdom with --jsdom) and the same
// decoded source. Prints a table and writes the figures to eval-import.json in the project root. See metric.ts
// for the body metric, cases.ts for the folder layout. A missing folder is reported as skipped (exit 0).
import { Readability } from '@mozilla/readability';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { decodeHtmlBytes } from '../../electron/services/import/formats/html-decode';
import { parseMhtml } from '../../electron/services/import/formats/mhtml';
import { extractFile } from '../../electron/services/import/formats/registry';
import { htmlToText, loadCases, type EvalCase } from './cases';
import { evalHtmldate, printHtmldate, type HtmldateResult } from './htmldate';
import {
  printTargets,
  readPreviousRelease,
  releaseRecord,
  targetRows,
  type CurrentFigures,
  type PreviousRelease,
} from './import-targets';
import { lostProse, proseFingerprints } from './prose-kept';
import { differsBySiteName, normalizeSpace, sameDate, scoreText, type TokenScores } from './metric';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DEFAULT_DIR = resolve(root, '../shared/corpora/readability-test-pages');
const HTMLDATE_DIR = resolve(root, '../shared/corpora/htmldate');

/** What an extractor said about one page; null fields are "not found". */
interface Extraction {
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

type FieldName = 'title' | 'titleOrSite' | 'byline' | 'published' | 'siteName' | 'lang';

type Scored = Extraction & {
  scores: TokenScores | null;
  agree: Partial<Record<FieldName, boolean>>;
  extra: FieldName[];
};

interface CaseResult {
  name: string;
  ours: Scored;
  readability: Scored;
  /** Readability's article HTML read with block boundaries kept (cases.ts' htmlToText), not its textContent. */
  readabilityBlocks: { scores: TokenScores | null };
}

function sourceHtml(c: EvalCase, bytes: Uint8Array): string {
  return /\.mht(ml)?$/i.test(c.sourcePath) ? parseMhtml(bytes).html : decodeHtmlBytes(bytes).text;
}

async function runOurs(c: EvalCase, bytes: Uint8Array): Promise<Extraction> {
  const t0 = performance.now();
  const [item] = await extractFile(basename(c.sourcePath), bytes);
  const ms = performance.now() - t0;
  if (!item || 'refusal' in item)
    return {
      title: null,
      byline: null,
      siteName: null,
      lang: null,
      published: null,
      body: '',
      error: item?.refusal ?? 'nothing',
      ms,
    };
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
type MakeDocument = (html: string) => Document;

async function documentMaker(useJsdom: boolean): Promise<MakeDocument> {
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

function runReadability(
  c: EvalCase,
  bytes: Uint8Array,
  makeDocument: MakeDocument,
): Extraction & { blocks: string } {
  const t0 = performance.now();
  try {
    const r = new Readability(makeDocument(sourceHtml(c, bytes))).parse();
    const ms = performance.now() - t0;
    if (!r)
      return {
        title: null,
        byline: null,
        siteName: null,
        lang: null,
        published: null,
        body: '',
        blocks: '',
        error: 'null result',
        ms,
      };
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
    return {
      title: null,
      byline: null,
      siteName: null,
      lang: null,
      published: null,
      body: '',
      blocks: '',
      error: String(err),
      ms: performance.now() - t0,
    };
  }
}

const lower = (s: string | null | undefined) => normalizeSpace(s).toLowerCase();
/**
 * Bylines agree ignoring case and a leading label ("By", "Written by", "Par"): ours drops it, Readability keeps it
 * when it reads the byline from the page.
 */
const bylineKey = (s: string | null | undefined) =>
  lower(s).replace(/^(?:by|written by|posted by|von|par|di|por):?\s+/, '');
const langKey = (s: string | null | undefined) => lower(s).split(/[-_]/)[0] ?? '';

/**
 * Agreement of each field with expected-metadata.json. The title counts on every case that gives the key. The
 * other fields count only where the case names a value: finding a byline or a date that the reference lacks
 * is not an error (those finds are counted apart, as "extra").
 */
function agreement(x: Extraction, c: EvalCase): Partial<Record<FieldName, boolean>> {
  const e = c.expected;
  const out: Partial<Record<FieldName, boolean>> = {};
  if (e.title !== undefined) {
    out.title = normalizeSpace(x.title) === normalizeSpace(e.title);
    out.titleOrSite = out.title || differsBySiteName(x.title, e.title);
  }
  if (e.byline) out.byline = bylineKey(x.byline) === bylineKey(e.byline);
  if (e.publishedTime) out.published = sameDate(x.published, e.publishedTime);
  if (e.siteName) out.siteName = lower(x.siteName) === lower(e.siteName);
  if (e.lang) out.lang = langKey(x.lang) === langKey(e.lang);
  return out;
}

/** Fields found where the case says there is none (an explicit null). */
function extras(x: Extraction, c: EvalCase): FieldName[] {
  const e = c.expected;
  const out: FieldName[] = [];
  if (e.byline === null && x.byline) out.push('byline');
  if (e.publishedTime === null && x.published) out.push('published');
  if (e.siteName === null && x.siteName) out.push('siteName');
  if (e.lang === null && x.lang) out.push('lang');
  return out;
}

interface Summary {
  cases: number;
  failures: number;
  /** Per field: cases where a value was found although the reference has none. */
  extra: Partial<Record<FieldName, number>>;
  title: Rate;
  titleOrSite: Rate;
  byline: Rate;
  published: Rate;
  siteName: Rate;
  lang: Rate;
  body: { scored: number; precision: number; recall: number; f1: number; microF1: number; below90: number };
  ms: number;
}
interface Rate {
  n: number;
  rate: number | null;
}

function rate(results: Array<Partial<Record<FieldName, boolean>>>, field: FieldName): Rate {
  const vals = results.map((r) => r[field]).filter((v): v is boolean => v !== undefined);
  return { n: vals.length, rate: vals.length ? vals.filter(Boolean).length / vals.length : null };
}

function bodySummary(all: Array<TokenScores | null>): Summary['body'] {
  const s = all.filter((x): x is TokenScores => x !== null);
  const mean = (f: (x: TokenScores) => number) => (s.length ? s.reduce((a, x) => a + f(x), 0) / s.length : 0);
  const overlap = s.reduce((a, x) => a + x.overlap, 0);
  const cand = s.reduce((a, x) => a + x.candidateTokens, 0);
  const ref = s.reduce((a, x) => a + x.referenceTokens, 0);
  const mp = cand ? overlap / cand : 0;
  const mr = ref ? overlap / ref : 0;
  return {
    scored: s.length,
    precision: mean((x) => x.precision),
    recall: mean((x) => x.recall),
    f1: mean((x) => x.f1),
    microF1: mp + mr ? (2 * mp * mr) / (mp + mr) : 0,
    below90: s.filter((x) => x.f1 < 0.9).length,
  };
}

function summarize(rows: Scored[]): Summary {
  const agrees = rows.map((r) => r.agree);
  const extra: Partial<Record<FieldName, number>> = {};
  for (const f of rows.flatMap((r) => r.extra)) extra[f] = (extra[f] ?? 0) + 1;
  return {
    cases: rows.length,
    failures: rows.filter((r) => r.error).length,
    extra,
    title: rate(agrees, 'title'),
    titleOrSite: rate(agrees, 'titleOrSite'),
    byline: rate(agrees, 'byline'),
    published: rate(agrees, 'published'),
    siteName: rate(agrees, 'siteName'),
    lang: rate(agrees, 'lang'),
    body: bodySummary(rows.map((r) => r.scores)),
    ms: rows.reduce((a, r) => a + r.ms, 0),
  };
}

const extraCounts = (s: Summary) =>
  (['byline', 'published', 'siteName', 'lang'] as const).map((f) => s.extra[f] ?? 0).join(' / ');
const pct = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)} % (n=${r.n})`);
const num = (x: number) => x.toFixed(4);

function printTable(ours: Summary, base: Summary, blocksF1: Summary['body'], baseName: string): void {
  const rows: Array<[string, string, string]> = [
    ['pages', String(ours.cases), String(base.cases)],
    ['no result (refused / null)', String(ours.failures), String(base.failures)],
    ['title exact (whitespace-normalised)', pct(ours.title), pct(base.title)],
    ['title exact or only a site name removed', pct(ours.titleOrSite), pct(base.titleOrSite)],
    ['byline agrees (where expected)', pct(ours.byline), pct(base.byline)],
    ['published date agrees (where expected)', pct(ours.published), pct(base.published)],
    ['site name agrees (where expected)', pct(ours.siteName), pct(base.siteName)],
    ['language agrees (where expected)', pct(ours.lang), pct(base.lang)],
    ['extra: byline / date / site / lang found', extraCounts(ours), extraCounts(base)],
    [`body precision (mean of ${ours.body.scored})`, num(ours.body.precision), num(base.body.precision)],
    ['body recall (mean)', num(ours.body.recall), num(base.body.recall)],
    ['body F1 (mean)', num(ours.body.f1), num(base.body.f1)],
    ['body F1 (pooled tokens)', num(ours.body.microF1), num(base.body.microF1)],
    ['pages with body F1 < 0.90', String(ours.body.below90), String(base.body.below90)],
    ['time, total ms', ours.ms.toFixed(0), base.ms.toFixed(0)],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 4);
  const w2 = Math.max(...rows.map((r) => r[2].length), baseName.length);
  const line = (a: string, b: string, c: string) =>
    `| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c.padStart(w2)} |`;
  console.log(line('metric', 'ours', baseName));
  console.log(`|${'-'.repeat(w0 + 2)}|${'-'.repeat(w1 + 1)}:|${'-'.repeat(w2 + 1)}:|`);
  for (const r of rows) console.log(line(...r));
  console.log(
    `\nReadability's content read block-aware (not its textContent): body F1 ${num(blocksF1.f1)} (P ${num(blocksF1.precision)}, R ${num(blocksF1.recall)})`,
  );
}

/** The publication dates of the htmldate corpus (htmldate.ts), printed; null when the corpus is absent. */
async function htmldatePart(verbose: boolean): Promise<HtmldateResult | null> {
  const r = await evalHtmldate(HTMLDATE_DIR);
  if (r) printHtmldate(r, verbose);
  else console.log(`\nPublication dates (htmldate corpus): skipped, no corpus at ${HTMLDATE_DIR}`);
  return r;
}

/** The readability-test-pages part: table, lists, eval-import.json; null when the folder is absent. */
async function readabilityPart(
  dir: string,
  verbose: boolean,
  previous: PreviousRelease,
): Promise<CurrentFigures['readability']> {
  if (!existsSync(dir)) {
    console.log(`eval:import: skipped, no test pages at ${dir}`);
    return null;
  }
  const cases = loadCases(dir);
  if (cases.length === 0) {
    console.log(`eval:import: skipped, no case folders (with source.html) in ${dir}`);
    return null;
  }
  const useJsdom = process.argv.includes('--jsdom');
  const makeDocument = await documentMaker(useJsdom);
  const results: CaseResult[] = [];
  for (const c of cases) {
    const bytes = new Uint8Array(readFileSync(c.sourcePath));
    const ours = await runOurs(c, bytes);
    const { blocks, ...base } = runReadability(c, bytes, makeDocument);
    const score = (text: string) => (c.expectedText === null ? null : scoreText(text, c.expectedText));
    results.push({
      name: c.name,
      ours: { ...ours, scores: score(ours.body), agree: agreement(ours, c), extra: extras(ours, c) },
      readability: { ...base, scores: score(base.body), agree: agreement(base, c), extra: extras(base, c) },
      readabilityBlocks: { scores: score(blocks) },
    });
  }
  const ours = summarize(results.map((r) => r.ours));
  const base = summarize(results.map((r) => r.readability));
  const blocks = bodySummary(results.map((r) => r.readabilityBlocks.scores));
  console.log(`eval:import: ${cases.length} pages from ${dir}\n`);
  printTable(ours, base, blocks, useJsdom ? 'Readability (jsdom)' : 'Readability');
  printPageLists(results, cases, verbose);
  const strip = ({ body: _body, ...rest }: Scored) => rest;
  written.readability = {
    dir,
    baselineDom: useJsdom ? 'jsdom' : 'linkedom',
    summary: { ours, readability: base, readabilityBlockText: blocks },
    cases: results.map((r) => ({
      name: r.name,
      source: extname(cases.find((c) => c.name === r.name)!.sourcePath),
      ours: strip(r.ours),
      readability: strip(r.readability),
    })),
  };
  return {
    title: ours.title.rate,
    titleOrSite: ours.titleOrSite.rate,
    published: ours.published.rate,
    body: ours.body,
    readabilityF1: base.body.f1,
    pageRecall: Object.fromEntries(
      results.filter((r) => r.ours.scores).map((r) => [r.name, r.ours.scores!.recall]),
    ),
    proseLost: Object.fromEntries(
      results.map((r) => [
        r.name,
        lostProse(previous.readability.proseParagraphs[r.name] ?? [], r.ours.body),
      ]),
    ),
    prose: Object.fromEntries(results.map((r) => [r.name, proseFingerprints(r.ours.paragraphs ?? [])])),
  };
}

function printPageLists(results: CaseResult[], cases: EvalCase[], verbose: boolean): void {
  const worst = results
    .filter((r) => r.ours.scores && r.readability.scores)
    .map((r) => ({ name: r.name, ours: r.ours.scores!.f1, base: r.readability.scores!.f1 }))
    .filter((r) => verbose || r.ours < r.base - 0.001)
    .sort((a, b) => a.ours - a.base - (b.ours - b.base));
  if (worst.length) {
    console.log(
      `\nPages where ours scores below Readability${verbose ? ' (and all others, with --verbose)' : ''}:`,
    );
    for (const w of worst.slice(0, verbose ? Infinity : 15))
      console.log(`  ${w.name}: F1 ${num(w.ours)} vs ${num(w.base)}`);
  }
  const missed = results.filter((r) => r.ours.agree.title === false);
  if (missed.length) {
    console.log('\nTitles that differ (ours ≠ expected):');
    for (const r of missed)
      console.log(
        `  ${r.name}: ${JSON.stringify(r.ours.title)} ≠ ${JSON.stringify(cases.find((c) => c.name === r.name)!.expected.title)}`,
      );
  }
  const failed = results.filter((r) => r.ours.error);
  if (failed.length) {
    console.log('\nRefused by ours:');
    for (const r of failed) console.log(`  ${r.name}: ${r.ours.error}`);
  }
}

/** What eval-import.json holds: each part that ran. */
const written: Record<string, unknown> = {};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--record-release');
  // npm runs scripts from the project root; a relative folder is meant from where the user typed the command.
  const dir = arg ? resolve(process.env.INIT_CWD ?? process.cwd(), arg) : DEFAULT_DIR;
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const previousPath = join(root, 'scripts/eval/previous-release.json');
  const previous = readPreviousRelease(previousPath);
  const readability = await readabilityPart(dir, verbose, previous);
  const htmldate = await htmldatePart(verbose);
  if (htmldate)
    written.htmldate = { overall: htmldate.overall, bySet: htmldate.bySet, wrong: htmldate.wrong };
  // --record-release <label>: this run becomes the "previous release" the next versions are compared with
  // (run on the release's checkout, with both corpora present).
  const record = process.argv.indexOf('--record-release');
  if (record >= 0) {
    const label = process.argv[record + 1];
    if (!label || !readability || !htmldate)
      throw new Error('--record-release needs a label and both corpora (readability-test-pages, htmldate)');
    writeFileSync(previousPath, `${JSON.stringify(releaseRecord(label, readability, htmldate), null, 1)}\n`);
    console.log(`\nThis run recorded as the previous release (${label}) in ${previousPath}`);
  }
  const missed = printTargets(
    targetRows(
      { readability, htmldate: htmldate && { overall: htmldate.overall, bySet: htmldate.bySet } },
      previous,
    ),
    previous.release,
  );
  const out = join(root, 'eval-import.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), ...written }, null, 2)}\n`);
  console.log(`\nFigures written to ${out}`);

  // --check (used by `npm test`): the targets above, judged on this run.
  if (process.argv.includes('--check')) {
    if (missed.length) {
      console.log(`\neval:import --check: FAILED: ${missed.join('; ')}`);
      process.exitCode = 1;
    } else console.log('\neval:import --check: every target judged in this run is met');
  }
}

await main();
