// Smoke tests of the real Electron shell: isolation and sandbox, the exact preload bridge, the API over IPC,
// blocked navigation and window.open. Skipped (never faked) when the Electron binary is not installed.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRELOAD_API_KEYS } from '../../electron/preload/api';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Path of the Electron executable, or null when the package was installed without its binary. */
function electronBinary(): string | null {
  try {
    const p: unknown = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();
const SKIP_REASON = 'Electron binary not present: shell tests skipped';
if (executablePath === null && !process.env.TEST_WORKER_INDEX) console.log(SKIP_REASON);

test.describe('Electron shell', () => {
  test.skip(executablePath === null, SKIP_REASON);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let library = '';

  test.beforeAll(async () => {
    if (
      !existsSync(path.join(root, 'out/main/main.js')) ||
      !existsSync(path.join(root, 'out/renderer/index.html'))
    ) {
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new Error('build failed');
    }
    library = mkdtempSync(path.join(os.tmpdir(), 'workbench-electron-'));
    // Chromium refuses to run as root without --no-sandbox (containers); the renderer sandbox option still applies.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: executablePath!,
      args: [...rootArgs, path.join(root, 'out/main/main.js'), '--library', library],
      cwd: root,
      env: { ...process.env, WORKBENCH_LIBRARY: '' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // Never open the system browser from a test: record what would have been opened.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (library) rmSync(library, { recursive: true, force: true });
  });

  test('serves the renderer from app://workbench with the CSP header', async () => {
    expect(page.url()).toBe('app://workbench/index.html');
    const csp = await page.evaluate(async () =>
      (await fetch('./index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const traversal = await page.evaluate(
      async () => (await fetch('app://workbench/assets%2F..%2F..%2Fpackage.json')).status,
    );
    expect(traversal).toBe(404);
  });

  test('the page has no Node globals (context isolation, sandbox, no nodeIntegration)', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        process: typeof w.process,
        require: typeof w.require,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
      };
    });
    expect(globals).toStrictEqual({
      process: 'undefined',
      require: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('window.workbench has exactly the pinned keys', async () => {
    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as { workbench: object }).workbench).sort(),
    );
    expect(keys).toStrictEqual([...PRELOAD_API_KEYS].sort());
    expect(keys).toStrictEqual(['invoke', 'onMenu', 'platform']);
  });

  test('app.info over IPC answers shell "electron"', async () => {
    const res = await page.evaluate(() =>
      (
        window as unknown as { workbench: { invoke(m: string, i: unknown): Promise<unknown> } }
      ).workbench.invoke('app.info', {}),
    );
    expect(res).toMatchObject({ ok: true, result: { shell: 'electron', nativeDialogs: true } });
    const unknown = await page.evaluate(() =>
      (
        window as unknown as { workbench: { invoke(m: string, i: unknown): Promise<unknown> } }
      ).workbench.invoke('fs.readFile', {}),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  test('navigation away from the app is blocked', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('app://workbench/index.html');
    expect(await page.evaluate(() => typeof (window as unknown as { workbench?: unknown }).workbench)).toBe(
      'object',
    );
  });

  test('window.open is denied; an http(s) link goes to the system browser instead', async () => {
    const results = await page.evaluate(() => [
      window.open('https://example.com/a') === null,
      window.open('file:///etc/passwd') === null,
    ]);
    expect(results).toStrictEqual([true, true]);
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    const opened = await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened);
    expect(opened).toStrictEqual(['https://example.com/a']);
  });
});
