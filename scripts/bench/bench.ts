// `npm run bench`: builds a realistic library in a temp folder (10,000 scrape-dump articles imported through
// the real importer, 50,000 annotations) and measures import, annotation saves, full-text search, opening the
// list in Chromium through the host, the host's peak memory, and scrolling (a 100,000-row list, a reader with
// 500 highlights). Prints the machine and a table (metric | value | unit | target | met) and writes the rows
// to bench-results.json. Options: --keep (leave the temp folder), --profile-import (write
// out/bench/import.cpuprofile), --articles N (fewer articles, for a quick try), --html-pages N (saved HTML
// pages for the HTML import rows, 500), --only html (just those rows, no build needed: html-bench.ts).
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../../electron/services/workbench';
import {
  centreOf,
  idleFrames,
  launchBrowser,
  routeListTo,
  searchInUi,
  startHost,
  syntheticSummaries,
  timeOpenToList,
  VIEWPORT,
  wheelFrames,
} from './browser-bench';
import { addAnnotations, makeClaims, writeClaims, writeDumps } from './fixtures';
import { htmlImportRows, htmlOnly } from './html-bench';
import { benchImport } from './import-bench';
import { describeMachine, machineInfo } from './machine';
import { benchAnnotationSaves, benchSearch, searchQueries } from './service-bench';
import {
  formatBytes,
  formatTable,
  longFrameShare,
  misses,
  percentile,
  row,
  summarize,
  type BenchRow,
} from './stats';
import { generateArticle, languageModels } from './text-gen';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) =>
  args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined;
const ARTICLES = Number(option('articles')) || 10_000;
const HTML_PAGES = Number(option('html-pages')) || 500;
const ANNOTATIONS = Math.round(ARTICLES * 5);
const LONG_INDEX = 1;
const HIGHLIGHTS = 500;
const SAVES = 300;
const SEARCHES = 300;
/** What the renderer asks articles.search for. */
const SEARCH_LIMIT = 200;
const LIST_ROWS = 100_000;
/** requestAnimationFrame timestamps are coarsened to 0.1 ms (no cross-origin isolation). */
const RAF_CLOCK_MS = 0.1;

const rows: BenchRow[] = [];
const log = (s: string) => console.log(`bench: ${s}`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: number[]) => percentile(xs, 50);

async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  log(`${name}…`);
  const r = await fn();
  log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  gc();
  return r;
}

async function listIds(libDir: string): Promise<Array<{ id: string; title: string }>> {
  const wb = await openWorkbench({
    libraryDir: libDir,
    version: 'bench',
    ports: { shell: 'host' },
    onInternalError: () => {},
  });
  try {
    return wb.library.listArticles().map(({ id, title }) => ({ id, title }));
  } finally {
    await wb.close();
  }
}

