// The library's settings (settings.json): per-file import caps that a user can change, that survive a
// reopen, that the importer and the extraction workers obey from the next batch on, and that a damaged or
// hand-edited file can never turn into a library that will not open.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_SIZE_LIMITS, IMPORT_SIZE_LIMIT_MAX_BYTES } from '../../../../shared/api/contract';
import type { AppInfo, ImportReport, SettingsView } from '../../../../shared/domain/types';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { applySettingsPatch } from '../../../../electron/services/library/settings';
import { fixture, FOGLIETTONE, tempDir, treeDigest } from '../../../helpers/temp-library';
import { callApi, workbenchPool } from '../../../helpers/workbench';

const MB = 1024 * 1024;
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const realWorker = join(root, 'out/cli/extract-worker.js');

let tmp: ReturnType<typeof tempDir>;
let lib: string;
const pool = workbenchPool();

const workbench = (extra: Partial<Parameters<typeof openWorkbench>[0]> = {}) => pool.open(lib, extra);
const call = callApi;
/** A plain-text article of about `bytes` bytes (a real paragraph repeated, so it imports when small enough). */
function textFile(name: string, bytes: number) {
  const para = `Il Cremlino ha annunciato il ritiro delle truppe dal Kazakistan entro dieci giorni, secondo fonti ufficiali. `;
  const body = `Titolo di prova ${name}\n\n${para.repeat(Math.ceil(bytes / para.length))}`.slice(0, bytes);
  const data = new TextEncoder().encode(body);
  return { name, size: data.byteLength, bytes: data };
}
const importOne = (wb: Workbench, f: ReturnType<typeof textFile>) =>
  call<ImportReport>(wb, 'articles.import', {
    files: [{ name: f.name, size: f.size, dataBase64: Buffer.from(f.bytes).toString('base64') }],
  });

beforeAll(() => {
  if (!existsSync(realWorker))
    spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
}, 120_000);
beforeEach(() => {
  tmp = tempDir();
  lib = join(tmp.dir, 'lib');
});
afterEach(async () => {
  await pool.closeAll();
  tmp.cleanup();
});

