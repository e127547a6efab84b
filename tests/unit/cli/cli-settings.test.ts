// The CLI's per-file caps: `import --max-file-mb/--max-pdf-mb` for one run, `settings` to store them in the
// library (the same settings the app's dialog edits).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { tempDir, treeDigest } from '../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
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

/** A readable Italian article of about `mb` megabytes. */
function article(name: string, mb: number): string {
  const para = `Mosca ha confermato che le truppe lasceranno il Kazakistan, mentre Astana parla di stabilità ritrovata (${name}). `;
  const path = join(tmp.dir, name);
  writeFileSync(
    path,
    `Titolo ${name}\n\n${para.repeat(Math.ceil((mb * 1024 * 1024) / para.length))}`.slice(
      0,
      Math.round(mb * 1024 * 1024),
    ),
  );
  return path;
}

beforeEach(() => {
  tmp = tempDir();
  lib = join(tmp.dir, 'lib');
});
afterEach(() => tmp.cleanup());

describe('workbench CLI: per-file size caps', () => {
  it('import --max-file-mb holds for that run only, and the file is refused by size without being read', async () => {
    const path = article('uno-e-mezzo.txt', 1.5);
    const capped = await cli('import', path, '--max-file-mb', '1');
    expect(capped.code).toBe(1);
    expect(capped.out).toBe('refused\tuno-e-mezzo.txt\tlarger than 1.0 MB (1.5 MB)');
    // Nothing stored, and the cap was not saved: the next run uses the library's (default) caps.
    expect(existsSync(join(lib, 'settings.json'))).toBe(false);
    const plain = await cli('import', path);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^imported\tuno-e-mezzo\.txt/);
  });

  it('import --max-file-mb raises the cap for a file the default refuses', async () => {
    const path = article('ventuno.txt', 21);
    expect((await cli('import', path)).out).toMatch(
      /^refused\tventuno\.txt\tlarger than 20\.0 MB \(21\.\d MB\)$/,
    );
    const raised = await cli('import', path, '--max-file-mb', '25');
    expect(raised.code).toBe(0);
    expect(raised.out).toMatch(/^imported\tventuno\.txt/);
  }, 60_000);

  it('settings shows the caps, stores a change, and import then obeys it', async () => {
    const shown = await cli('settings');
    expect(shown.code).toBe(0);
    expect(shown.out).toBe('import.max-file-mb\t20 MB\t(default)\nimport.max-pdf-mb\t50 MB\t(default)');
    const set = await cli('settings', '--max-file-mb', '1', '--max-pdf-mb', '80');
    expect(set.code).toBe(0);
    expect(set.out).toBe('import.max-file-mb\t1 MB\nimport.max-pdf-mb\t80 MB');
    expect(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8'))).toEqual({
      importLimits: { maxBytes: 1024 * 1024, maxPdfBytes: 80 * 1024 * 1024 },
    });
    const r = await cli('import', article('uno-e-mezzo.txt', 1.5));
    expect(r.out).toBe('refused\tuno-e-mezzo.txt\tlarger than 1.0 MB (1.5 MB)');
    const json = JSON.parse((await cli('settings', '--json')).out);
    expect(json.settings.importLimits).toEqual({ maxBytes: 1024 * 1024, maxPdfBytes: 80 * 1024 * 1024 });
    expect(json.defaults.importLimits).toEqual({ maxBytes: 20 * 1024 * 1024, maxPdfBytes: 50 * 1024 * 1024 });
    const reset = await cli('settings', '--defaults');
    expect(reset.out).toBe('import.max-file-mb\t20 MB\t(default)\nimport.max-pdf-mb\t50 MB\t(default)');
  });

  it.each([
    [
      ['settings', '--max-file-mb', '0'],
      /--max-file-mb must be a number of megabytes from 1 to 200 \(got "0"\)/,
    ],
    [['settings', '--max-pdf-mb', '201'], /--max-pdf-mb must be a number of megabytes from 1 to 200/],
    [['settings', '--max-pdf-mb', 'lots'], /got "lots"/],
    [['import', 'x.txt', '--max-file-mb=-3'], /--max-file-mb must be/],
    // Strict parsing: a value that looks like an option is not taken as one, and the error says how to give it.
    [
      ['import', 'x.txt', '--max-file-mb', '-3'],
      /--max-file-mb needs a value \(a value starting with "-" is written --max-file-mb=-…\)/,
    ],
    [['settings', '--defaults', '--max-file-mb', '5'], /cannot be combined/],
  ])('refuses bad values with usage (exit 2), changing nothing: %s', async (args, message) => {
    await cli('settings', '--max-file-mb', '7');
    const before = treeDigest(lib);
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(treeDigest(lib)).toEqual(before);
  });

  it('a damaged settings file is reported, moved aside, and the defaults used', async () => {
    await cli('settings', '--max-file-mb', '7');
    writeFileSync(join(lib, 'settings.json'), '{ "importLimits": ');
    const r = await cli('settings');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /settings\.json was not used \(it is not valid JSON\); it was moved to damaged\/settings-.*\.json/,
    );
    expect(r.out).toContain('import.max-file-mb\t20 MB\t(default)');
  });
});

describe('workbench CLI: outlet names', () => {
  it('settings --outlet names a domain (normalised, repeatable), renames stored articles; --forget-outlet takes it back', async () => {
    const fixtures = join(import.meta.dirname, '../../fixtures/articles');
    expect((await cli('import', fixtures)).code).toBe(0);
    const set = await cli(
      'settings',
      '--outlet',
      'WWW.IlFogliettone.it=Il Fogliettone',
      '--outlet=example.org=Example News',
    );
    expect(set.code).toBe(0);
    expect(set.out.split('\n').filter((l) => l.startsWith('outlet\t'))).toEqual([
      'outlet\texample.org\tExample News',
      'outlet\tilfogliettone.it\tIl Fogliettone',
    ]);
    expect(set.err).toBe('workbench: 1 stored article(s) took the new outlet names');
    expect((await cli('list')).out).toMatch(/\tIl Fogliettone\tPutin risponde/);
    expect(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8'))).toEqual({
      outletNames: { 'example.org': 'Example News', 'ilfogliettone.it': 'Il Fogliettone' },
    });

    const forgot = await cli('settings', '--forget-outlet', 'ilfogliettone.it');
    expect(forgot.out.split('\n').filter((l) => l.startsWith('outlet\t'))).toEqual([
      'outlet\texample.org\tExample News',
    ]);
    expect((await cli('list')).out).toMatch(/\tilfogliettone\.it\tPutin risponde/);
  });

  it('refuses a value that is not domain=Name, or a domain that is not one, changing nothing', async () => {
    for (const bad of [
      ['--outlet', 'example.org'],
      ['--outlet', 'example.org='],
      ['--outlet', 'la mia fonte=Fonte'],
      ['--forget-outlet', 'not a domain'],
    ]) {
      const r = await cli('settings', ...bad);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.err, bad.join(' ')).toMatch(/--(outlet|forget-outlet)/);
    }
    expect(existsSync(join(lib, 'settings.json'))).toBe(false);
  });
});
