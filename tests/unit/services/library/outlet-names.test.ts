// A library's own outlet names (settings.json "outletNames"): how they combine with the built-in registry,
// that imports and re-extractions use them, that stored articles follow a change (and go back when a name is
// forgotten), that the search finds the new name, and that bad names are refused or moved aside, never
// half-applied.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, SettingsView } from '../../../../shared/domain/types';
import { lookupOutletName } from '../../../../shared/domain/outlet-registry';
import { withOutletNames } from '../../../../electron/services/import/text/outlet-clues';
import type { Workbench } from '../../../../electron/services/workbench';
import { fixture, FOGLIETTONE, SPUTNIK, tempDir } from '../../../helpers/temp-library';
import { callApi, workbenchPool } from '../../../helpers/workbench';

let tmp: ReturnType<typeof tempDir>;
let lib: string;
const pool = workbenchPool();

const workbench = () => pool.open(lib);
const call = callApi;
const importFiles = (wb: Workbench, files: Array<{ name: string; bytes: Uint8Array }>) =>
  call<ImportReport>(wb, 'articles.import', {
    files: files.map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
      dataBase64: Buffer.from(f.bytes).toString('base64'),
    })),
  });
const outletOf = (wb: Workbench, fileName: string) =>
  wb.library.listArticles().find((a) => a.fileName === fileName)!.outlet;
const onDisk = () =>
  JSON.parse(readFileSync(join(lib, 'articles.json'), 'utf8')) as {
    articles: Array<{ fileName: string; outlet: { name: string; domain: string | null } }>;
    outlets: unknown[];
  };

beforeEach(() => {
  tmp = tempDir();
  lib = join(tmp.dir, 'lib');
});
afterEach(async () => {
  await pool.closeAll();
  tmp.cleanup();
});

describe('outlet registry lookups', () => {
  it('walks up the host; a library name wins at its level, the nearer level wins over both', () => {
    const own = { 'sputniknews.com': 'Sputnik (own)', 'example.org': 'Example News' };
    expect(lookupOutletName('news.example.org', own)).toEqual({
      name: 'Example News',
      domain: 'example.org',
      own: true,
    });
    // it.sputniknews.com is listed built in, nearer than the library's sputniknews.com.
    expect(lookupOutletName('it.sputniknews.com', own)).toEqual({
      name: 'Sputnik Italia',
      domain: 'it.sputniknews.com',
      own: false,
    });
    expect(lookupOutletName('sputniknews.com', own)).toMatchObject({ name: 'Sputnik (own)', own: true });
    expect(lookupOutletName('edition.cnn.com')).toMatchObject({ name: 'CNN', own: false });
    expect(lookupOutletName('nowhere.example')).toBeNull();
    // Object keys such as "constructor" are not registry entries.
    expect(lookupOutletName('constructor')).toBeNull();
  });

  it("names an extracted outlet: by domain, or gives a name-only outlet the library's domain for that name", () => {
    const own = { 'ilfogliettone.it': 'Il Fogliettone' };
    expect(withOutletNames({ name: 'ilfogliettone.it', domain: 'ilfogliettone.it' }, own)).toEqual({
      name: 'Il Fogliettone',
      domain: 'ilfogliettone.it',
    });
    expect(withOutletNames({ name: 'il fogliettone', domain: null }, own)).toEqual({
      name: 'Il Fogliettone',
      domain: 'ilfogliettone.it',
    });
    const reuters = { name: 'Reuters', domain: 'reuters.com' };
    expect(withOutletNames(reuters, own)).toBe(reuters);
  });
});

