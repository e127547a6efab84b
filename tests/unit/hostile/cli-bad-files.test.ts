// Issue 4: a CLI run over thousands of generated bad files finishes and reports every one. The real
// `workbench import` (bin/workbench.mjs over the built bundle) runs in a child process over a folder of
// BAD_FILES hostile files (default 1,000; `npm run test:bad-files` runs 10,000), made by bad-files.ts from a
// fixed seed (BAD_FILES_SEED to vary it). The run must end with exit 1, one report per file, no internal
// errors in any reason, nothing stored for a refused file, a library that still opens, and a peak memory far
// below the sparse 1 GiB file it was handed (so that file was refused by its size, not read).
//
// What "one report per file" means here: a file is reported by one line labelled with its own name, except a
// container (ZIP archive, e-mail with attachments, JSON array, JSON Lines), whose lines may instead or as
// well name what is inside it: "file.zip › entry", "file.jsonl#3". Every line has a status; every refusal a
// reason. Damaged copies of real fixtures may still import (a truncated JSON Lines file keeps its good lines):
// the test checks that reports and library agree, not that everything is refused.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportField } from '../../../electron/cli/index';
import { tempDir } from '../../helpers/temp-library';
import { generateBadFiles, type GeneratedFile } from './bad-files';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const COUNT = Number(process.env.BAD_FILES ?? 1000);
const SEED = Number(process.env.BAD_FILES_SEED ?? 20260404);
/** 120 s for 1,000 files, scaled with the count: a hang anywhere ends the run here. */
const RUN_TIMEOUT_MS = Math.max(120_000, COUNT * 120);
/** The CLI's extraction workers: one per core but one, at most four (worker-pool.ts's default pool size). */
const WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1 || 1));
/**
 * Peak resident memory (the process and its extraction workers) allowed for an import of the sparse 1 GiB file
 * alone, which must be refused by its size without being read (about 90 MB), and for the whole run, which must
 * not blow up on a zip bomb's entry either (unpacked whole, a 400 MiB entry took 1.1 GB). The whole run peaks
 * at 500-620 MB with one worker (each worker's heap, a batch read ahead, 19 MB entries unpacked in turn).
 */
const MAX_SPARSE_RSS_MB = 256;
const MAX_RUN_RSS_MB = 640 + 160 * WORKERS;

const STATUSES = new Set(['imported', 'duplicate', 'near-duplicate', 'refused']);
const CONTAINERS = new Set(['.zip', '.eml', '.json', '.jsonl', '.ndjson']);
/**
 * Reasons that betray an unexpected exception, a hang or a crashed reader rather than a judgement about the
 * file: the registry's catch-all ("could not be read as …"), stack frames, and the worker pool's time limit.
 */
const INTERNAL = [
  /could not be read as/i,
  /internal/i,
  /\bat \S+ \(.*:\d+:\d+\)/,
  /node:/,
  /undefined/,
  /\[object /,
  /TypeError|RangeError|ReferenceError/,
  /took longer than/,
  /the reader (failed|stopped)/,
];

interface Line {
  status: string;
  /** The label below the imported folder. */
  label: string;
  /** The label as printed. */
  full: string;
  fields: string[];
  /** The generated file the line is about. */
  file: string;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssMb: number;
}

let tmp: ReturnType<typeof tempDir>;
let folder: string;
let lib: string;
let files: GeneratedFile[];
let generateMs = 0;

function runCli(args: string[], rssFile: string, timeoutMs: number): Promise<Run> {
  // A preloaded module records the process's peak RSS (all threads) as it exits: portable, unlike time -v.
  const probe = join(tmp.dir, 'rss-probe.mjs');
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.WB_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(probe).href, 'bin/workbench.mjs', ...args],
      {
        cwd: root,
        env: { ...process.env, WB_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
        rssMb: kb / 1024,
      });
    });
  });
}

/**
 * Which generated file a report line is about: its label up to " › " (inside an archive) or "#n" (a record).
 * `shown` maps each file's name as the report writes it (control characters escaped) to the name.
 */
function fileOf(label: string, shown: Map<string, string>): string {
  let top = label.split(' › ')[0]!;
  // Problems found while walking the folder are reported with the full path.
  if (top.startsWith(`${folder}/`)) top = basename(top);
  return shown.get(top) ?? shown.get(top.replace(/#\d+$/, '')) ?? `(unknown) ${top}`;
}

function parseLines(stdout: string, shown: Map<string, string>): Line[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [status = '', full = '', ...fields] = l.split('\t');
      // Files inside the imported folder are labelled from it ("bad › name"); the checks below use the rest.
      const prefix = `${basename(folder)} › `;
      const label = full.startsWith(prefix) ? full.slice(prefix.length) : full;
      return { status, label, full, fields, file: fileOf(label, shown) };
    });
}

