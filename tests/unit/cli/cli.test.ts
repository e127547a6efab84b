import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { FIXTURES, FOGLIETTONE, PNG_BYTES, SPUTNIK, tempDir, treeDigest } from '../../helpers/temp-library';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let tmp: ReturnType<typeof tempDir>;
/** The label of a sample imported with its folder (tests/fixtures/articles). */
const IN_FOLDER = (name: string) => `articles › ${name}`;
let lib: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--library', lib], {
    log: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  tmp = tempDir();
  lib = join(tmp.dir, 'lib');
});
afterEach(() => tmp.cleanup());

describe('workbench CLI', () => {
  it('imports files and folders with a line per file and exit 0', async () => {
    const r = await cli('import', FIXTURES);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(2);
    // Files inside a folder go by their path from it; a file named by itself by its own name.
    expect(r.out).toMatch(/^imported\tarticles › 000_9779fd24ea47166c\.txt\t[0-9a-f]{16}\tPutin risponde/m);
    expect(r.err).toContain('2 imported, 0 duplicate, 0 refused');
    const again = await cli('import', join(FIXTURES, SPUTNIK));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^duplicate\t004_c43401fc495b10b3\.txt/);
  });

  it('exits 1 and names the refused file and reason, leaving the library unchanged', async () => {
    await cli('import', join(FIXTURES, FOGLIETTONE));
    const digest = treeDigest(lib);
    const png = join(tmp.dir, 'photo.txt');
    writeFileSync(png, PNG_BYTES);
    const r = await cli('import', png);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^refused\tphoto\.txt\t.*PNG/m);
    expect(treeDigest(lib)).toEqual(digest);
    const missing = await cli('import', join(tmp.dir, 'nope.txt'));
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/nope\.txt\tno such file/);
  });

  it('lists and shows articles as JSON', async () => {
    await cli('import', FIXTURES);
    const list = JSON.parse((await cli('list', '--json')).out);
    expect(list).toHaveLength(2);
    const sputnik = list.find((a: { fileName: string }) => a.fileName === IN_FOLDER(SPUTNIK));
    expect(Object.keys(sputnik).sort()).toEqual(
      [
        'fileName',
        'id',
        'language',
        'outlet',
        'published',
        'publishedFrom',
        'sha256',
        'title',
        'url',
        'wordCount',
      ].sort(),
    );
    expect(sputnik.outlet.name).toBe('Sputnik Italia');
    expect(sputnik.publishedFrom).toBe('meta');
    const text = (await cli('show', sputnik.id)).out;
    expect(text.split('\n')[1]).toBe(
      `Sputnik Italia · 2022-01-07T14:26:00+01:00 (from the metadata) · ${sputnik.url}`,
    );
    const shown = JSON.parse((await cli('show', sputnik.id, '--json')).out);
    expect(Array.isArray(shown.paragraphs)).toBe(true);
    expect(typeof shown.lead).toBe('string');
    expect(shown.annotations).toEqual([]);
  });

  it('annotates by quote, reuses the claim, refuses a quote that is not there, and exports', async () => {
    await cli('import', FIXTURES);
    const list = JSON.parse((await cli('list', '--json')).out) as Array<{ id: string; fileName: string }>;
    const sp = list.find((a) => a.fileName === IN_FOLDER(SPUTNIK))!.id;
    const fo = list.find((a) => a.fileName === IN_FOLDER(FOGLIETTONE))!.id;
    const claim = 'CSTO troops will withdraw from Kazakhstan';
    const a = await cli(
      'annotate',
      sp,
      '--quote',
      'per un periodo di tempo limitato',
      '--claim',
      claim,
      '--stance',
      'reports',
      '--speaker',
      'CSTO',
    );
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/\(new\)/);
    const b = await cli(
      'annotate',
      fo,
      '--quote',
      'si ritirerà dal territorio del Kazakistan',
      '--claim',
      claim,
      '--stance',
      'asserts',
      '--speaker',
      'Putin',
    );
    expect(b.code).toBe(0);
    expect(b.out).not.toMatch(/\(new\)/);
    const bad = await cli(
      'annotate',
      fo,
      '--quote',
      'parole che non ci sono',
      '--claim',
      claim,
      '--stance',
      'asserts',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/quote is not in article/);
    const badStance = await cli('annotate', fo, '--quote', 'Putin', '--claim', claim, '--stance', 'believes');
    expect(badStance.code).toBe(2);
    const shown = JSON.parse((await cli('show', sp, '--json')).out);
    expect(shown.annotations[0]).toMatchObject({
      stance: 'reports',
      speaker: 'CSTO',
      quote: { exact: 'per un periodo di tempo limitato' },
    });
    const md = join(tmp.dir, 'notes.md');
    expect((await cli('export', '--format', 'md', '--out', md)).code).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(claim);
    expect(text).toContain('per un periodo di tempo limitato');
    expect(text).toContain('si ritirerà dal territorio del Kazakistan');
    const csv = join(tmp.dir, 'notes.csv');
    expect((await cli('export', '--format', 'csv', '--out', csv)).code).toBe(0);
    // Rows end in CRLF; quotes' context may hold bare LF inside quoted fields.
    expect(readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(3);
    const json = join(tmp.dir, 'lib.json');
    expect((await cli('export', '--format', 'json', '--out', json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).annotations).toHaveLength(2);
  });

  it('explains usage errors with exit 2', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('export', '--format', 'pdf')).code).toBe(2);
  });
});

describe('the installed bin', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'out/cli/cli.js')))
      spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }, 120_000);

  it('runs `workbench list` through bin/workbench.mjs', () => {
    const r = spawnSync('node', ['bin/workbench.mjs', 'import', FIXTURES, '--library', lib], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const l = spawnSync('node', ['bin/workbench.mjs', 'list', '--json', '--library', lib], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(l.stdout)).toHaveLength(2);
  });

  it('`workbench serve` prints one line with the URL and its token, and the URL answers', async () => {
    const child = spawn('node', ['bin/workbench.mjs', 'serve', '--library', lib], { cwd: root });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (c) => {
          buf += c;
          if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(line);
      expect(m).not.toBeNull();
      const res = await fetch(m![1]!, { redirect: 'manual' });
      expect(res.status).toBe(302);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('workbench reextract', () => {
  it('re-derives every article from its original and keeps the annotations', async () => {
    await cli('import', FIXTURES);
    const list = JSON.parse((await cli('list', '--json')).out) as Array<{ id: string; fileName: string }>;
    const sp = list.find((a) => a.fileName === IN_FOLDER(SPUTNIK))!.id;
    await cli(
      'annotate',
      sp,
      '--quote',
      'per un periodo di tempo limitato',
      '--claim',
      'CSTO troops',
      '--stance',
      'reports',
    );
    const r = await cli('reextract', '--all');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(2);
    expect(r.out).toMatch(new RegExp(`^unchanged\\t${sp}\\t.*\\t1 annotation\\(s\\) kept$`, 'm'));
    expect((await cli('reextract')).code).toBe(2);
    const missing = await cli('reextract', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/^kept\tnope\tNo article with id nope/);
  });

  it("re-derives through articles.reextract, keeping the library's own outlet names", async () => {
    await cli('import', join(FIXTURES, FOGLIETTONE));
    expect((await cli('settings', '--outlet', 'ilfogliettone.it=Il Fogliettone')).code).toBe(0);
    const r = await cli('reextract', '--all');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^unchanged\t[0-9a-f]{16}\t/);
    expect((await cli('list')).out).toMatch(/\tIl Fogliettone\tPutin risponde/);
  });
});