describe("a library's outlet names", () => {
  it('apply to imports, rename stored articles on disk and in the search, and go back when forgotten', async () => {
    const wb = await workbench();
    await importFiles(wb, [fixture(FOGLIETTONE)]);
    expect(outletOf(wb, FOGLIETTONE)).toEqual({ name: 'ilfogliettone.it', domain: 'ilfogliettone.it' });
    expect(await call(wb, 'articles.search', { query: 'Fogliettone' })).toEqual([]);

    const view = await call<SettingsView>(wb, 'settings.update', {
      outletNames: [
        { domain: 'ilfogliettone.it', name: '  Il Fogliettone ' },
        { domain: 'zeta.example.org', name: 'Zeta' },
      ],
    });
    expect(view.renamed).toBe(1);
    expect(view.settings.outletNames).toEqual({
      'ilfogliettone.it': 'Il Fogliettone',
      'zeta.example.org': 'Zeta',
    });
    expect(outletOf(wb, FOGLIETTONE)).toEqual({ name: 'Il Fogliettone', domain: 'ilfogliettone.it' });
    const disk = onDisk();
    expect(disk.articles[0]!.outlet.name).toBe('Il Fogliettone');
    expect(disk.outlets).toEqual([{ name: 'Il Fogliettone', domain: 'ilfogliettone.it' }]);
    // settings.json holds the names sorted by domain.
    expect(Object.keys(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8')).outletNames)).toEqual([
      'ilfogliettone.it',
      'zeta.example.org',
    ]);
    // The search finds the article by its new outlet name (and did not before).
    const hits = await call<Array<{ id: string }>>(wb, 'articles.search', { query: 'Fogliettone' });
    expect(hits.map((h) => h.id)).toEqual([wb.library.listArticles()[0]!.id]);

    // A new import from the domain takes the name; a built-in nearer name is left alone.
    await call(wb, 'settings.update', {
      outletNames: [{ domain: 'sputniknews.com', name: 'Sputnik (own)' }],
    });
    await importFiles(wb, [fixture(SPUTNIK)]);
    expect(outletOf(wb, SPUTNIK)).toEqual({ name: 'Sputnik Italia', domain: 'it.sputniknews.com' });

    // Forgetting a name: articles carrying it take what an import would find (here the domain itself).
    const forgot = await call<SettingsView>(wb, 'settings.update', {
      outletNames: [{ domain: 'ilfogliettone.it', name: null }],
    });
    expect(forgot.renamed).toBe(1);
    expect(forgot.settings.outletNames).toEqual({
      'sputniknews.com': 'Sputnik (own)',
      'zeta.example.org': 'Zeta',
    });
    expect(outletOf(wb, FOGLIETTONE)).toEqual({ name: 'ilfogliettone.it', domain: 'ilfogliettone.it' });

    // The names survive a reopen and apply to re-extraction too.
    await call(wb, 'settings.update', {
      outletNames: [{ domain: 'ilfogliettone.it', name: 'Il Fogliettone' }],
    });
    await wb.close();
    pool.forget();
    const again = await workbench();
    const id = again.library.listArticles().find((a) => a.fileName === FOGLIETTONE)!.id;
    await again.library.reextract(id, again.importer.extract);
    expect(outletOf(again, FOGLIETTONE)).toEqual({ name: 'Il Fogliettone', domain: 'ilfogliettone.it' });
  });

  it('decide "same outlet" for duplicates: the same text under a renamed domain is still the same source', async () => {
    const wb = await workbench();
    await call(wb, 'settings.update', {
      outletNames: [{ domain: 'ilfogliettone.it', name: 'Il Fogliettone' }],
    });
    const original = fixture(FOGLIETTONE);
    // The same article saved again with a trailing blank line: other bytes, the same text and outlet.
    const resaved = { name: 'salvato-di-nuovo.txt', bytes: new Uint8Array([...original.bytes, 0x0a, 0x0a]) };
    const r = await importFiles(wb, [original, resaved]);
    expect(r.results.map((x) => x.status)).toEqual(['imported', 'duplicate']);
  });

  it.each([
    [
      'a host name that is not one',
      [{ domain: 'not a domain', name: 'X' }],
      /outletNames\.0\.domain: is not a domain name/,
    ],
    ['a domain not normalised', [{ domain: 'WWW.example.org', name: 'X' }], /is not a domain name/],
    ['an empty name', [{ domain: 'example.org', name: '   ' }], /outletNames\.0\.name: needs a name/],
    ['an overlong name', [{ domain: 'example.org', name: 'x'.repeat(121) }], /at most 120 characters/],
    [
      'a domain twice',
      [
        { domain: 'example.org', name: 'A' },
        { domain: 'example.org', name: 'B' },
      ],
      /names each domain once/,
    ],
    ['a free-form map instead of the list', { 'example.org': 'X' }, /outletNames/],
  ])('refuses %s, changing nothing', async (_what, outletNames, reason) => {
    const wb = await workbench();
    await importFiles(wb, [fixture(FOGLIETTONE)]);
    const before = readFileSync(join(lib, 'articles.json'), 'utf8');
    await expect(call(wb, 'settings.update', { outletNames })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(reason),
    });
    expect((await call<SettingsView>(wb, 'settings.get', {})).settings.outletNames).toEqual({});
    expect(readFileSync(join(lib, 'articles.json'), 'utf8')).toBe(before);
  });

  it('reads a hand-edited file leniently (domains normalised) and moves aside one naming a non-domain', async () => {
    const wb = await workbench();
    await wb.close();
    pool.forget();
    writeFileSync(
      join(lib, 'settings.json'),
      JSON.stringify({ outletNames: { 'WWW.IlFogliettone.it': 'Il Fogliettone' } }),
    );
    const good = await workbench();
    expect((await call<SettingsView>(good, 'settings.get', {})).settings.outletNames).toEqual({
      'ilfogliettone.it': 'Il Fogliettone',
    });
    await importFiles(good, [fixture(FOGLIETTONE)]);
    expect(outletOf(good, FOGLIETTONE).name).toBe('Il Fogliettone');
    await good.close();
    pool.forget();

    writeFileSync(join(lib, 'settings.json'), JSON.stringify({ outletNames: { 'la mia fonte': 'Fonte' } }));
    const bad = await workbench();
    const view = await call<SettingsView>(bad, 'settings.get', {});
    expect(view.settings.outletNames).toEqual({});
    expect(view.notice).toMatch(/outletNames\.la mia fonte is not a domain name/);
    expect(readdirSync(join(lib, 'damaged')).some((n) => n.startsWith('settings-'))).toBe(true);
    // Stored articles keep the name they were stored with.
    expect(outletOf(bad, FOGLIETTONE).name).toBe('Il Fogliettone');
  });
});
