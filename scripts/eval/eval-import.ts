// `npm run eval:import [-- <dir>] [--jsdom] [--verbose]`: scores the HTML importer against a folder of test pages
// (by default Mozilla Readability's, in ../shared/corpora/readability-test-pages) and, as the baseline in the same
// run, plain Mozilla Readability on the same DOM implementation (linkedom; jsdom with --jsdom) and the same
// decoded source (extractors.ts, readability-summary.ts); then publication dates on the htmldate corpus
// (htmldate.ts); then the targets beside the previous release's figures (import-targets.ts, prose-kept.ts).
// Writes the figures to eval-import.json in the project root. See metric.ts for the body metric, cases.ts for
// the folder layout. A missing corpus is reported as skipped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases, type EvalCase } from './cases';
import { documentMaker, runOurs, runReadability, type CaseResult, type Scored } from './extractors';
import { evalHtmldate, printHtmldate, type HtmldateResult } from './htmldate';
import {
  printTargets,
  readPreviousRelease,
  releaseRecord,
  targetRows,
  type CurrentFigures,
  type PreviousRelease,
} from './import-targets';
import { scoreText } from './metric';
import { lostProse, proseFingerprints } from './prose-kept';
import { agreement, bodySummary, extras, num, printTable, summarize } from './readability-summary';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DEFAULT_DIR = resolve(root, '../shared/corpora/readability-test-pages');
const HTMLDATE_DIR = resolve(root, '../shared/corpora/htmldate');

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