async function main() {
  if (option('only') === 'html') return htmlOnly(root, HTML_PAGES, flag('keep'));
  if (option('only')) throw new Error(`--only ${option('only')}: only "html" runs alone`);
  if (!existsSync(join(root, 'out/cli/cli.js')) || !existsSync(join(root, 'out/renderer/index.html')))
    throw new Error('build first: node scripts/build.mjs (npm run bench does)');
  const work = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  // A private copy of the built CLI (with its extraction worker) and renderer: a build started meanwhile
  // empties out/. The copy finds the project's packages through a node_modules link beside it.
  cpSync(join(root, 'out/cli'), join(work, 'app/cli'), { recursive: true });
  cpSync(join(root, 'out/renderer'), join(work, 'app/renderer'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  const cli = join(work, 'app/cli/cli.js');
  const machine = machineInfo(work);
  console.log(describeMachine(machine));
  const dumps = join(work, 'dumps');
  const lib = join(work, 'library');
  try {
    // --- import ---------------------------------------------------------------------------------------
    const { bytes } = await phase(`writing ${ARTICLES.toLocaleString()} scrape dumps`, () =>
      writeDumps(dumps, ARTICLES, { longIndex: LONG_INDEX }),
    );
    log(`${formatBytes(bytes)} of dumps, ${Math.round(bytes / ARTICLES)} bytes each on average`);
    // The CLI runs extraction in a pool of worker threads when the built worker sits beside it; so does this.
    const worker = join(work, 'app/cli/extract-worker.js');
    const extractorWorker = existsSync(worker) ? worker : undefined;
    log(
      extractorWorker
        ? 'import with the extraction worker pool (the built extract-worker.js)'
        : 'no built extraction worker: import extracts on the main thread',
    );
    const imp = await phase('import', () =>
      benchImport(dumps, lib, {
        extractorWorker,
        profilePath: flag('profile-import') ? join(root, 'out/bench/import.cpuprofile') : undefined,
      }),
    );
    if (imp.imported !== ARTICLES)
      throw new Error(
        `imported ${imp.imported} of ${ARTICLES} (${imp.refused} refused, first: ${imp.firstRefusal ?? '-'})`,
      );
    const filesPerSecond = (imp.files / imp.importMs) * 1000;
    rows.push(
      row(
        `import ${ARTICLES.toLocaleString()} scrape dumps (CLI code path, library on disk)`,
        filesPerSecond,
        'files/s',
        '>=',
        2000,
      ),
    );
    rows.push(
      row(
        'import time ÷ read + decode time of the same files',
        imp.importMs / imp.readDecodeMs,
        '×',
        '<=',
        3,
      ),
    );
    rows.push(row('  read + decode only', (imp.files / imp.readDecodeMs) * 1000, 'files/s'));
    rows.push(row('  import CPU time: user (all threads)', imp.cpuUserMs / 1000, 's'));
    rows.push(row('  import CPU time: system (file creation, fsync)', imp.cpuSystemMs / 1000, 's'));
    rows.push(
      ...(await phase(`HTML import (${HTML_PAGES} pages)`, () =>
        htmlImportRows(work, HTML_PAGES, extractorWorker),
      )),
    );

    // --- annotations ----------------------------------------------------------------------------------
    const articles = await listIds(lib);
    const longTitle = generateArticle(LONG_INDEX, languageModels(), 90_000).title;
    const long = articles.find((a) => a.title === longTitle);
    if (!long) throw new Error('the long article is missing');
    const others = articles.filter((a) => a.id !== long.id);
    const claims = makeClaims(2000);
    await writeClaims(lib, claims);
    const first = Math.min(1000, ANNOTATIONS);
    await phase(`adding ${first} annotations`, () =>
      addAnnotations(
        lib,
        others.slice(0, first / 10).map((a) => ({ articleId: a.id, count: 10 })),
        claims,
        1,
      ),
    );
    const small = await phase(`saving ${SAVES} annotations at ${first}`, () =>
      benchAnnotationSaves(lib, SAVES, { skip: new Set([long.id]), seed: 1 }),
    );
    let remaining = ANNOTATIONS - small.annotationsAfter - HIGHLIGHTS;
    const plan = [{ articleId: long.id, count: HIGHLIGHTS }];
    for (const a of others.slice(first / 10)) {
      if (remaining <= 0) break;
      const n = Math.min(12, remaining);
      plan.push({ articleId: a.id, count: n });
      remaining -= n;
    }
    await phase(`adding annotations up to ${ANNOTATIONS.toLocaleString()}`, () =>
      addAnnotations(lib, plan, claims, 2),
    );
    const large = await phase(`saving ${SAVES} annotations at ${ANNOTATIONS}`, () =>
      benchAnnotationSaves(lib, SAVES, { skip: new Set([long.id]), seed: 2 }),
    );
    const s1 = summarize(small.steady);
    const s2 = summarize(large.steady);
    const at = (n: number) => `${n.toLocaleString()} annotations`;
    rows.push(row(`save one annotation p50 at ${at(small.annotations)}`, s1.p50, 'ms'));
    rows.push(row(`save one annotation p95 at ${at(small.annotations)}`, s1.p95, 'ms', '<=', 10));
    rows.push(row(`save one annotation p50 at ${at(large.annotations)}`, s2.p50, 'ms'));
    rows.push(row(`save one annotation p95 at ${at(large.annotations)}`, s2.p95, 'ms', '<=', 10));
    rows.push(row('save p95 ratio, large ÷ small library', s2.p95 / s1.p95, '×', '<=', 1.5));
    rows.push(
      row(
        `  first ${SAVES} saves after opening, during the "open" backup, p95 at ${at(small.annotations)}`,
        percentile(small.first, 95),
        'ms',
        '<=',
        10,
      ),
    );
    rows.push(
      row(
        `  first ${SAVES} saves after opening, during the "open" backup, p95 at ${at(large.annotations)}`,
        percentile(large.first, 95),
        'ms',
        '<=',
        10,
      ),
    );
    rows.push(
      row(
        `  that backup's duration at ${at(large.annotations)}`,
        large.backupMs === null ? null : large.backupMs / 1000,
        's',
      ),
    );

    // --- search ---------------------------------------------------------------------------------------
    const queries = searchQueries(SEARCHES);
    const search = await phase(`full-text search (${SEARCHES} queries)`, () =>
      benchSearch(lib, queries, SEARCH_LIMIT),
    );
    const ss = summarize(search.ms);
    rows.push(
      row(`full-text search p50 (service, limit ${SEARCH_LIMIT}, ${SEARCHES} mixed queries)`, ss.p50, 'ms'),
    );
    rows.push(row(`full-text search p95 over ${ARTICLES.toLocaleString()} articles`, ss.p95, 'ms', '<=', 30));
    rows.push(row('  search index build (background, from the first list)', search.buildMs / 1000, 's'));
    rows.push(row('  hits per query (mean)', search.meanHits, 'hits'));

    // --- browser --------------------------------------------------------------------------------------
    const host = await phase('starting the host', () => startHost(cli, lib));
    const browser = await launchBrowser();
    try {
      rows.push(row('  host start-up (open library, print URL)', host.startupMs / 1000, 's'));
      const opens: number[] = [];
      for (let i = 0; i < 3; i++) opens.push((await timeOpenToList(browser, host.openUrl)).ms);
      rows.push(
        row(
          `open to interactive list in Chromium, ${ARTICLES.toLocaleString()} articles (median of 3)`,
          median(opens),
          'ms',
          '<=',
          1500,
        ),
      );
      rows.push(row('  first open (cold host caches)', opens[0]!, 'ms'));

      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(host.openUrl);
      await page.locator('[data-testid="article-row"]').first().waitFor();
      const firstSearch = await searchInUi(page, 'governo');
      const later: number[] = [];
      for (const q of ['citta', 'presidente ministro', 'sanzi', 'torzanshev'])
        later.push(await searchInUi(page, q));
      rows.push(
        row('  first full-text search in the UI after open (waits for the index)', firstSearch / 1000, 's'),
      );
      rows.push(row('  later full-text searches in the UI (median, debounce included)', median(later), 'ms'));
      rows.push(
        row(
          'host peak RSS (VmHWM) through open + list + search',
          host.peakRss() / 1024 / 1024,
          'MB',
          '<=',
          500,
        ),
      );
      rows.push(row('  host RSS after', host.rss() / 1024 / 1024, 'MB'));

      // Reader with 500 highlights (real library through the host).
      await page.getByTestId('article-filter').fill(long.title);
      await page.locator(`[data-article-id="${long.id}"]`).first().click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('mark[data-annotation-id]').length >= n,
        HIGHLIGHTS,
        { timeout: 60_000 },
      );
      const reader = await centreOf(page, '[data-testid="reader"]');
      const rf = await wheelFrames(page, reader.x, reader.y, 150, 100);
      rows.push(
        row(
          `reader scroll, ${HIGHLIGHTS} highlights: frame delta p95`,
          percentile(rf.deltas, 95),
          'ms',
          '<=',
          16.7,
          RAF_CLOCK_MS,
        ),
      );
      rows.push(row('  reader: frames over one vsync (16.7 ms)', longFrameShare(rf.deltas) * 100, '%'));
      rows.push(row('  reader: pixels scrolled / frames measured', rf.scrolled, 'px'));
      await context.close();

      // 100,000-row list: the real renderer, articles.list answered by a test-only route (other calls: host).
      const listContext = await browser.newContext({ viewport: VIEWPORT });
      await routeListTo(listContext, syntheticSummaries(LIST_ROWS));
      const listPage = await listContext.newPage();
      await listPage.goto(host.openUrl);
      await listPage
        .getByTestId('article-count')
        .filter({ hasText: LIST_ROWS.toLocaleString('en-US') })
        .waitFor({ timeout: 60_000 });
      const idle = await idleFrames(listPage, 120);
      rows.push(row('  same page idle, no input: frame delta p95 (the floor)', percentile(idle, 95), 'ms'));
      const list = await centreOf(listPage, '.list-scroll');
      const lf = await wheelFrames(listPage, list.x, list.y, 150, 100);
      rows.push(
        row(
          `list scroll, ${LIST_ROWS.toLocaleString()} rows (route-served list): frame delta p95`,
          percentile(lf.deltas, 95),
          'ms',
          '<=',
          16.7,
          RAF_CLOCK_MS,
        ),
      );
      rows.push(row('  list: frames over one vsync (16.7 ms)', longFrameShare(lf.deltas) * 100, '%'));
      rows.push(row('  list: pixels scrolled', lf.scrolled, 'px'));
      await listContext.close();
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    if (flag('keep')) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }

  console.log('');
  console.log(formatTable(rows));
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const missed = misses(rows);
  console.log(
    `\n${missed.length ? `${missed.length} target(s) missed: ${missed.map((r) => r.metric.trim()).join('; ')}` : 'every target met'}`,
  );
  console.log('rows written to bench-results.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