describe('library settings', () => {
  it('start at the defaults, with no settings file written until something changes', async () => {
    const wb = await workbench();
    const view = await call<SettingsView>(wb, 'settings.get', {});
    expect(view.settings.importLimits).toEqual(DEFAULT_IMPORT_SIZE_LIMITS);
    expect(view.defaults.importLimits).toEqual({ maxBytes: 20 * MB, maxPdfBytes: 50 * MB });
    expect(view.notice).toBeUndefined();
    expect((await call<AppInfo>(wb, 'app.info', {})).importLimits).toEqual(DEFAULT_IMPORT_SIZE_LIMITS);
    expect(existsSync(join(lib, 'settings.json'))).toBe(false);
  });

  it('a change is on disk when acknowledged, survives a reopen, and shows in app.info', async () => {
    const wb = await workbench();
    const after = await call<SettingsView>(wb, 'settings.update', { importLimits: { maxBytes: 5 * MB } });
    expect(after.settings.importLimits).toEqual({ maxBytes: 5 * MB, maxPdfBytes: 50 * MB });
    // Only what differs from the default is stored.
    expect(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8'))).toEqual({
      importLimits: { maxBytes: 5 * MB },
    });
    expect((await call<AppInfo>(wb, 'app.info', {})).importLimits.maxBytes).toBe(5 * MB);
    await wb.close();
    pool.forget();
    const again = await workbench();
    expect((await call<SettingsView>(again, 'settings.get', {})).settings.importLimits.maxBytes).toBe(5 * MB);
    // Back to the default: the key leaves the file.
    await call(again, 'settings.update', { importLimits: { maxBytes: DEFAULT_IMPORT_SIZE_LIMITS.maxBytes } });
    expect(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8'))).toEqual({});
  });

  it('refuses caps out of range with the range in the message, changing nothing', async () => {
    const wb = await workbench();
    await call(wb, 'settings.update', { importLimits: { maxPdfBytes: 80 * MB } });
    const digest = treeDigest(lib);
    const failure = (input: unknown) =>
      call(wb, 'settings.update', input).then(
        () => null,
        (e: Error & { code: string }) => ({ code: e.code, message: e.message }),
      );
    expect(await failure({ importLimits: { maxBytes: 1000 } })).toEqual({
      code: 'invalid_input',
      message: 'settings.update: importLimits.maxBytes: must be at least 1 MB',
    });
    expect(await failure({ importLimits: { maxPdfBytes: IMPORT_SIZE_LIMIT_MAX_BYTES + 1 } })).toEqual({
      code: 'invalid_input',
      message: 'settings.update: importLimits.maxPdfBytes: must be at most 200 MB',
    });
    expect(await failure({ importLimits: { maxBytes: -1 } })).toMatchObject({ code: 'invalid_input' });
    await expect(
      call(wb, 'settings.update', { importLimits: { maxBytes: 2.5 * MB + 0.5 } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(wb, 'settings.update', { importLimits: { zipBytes: 5 } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(treeDigest(lib)).toEqual(digest);
    expect((await call<SettingsView>(wb, 'settings.get', {})).settings.importLimits).toEqual({
      maxBytes: 20 * MB,
      maxPdfBytes: 80 * MB,
    });
  });

  it('the next import obeys a lowered cap, and a raised one admits what the default refused', async () => {
    const wb = await workbench();
    const small = textFile('mezzo-mega.txt', Math.round(1.5 * MB));
    await call(wb, 'settings.update', { importLimits: { maxBytes: 1 * MB } });
    const refused = await importOne(wb, small);
    expect(refused.results[0]).toMatchObject({
      fileName: 'mezzo-mega.txt',
      status: 'refused',
      reason: 'larger than 1.0 MB (1.5 MB)',
    });
    expect(wb.library.listArticles()).toHaveLength(0);

    const big = textFile('grande.txt', 21 * MB);
    await call(wb, 'settings.update', { importLimits: { maxBytes: DEFAULT_IMPORT_SIZE_LIMITS.maxBytes } });
    expect((await importOne(wb, big)).results[0]).toMatchObject({
      status: 'refused',
      reason: 'larger than 20.0 MB (21.0 MB)',
    });
    await call(wb, 'settings.update', { importLimits: { maxBytes: 30 * MB } });
    expect((await importOne(wb, big)).results[0]).toMatchObject({
      fileName: 'grande.txt',
      status: 'imported',
    });
    // Stored this time (a near-duplicate of the big one, which starts with the same text).
    expect((await importOne(wb, small)).results[0]?.status).toMatch(/^(imported|near-duplicate)$/);
    expect(wb.library.listArticles()).toHaveLength(2);
  }, 60_000);

  it('a file sent without its bytes (over the cap the renderer knew) is refused with a way forward, not stored', async () => {
    const wb = await workbench();
    const r = await call<ImportReport>(wb, 'articles.import', {
      files: [{ name: 'senza-byte.txt', size: 2 * MB }],
    });
    expect(r.results[0]).toEqual({
      fileName: 'senza-byte.txt',
      status: 'refused',
      reason: 'its content was not sent (it was over the size limit when it was sent); import it again',
    });
    const over = await call<ImportReport>(wb, 'articles.import', {
      files: [{ name: 'enorme.txt', size: 25 * MB }],
    });
    expect(over.results[0]).toMatchObject({ status: 'refused', reason: 'larger than 20.0 MB (25.0 MB)' });
    expect(wb.library.listArticles()).toHaveLength(0);
  });

  it('the caps travel to the extraction workers: a zip entry is held to the cap in force', async () => {
    const wb = await workbench({ extractorWorker: realWorker });
    const { zipSync } = await import('fflate');
    const entry = textFile('dentro.txt', Math.round(1.5 * MB));
    const zip = zipSync({ 'dentro.txt': entry.bytes, 'piccolo.txt': fixture(FOGLIETTONE).bytes });
    await call(wb, 'settings.update', { importLimits: { maxBytes: 1 * MB } });
    const r = await call<ImportReport>(wb, 'articles.import', {
      files: [{ name: 'pacco.zip', size: zip.byteLength, dataBase64: Buffer.from(zip).toString('base64') }],
    });
    const byName = Object.fromEntries(r.results.map((x) => [x.fileName, x]));
    expect(byName['pacco.zip › dentro.txt']).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/1\.0 MB/),
    });
    expect(byName['pacco.zip › piccolo.txt']).toMatchObject({ status: 'imported' });
  }, 60_000);

  it('a per-run override (the CLI flags) wins over the stored settings and is not stored', async () => {
    const first = await workbench();
    await call(first, 'settings.update', { importLimits: { maxBytes: 1 * MB } });
    await first.close();
    pool.forget();
    const wb = await workbench({ importLimits: { maxBytes: 3 * MB } });
    expect((await call<AppInfo>(wb, 'app.info', {})).importLimits.maxBytes).toBe(3 * MB);
    expect((await call<SettingsView>(wb, 'settings.get', {})).settings.importLimits.maxBytes).toBe(1 * MB);
    expect((await importOne(wb, textFile('due.txt', 2 * MB))).results[0]).toMatchObject({
      status: 'imported',
    });
  }, 60_000);

  it.each([
    ['not JSON', '{"importLimits": {"maxBytes": ', /not valid JSON/],
    [
      'a cap out of range',
      JSON.stringify({ importLimits: { maxBytes: 1 } }),
      /importLimits\.maxBytes must be at least 1 MB/,
    ],
    ['the wrong shape', JSON.stringify([1, 2]), /top level/],
  ])(
    'a settings file that is %s is moved to damaged/ and the library opens with the defaults',
    async (_what, content, reason) => {
      const wb = await workbench();
      await call(wb, 'articles.import', {
        files: [
          {
            name: FOGLIETTONE,
            size: fixture(FOGLIETTONE).size,
            dataBase64: Buffer.from(fixture(FOGLIETTONE).bytes).toString('base64'),
          },
        ],
      });
      await wb.close();
      pool.forget();
      writeFileSync(join(lib, 'settings.json'), content);
      const again = await workbench();
      const view = await call<SettingsView>(again, 'settings.get', {});
      expect(view.settings.importLimits).toEqual(DEFAULT_IMPORT_SIZE_LIMITS);
      expect(view.notice).toMatch(reason);
      expect(view.notice).toMatch(/moved to damaged\/settings-.*\.json/);
      expect(again.library.listArticles()).toHaveLength(1);
      // The user's file is kept, byte for byte, where the notice says.
      const moved = readdirSync(join(lib, 'damaged')).filter((n) => n.startsWith('settings-'));
      expect(moved).toHaveLength(1);
      expect(readFileSync(join(lib, 'damaged', moved[0]!), 'utf8')).toBe(content);
      expect(existsSync(join(lib, 'settings.json'))).toBe(false);
      // A save writes a fresh file; the damaged copy stays.
      await call(again, 'settings.update', { importLimits: { maxPdfBytes: 60 * MB } });
      expect(JSON.parse(readFileSync(join(lib, 'settings.json'), 'utf8'))).toEqual({
        importLimits: { maxPdfBytes: 60 * MB },
      });
      expect(readdirSync(join(lib, 'damaged')).filter((n) => n.startsWith('settings-'))).toHaveLength(1);
    },
  );

  it('keeps preferences it does not know (written by a newer version) through a save', () => {
    const file = { importLimits: { maxBytes: 2 * MB }, theme: 'dark' } as Parameters<
      typeof applySettingsPatch
    >[0];
    expect(applySettingsPatch(file, { importLimits: { maxPdfBytes: 70 * MB } })).toEqual({
      theme: 'dark',
      importLimits: { maxBytes: 2 * MB, maxPdfBytes: 70 * MB },
    });
  });
});