/** "unpacks to 600.0 MB, over…" → "unpacks to N MB, over…": reasons grouped for the summary. */
const reasonShape = (r: string) =>
  r
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+(?:[.,]\d+)*/g, 'N')
    .slice(0, 110);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function printSummary(lines: Line[], run: Run): void {
  const byStatus = new Map<string, number>();
  const reasons = new Map<string, number>();
  for (const l of lines) {
    byStatus.set(l.status, (byStatus.get(l.status) ?? 0) + 1);
    if (l.status === 'refused')
      reasons.set(reasonShape(l.fields.join(' ')), (reasons.get(reasonShape(l.fields.join(' '))) ?? 0) + 1);
  }
  const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(
    [
      `bad files: ${files.length} generated in ${(generateMs / 1000).toFixed(1)} s (seed ${SEED}); import took ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB, exit ${run.code}`,
      `  ${lines.length} report lines: ${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')}`,
      `  stderr: ${run.stderr.trim().split('\n').pop()}`,
      '  most common refusals:',
      ...top.map(([r, n]) => `  ${String(n).padStart(6)}  ${r}`),
    ].join('\n'),
  );
}

beforeAll(() => {
  if (!existsSync(join(root, 'out/cli/cli.js')))
    spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  tmp = tempDir('wb-bad-files-');
  folder = join(tmp.dir, 'bad');
  lib = join(tmp.dir, 'lib');
  mkdirSync(folder);
  const started = Date.now();
  files = generateBadFiles(folder, COUNT, SEED);
  generateMs = Date.now() - started;
}, 180_000);

afterAll(() => tmp?.cleanup());

