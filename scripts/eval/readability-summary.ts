// Scoring one extraction against a readability test page's expected metadata and text, summing the pages up,
// and the eval's first table (ours beside Readability).
import type { EvalCase } from './cases';
import type { Extraction, FieldName, Scored } from './extractors';
import { differsBySiteName, normalizeSpace, sameDate, type TokenScores } from './metric';

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
export function agreement(x: Extraction, c: EvalCase): Partial<Record<FieldName, boolean>> {
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
export function extras(x: Extraction, c: EvalCase): FieldName[] {
  const e = c.expected;
  const out: FieldName[] = [];
  if (e.byline === null && x.byline) out.push('byline');
  if (e.publishedTime === null && x.published) out.push('published');
  if (e.siteName === null && x.siteName) out.push('siteName');
  if (e.lang === null && x.lang) out.push('lang');
  return out;
}

export interface Summary {
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

export function bodySummary(all: Array<TokenScores | null>): Summary['body'] {
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

export function summarize(rows: Scored[]): Summary {
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
export const num = (x: number) => x.toFixed(4);

export function printTable(ours: Summary, base: Summary, blocksF1: Summary['body'], baseName: string): void {
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
