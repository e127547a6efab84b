// HTML import rows: saved news pages (html-gen.ts) imported into a fresh library through the same code path as
// the scrape-dump row (import-bench.ts: the contract's import.openDialog job, as `workbench import` runs it),
// and the extractor alone (extractFile per page on this thread). `--only html` runs just these rows, with an
// extraction worker bundled from the source tree, so no full build is needed (and an older checkout can run
// them too, for a before/after comparison).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../../electron/services/import/formats/registry';
import { inParallel } from './fixtures';
import { htmlPage } from './html-gen';
import { importFolder } from './import-bench';
import { describeMachine, machineInfo } from './machine';
import { formatTable, row, type BenchRow } from './stats';
import { languageModels } from './text-gen';

/** Issue 15's target for the HTML import. */
export const HTML_PAGES_PER_SECOND = 50;
const WARM_UP_PAGES = 20;
const log = (s: string) => console.log(`bench: ${s}`);

/** Pages 0..count-1 as files NNNNN_<layout>.html. */
export async function writeHtmlPages(dir: string, count: number): Promise<{ bytes: number }> {
  await mkdir(dir, { recursive: true });
  const models = languageModels();
  let bytes = 0;
  await inParallel(count, 8, async (i) => {
    const { html, outlet } = htmlPage(i, models);
    bytes += Buffer.byteLength(html);
    await writeFile(join(dir, `${String(i).padStart(5, '0')}_${outlet}.html`), html);
  });
  return { bytes };
}

/** extractFile over every page, one after the other on this thread, the files read beforehand. */
export async function extractorAlone(dir: string): Promise<{ pages: number; ms: number; cpuMs: number }> {
  const names = (await readdir(dir)).sort();
  const files = await Promise.all(names.map(async (n) => ({ n, bytes: await readFile(join(dir, n)) })));
  for (const f of files.slice(0, WARM_UP_PAGES)) await extractFile(f.n, f.bytes);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let articles = 0;
  for (const f of files) {
    const items = await extractFile(f.n, f.bytes);
    articles += items.filter((i) => !('refusal' in i && i.refusal)).length;
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (articles !== files.length)
    throw new Error(`the extractor read ${articles} articles from ${files.length} pages`);
  return { pages: files.length, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The rows; `work` is a scratch folder, `extractorWorker` the built worker (main-thread extraction without). */
export async function htmlImportRows(
  work: string,
  count: number,
  extractorWorker?: string,
): Promise<BenchRow[]> {
  const pages = join(work, 'html-pages');
  const { bytes } = await writeHtmlPages(pages, count);
  log(`${count} saved HTML pages, ${Math.round(bytes / count / 1024)} KB each on average`);
  const imp = await importFolder(pages, join(work, 'html-library'), { extractorWorker });
  if (imp.imported !== count)
    throw new Error(
      `imported ${imp.imported} of ${count} pages (${imp.refused} refused, ${imp.duplicates} duplicates, first refusal: ${imp.firstRefusal ?? '-'})`,
    );
  log(`HTML import: ${(imp.importMs / 1000).toFixed(1)} s`);
  const alone = await extractorAlone(pages);
  log(`extractor alone: ${(alone.ms / 1000).toFixed(1)} s`);
  return [
    row(
      `import ${count.toLocaleString()} saved HTML pages (4 layouts, CLI code path, library on disk)`,
      (count / imp.importMs) * 1000,
      'pages/s',
      '>=',
      HTML_PAGES_PER_SECOND,
    ),
    row('  extractor alone (extractFile per page, one thread)', (alone.pages / alone.ms) * 1000, 'pages/s'),
    // CPU time moves less than wall time when other work shares the machine: the figures to compare builds by.
    row('  import CPU time per page (all threads)', (imp.cpuUserMs + imp.cpuSystemMs) / count, 'ms'),
    row('  extractor alone: CPU time per page', alone.cpuMs / alone.pages, 'ms'),
    row('  HTML page size (mean)', bytes / count / 1024, 'KB'),
  ];
}

/** The extraction worker bundled as scripts/build.mjs bundles it, into `outfile`. */
async function bundleWorker(root: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'electron/services/import/pipeline/extract-worker.ts')],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** `--only html`: these rows alone, in a temp folder, with a worker bundled from `root`'s source. */
export async function htmlOnly(root: string, count: number, keep: boolean): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'wb-bench-html-'));
  // The worker finds the project's packages through a node_modules link beside it, as in the full bench.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  try {
    const worker = join(work, 'app/cli/extract-worker.js');
    await bundleWorker(root, worker);
    console.log(describeMachine(machineInfo(work)));
    const rows = await htmlImportRows(work, count, worker);
    console.log(`\n${formatTable(rows)}`);
  } finally {
    if (keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