describe(`workbench import over ${COUNT.toLocaleString('en-US')} bad files`, () => {
  it(
    'finishes, reports every file with a status and a reason, stores nothing it refused, and the library still opens',
    { timeout: RUN_TIMEOUT_MS + 60_000 },
    async () => {
      const run = await runCli(
        ['import', folder, '--library', lib],
        join(tmp.dir, 'rss-import.txt'),
        RUN_TIMEOUT_MS,
      );
      expect(run.signal, `the import did not finish within ${RUN_TIMEOUT_MS / 1000} s`).toBeNull();
      const names = new Set(files.map((f) => f.name));
      const shown = new Map(files.map((f) => [reportField(f.name), f.name]));
      const lines = parseLines(run.stdout, shown);
      printSummary(lines, run);
      expect(run.code, run.stderr.slice(-2000)).toBe(1);

      // Every line: a known status, a generated file, and a reason when refused; no internal errors.
      for (const l of lines) {
        // Labelled from the folder (or, for a problem found while walking it, its full path).
        expect(l.full.startsWith(`${basename(folder)} › `) || l.full.startsWith(`${folder}/`), l.full).toBe(
          true,
        );
        expect(STATUSES.has(l.status), `unknown status in line: ${l.status}\t${l.label}`).toBe(true);
        expect(names.has(l.file), `line about no generated file: ${l.label}`).toBe(true);
        if (l.status === 'refused')
          expect(l.fields.join('\t').trim(), `refused without a reason: ${l.label}`).not.toBe('');
        if (l.status === 'imported' || l.status === 'near-duplicate' || l.status === 'duplicate')
          expect(l.fields[0]).toMatch(/^[0-9a-f]{16}$/);
        for (const bad of INTERNAL) expect(l.fields.join('\t'), `${l.label}`).not.toMatch(bad);
      }

      // One report per file; a container's lines may name what is inside it instead.
      const perFile = new Map<string, Line[]>();
      for (const l of lines) perFile.set(l.file, [...(perFile.get(l.file) ?? []), l]);
      for (const f of files) {
        const own = perFile.get(f.name) ?? [];
        const label = reportField(f.name);
        expect(own.length, `no line for ${label}`).toBeGreaterThan(0);
        const exact = own.filter((l) => l.label === label);
        if (CONTAINERS.has(extensionOf(f.name))) {
          expect(exact.length, `${label} reported more than once under its own name`).toBeLessThanOrEqual(1);
          for (const l of own)
            if (l.label !== label)
              expect(l.label.startsWith(`${label} › `) || /#\d+$/.test(l.label), l.label).toBe(true);
        } else {
          expect(
            own.map((l) => l.label),
            `${label} must have exactly one line`,
          ).toEqual([label]);
        }
      }

      // The summary on stderr agrees with the lines.
      const count = (s: string) => lines.filter((l) => l.status === s).length;
      expect(run.stderr).toContain(
        `${count('imported')} imported, ${count('duplicate')} duplicate, ${count('refused')} refused, ${count('near-duplicate')} near-duplicate`,
      );

      // The files made to be refused for a precise reason.
      const reasonOf = (label: string) =>
        lines.find((l) => l.label === label)?.fields.join('\t') ?? '(no line)';
      expect(reasonOf('sparse-1gib.txt')).toMatch(/^larger than 20\.0 MB \(1024\.0 MB\)$/);
      expect(run.rssMb, 'peak RSS of the import').toBeLessThan(MAX_RUN_RSS_MB);
      expect(reasonOf('bomb-total.zip')).toMatch(/zip bomb/);
      expect(reasonOf('bomb-entry.zip › big.txt')).toMatch(/larger than 20\.0 MB/);
      expect(reasonOf('bomb-liar.zip › liar.txt')).toMatch(/zip bomb/);
      expect(reasonOf('nested-deep.zip › level-1.zip › level-2.zip › level-3.zip')).toMatch(
        /nested more than 2 deep/,
      );
      expect(reasonOf('too-many-entries.zip')).toMatch(/too many entries/);
      for (const l of perFile.get('zip-slip.zip') ?? [])
        expect(`${l.status} ${l.fields.join(' ')}`).toMatch(/^refused unsafe (path|name) in archive/);
      expect(perFile.get('bomb-nested.zip')?.some((l) => /zip bomb/.test(l.fields.join(' ')))).toBe(true);
      for (const name of ['README', 'setup.exe', 'library.dll'])
        expect(reasonOf(name)).toMatch(/^unsupported file type/);
      expect(reasonOf('article.rtf')).toMatch(/RTF/);
      expect(lines.find((l) => l.label === 'text-in-head.html')?.status).not.toBe('refused');
      // Names with a tab or a line break stay on one line, escaped.
      expect(reasonOf('name with\\ttab.txt')).toMatch(/^no article text/);
      expect(lines.filter((l) => l.file === 'name with\nnewline.md').map((l) => l.label)).toEqual([
        'name with\\nnewline.md',
      ]);

      // The library holds exactly the articles reported as stored, and nothing of the refused files.
      const stored = lines.filter((l) => l.status === 'imported' || l.status === 'near-duplicate');
      const index = JSON.parse(readFileSync(join(lib, 'articles.json'), 'utf8')) as {
        articles: Array<{ id: string; fileName: string }>;
      };
      expect(index.articles.map((a) => `${reportField(a.fileName)}\t${a.id}`).sort()).toEqual(
        stored.map((l) => `${l.full}\t${l.fields[0]}`).sort(),
      );
      const dirs = readdirSync(join(lib, 'articles')).filter((n) => !n.startsWith('.'));
      expect(dirs.sort()).toEqual(index.articles.map((a) => a.id).sort());
      const refusedFiles = new Set(lines.filter((l) => l.status === 'refused').map((l) => l.full));
      expect(index.articles.filter((a) => refusedFiles.has(reportField(a.fileName)))).toEqual([]);

      // …and opens afterwards.
      const list = spawnSync(process.execPath, ['bin/workbench.mjs', 'list', '--json', '--library', lib], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(list.status, list.stderr).toBe(0);
      expect((JSON.parse(list.stdout) as unknown[]).length).toBe(index.articles.length);
    },
  );

  it('refuses the sparse 1 GiB file by its size, without reading it', { timeout: 60_000 }, async () => {
    const run = await runCli(
      ['import', join(folder, 'sparse-1gib.txt'), '--library', join(tmp.dir, 'lib-sparse')],
      join(tmp.dir, 'rss-sparse.txt'),
      50_000,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('refused\tsparse-1gib.txt\tlarger than 20.0 MB (1024.0 MB)\n');
    expect(run.rssMb, 'peak RSS of importing the 1 GiB file alone').toBeLessThan(MAX_SPARSE_RSS_MB);
    console.log(
      `sparse 1 GiB file alone: refused in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB`,
    );
  });
});
