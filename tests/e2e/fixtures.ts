// Each test gets its own library folder and its own host process (the built CLI's `serve`), so the
// browser talks to the real services and real lowdb files on disk; and the page modules (pages/) it asks for.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage } from './pages/app';
import { ClaimsView } from './pages/claims';
import { ImportReport } from './pages/import-report';
import { LibraryOnDisk } from './pages/library-on-disk';
import { Reader } from './pages/reader';
import { SettingsDialog } from './pages/settings';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built app the hosts run: out/, or a copy of it named by WB_E2E_OUT (a build others cannot replace mid-run). */
export const OUT = process.env.WB_E2E_OUT ?? join(ROOT, 'out');
export const FIXTURES = join(ROOT, 'tests/fixtures/articles');
export const SPUTNIK = '004_c43401fc495b10b3.txt';
export const FOGLIETTONE = '000_9779fd24ea47166c.txt';
export const SPUTNIK_TITLE =
  'Kazakistan, giro di telefonate tra Putin e Tokayev: la situazione sotto controllo';
export const FOGLIETTONE_TITLE = 'Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito';
/** The claim both samples carry evidence for, and a phrase of each that a test tags as evidence. */
export const CLAIM = 'CSTO troops will withdraw from Kazakhstan';
export const SPUTNIK_PHRASE = 'per un periodo di tempo limitato';
export const FOGLIETTONE_PHRASE = 'si ritirerà dal territorio del Kazakistan';

export interface Workbench {
  url: string;
  libraryDir: string;
  child: ChildProcess;
}

export async function startHost(libraryDir: string): Promise<Workbench> {
  const child = spawn('node', [join(OUT, 'cli/cli.js'), 'serve', '--library', libraryDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  child.stderr!.on('data', (c) => (errText += c));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c) => {
      buf += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${errText}`)));
  });
  return { url, libraryDir, child };
}

interface Fixtures {
  workbench: Workbench;
  app: AppPage;
  report: ImportReport;
  reader: Reader;
  claims: ClaimsView;
  settings: SettingsDialog;
  /** The test's library folder, read from disk. */
  library: LibraryOnDisk;
}

export const test = base.extend<Fixtures>({
  // Playwright requires the fixtures argument to be an object pattern, even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  workbench: async ({}, use) => {
    const libraryDir = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
    const wb = await startHost(libraryDir);
    await use(wb);
    wb.child.kill('SIGTERM');
    rmSync(libraryDir, { recursive: true, force: true });
  },
  app: async ({ page }, use) => use(new AppPage(page)),
  report: async ({ page }, use) => use(new ImportReport(page)),
  reader: async ({ page }, use) => use(new Reader(page)),
  claims: async ({ page }, use) => use(new ClaimsView(page)),
  settings: async ({ page }, use) => use(new SettingsDialog(page)),
  library: async ({ workbench }, use) => use(new LibraryOnDisk(workbench.libraryDir)),
});
export { expect };

export const fixtureFile = (name: string) => ({ name, bytes: readFileSync(join(FIXTURES, name)) });
