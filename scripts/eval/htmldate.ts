// The publication-date part of `npm run eval:import`: runs the real HTML extractor on each page of the htmldate
// corpus (../shared/corpora/htmldate: pages/*.html and dates.json, file → {url, date, set}) and compares the day it
// finds (the first ten characters of `published`) with the hand-made label. The page is given alone, never with the
// URL of dates.json: a saved file carries only what is in it (canonical link, og:url, a "saved from url=" comment).
// A missing date is counted apart from a wrong one: analysts build timelines on dates, so a wrong one costs more.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../electron/services/import/formats/registry';

export interface DateFigures {
  pages: number;
  right: number;
  wrong: number;
  missing: number;
}

export interface WrongDate {
  file: string;
  set: string;
  expected: string;
  found: string;
  /** Where the extractor read the date (ParsedArticle.publishedFrom). */
  from: string | null;
}

export interface HtmldateResult {
  dir: string;
  overall: DateFigures;
  bySet: Record<string, DateFigures>;
  wrong: WrongDate[];
  missing: Array<{ file: string; set: string; expected: string }>;
  ms: number;
}

interface Label {
  url: string;
  date: string;
  set: string;
}

const empty = (): DateFigures => ({ pages: 0, right: 0, wrong: 0, missing: 0 });

/** Scores the extractor on the corpus in `dir`; null when the folder (or its dates.json) is absent. */
export async function evalHtmldate(dir: string): Promise<HtmldateResult | null> {
  const labelsPath = join(dir, 'dates.json');
  if (!existsSync(labelsPath)) return null;
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, Label>;
  const result: HtmldateResult = { dir, overall: empty(), bySet: {}, wrong: [], missing: [], ms: 0 };
  for (const [file, label] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(dir, 'pages', file);
    if (!existsSync(path)) continue;
    const bytes = new Uint8Array(readFileSync(path));
    const t0 = performance.now();
    let found: string | null = null;
    let from: string | null = null;
    try {
      const [item] = await extractFile(file, bytes);
      if (item && 'article' in item) {
        found = item.article.published?.slice(0, 10) ?? null;
        from = item.article.publishedFrom ?? null;
      }
    } catch {
      // A page the importer refuses has no date: counted as missing.
    }
    result.ms += performance.now() - t0;
    const set = (result.bySet[label.set] ??= empty());
    const outcome = found === null ? 'missing' : found === label.date ? 'right' : 'wrong';
    for (const f of [result.overall, set]) {
      f.pages++;
      f[outcome]++;
    }
    if (outcome === 'wrong')
      result.wrong.push({ file, set: label.set, expected: label.date, found: found!, from });
    if (outcome === 'missing') result.missing.push({ file, set: label.set, expected: label.date });
  }
  return result;
}

const share = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)} %` : '—');

/** The figures as a table: one row per set and one for all pages. */
export function printHtmldate(r: HtmldateResult, verbose: boolean): void {
  const rows: string[][] = [['set', 'pages', 'day right', 'wrong', 'missing']];
  const row = (name: string, f: DateFigures) =>
    rows.push([
      name,
      String(f.pages),
      share(f.right, f.pages),
      share(f.wrong, f.pages),
      share(f.missing, f.pages),
    ]);
  for (const [name, f] of Object.entries(r.bySet).sort(([a], [b]) => a.localeCompare(b))) row(name, f);
  row('all', r.overall);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nPublication dates (htmldate corpus, ${r.overall.pages} pages from ${r.dir})\n`);
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w, i) => '-'.repeat(w + 1) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const cells of rows.slice(1)) console.log(line(cells));
  console.log(
    `time, total ms: ${r.ms.toFixed(0)} (${(r.ms / Math.max(1, r.overall.pages)).toFixed(1)} per page)`,
  );
  if (!verbose) return;
  if (r.wrong.length) console.log('\nWrong dates (found ≠ expected):');
  for (const w of r.wrong) console.log(`  ${w.file}: ${w.found} (${w.from ?? '?'}) ≠ ${w.expected}`);
  if (r.missing.length) console.log('\nNo date found:');
  for (const m of r.missing) console.log(`  ${m.file}: expected ${m.expected}`);
}
