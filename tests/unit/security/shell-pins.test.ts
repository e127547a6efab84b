// Pins of the Electron shell that the other shell tests do not already hold:
// - the window electron/main/index.ts really opens gets exactly the pinned options (its literal restatement of
//   the isolation switches, there for Electronegativity, changes nothing);
// - every WebContents is hardened through 'web-contents-created', registered before the app is ready;
// - the main side's way to the system browser (the openExternal port) opens only checked http(s) URLs. That
//   shell.openExternal is called in electron/main/external.ts alone (and a port's openExternal only in
//   electron/services/handlers.ts) is a lint rule (eslint.config.js, proved in tests/unit/main/lint-rules.test.ts);
//   together they let `npm test` skip Electronegativity's OpenExternalJSCheck, which only asks for a review;
// - the app:// path mapping stays inside out/renderer for any URL at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ShellPorts } from '../../../electron/services/workbench';
import { webPreferences, windowOptions } from '../../../electron/main/window-options';
import { resolveRendererPath } from '../../../electron/main/protocol-path';
import { createElectronStandIn } from '../../helpers/electron-stand-in';

const h = createElectronStandIn({ isPackaged: true });
const openWorkbench = vi.fn(async (_opts: { ports: ShellPorts }) => ({ dispatch: vi.fn(), close: vi.fn() }));
vi.mock('electron', () => h.module);
vi.mock('../../../electron/services/workbench', () => ({ openWorkbench }));

await import('../../../electron/main/index');
h.markReady();
await new Promise((r) => setTimeout(r, 10));

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the main window', () => {
  it('is created once, with exactly the pinned options (packaged: no devTools)', () => {
    expect(h.windows).toHaveLength(1);
    const opts = h.windows[0]!.options;
    const preloadPath = String((opts.webPreferences as Record<string, unknown>).preload);
    expect(preloadPath.endsWith(path.join('preload', 'preload.cjs'))).toBe(true);
    expect(opts).toStrictEqual(windowOptions({ preloadPath, isPackaged: true, title: 'Analyst Workbench' }));
    expect(opts.webPreferences).toStrictEqual(webPreferences({ preloadPath, isPackaged: true }));
  });

  it('the isolation switches are written literally where the window is made, after the spread', () => {
    const src = code(read('electron/main/index.ts'));
    const at = src.indexOf('new BrowserWindow(');
    expect(at).toBeGreaterThan(-1);
    expect(src.indexOf('new BrowserWindow(', at + 1)).toBe(-1);
    // White space folded: the formatter decides the line breaks, not the meaning.
    const call = src.slice(at, src.indexOf('});', at)).replace(/\s+/g, ' ');
    expect(call).toMatch(
      /webPreferences: \{ \.\.\.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,? \}/,
    );
  });

  it('every WebContents is hardened: the web-contents-created hook exists before ready', () => {
    expect(h.listenersAtReady).toContain('web-contents-created');
    expect(h.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(h.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
  });
});

describe('the way to the system browser', () => {
  it('the openExternal port opens checked http(s) URLs only, through shell.openExternal', async () => {
    const ports = openWorkbench.mock.calls[0]![0].ports;
    h.shell.openExternal.mockClear();
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://workbench/index.html',
      'https://u:p@example.com/',
    ]) {
      await expect(ports.openExternal!(bad), bad).rejects.toThrow(/Refused/);
    }
    expect(h.shell.openExternal).not.toHaveBeenCalled();
    await ports.openExternal!('https://example.com/a');
    expect(h.shell.openExternal.mock.calls.map((c) => c[0])).toStrictEqual(['https://example.com/a']);
  });
});

describe('app:// paths', () => {
  const rendererRoot = path.resolve('/opt/app/out/renderer');
  it('any URL at all maps to nothing or to a file inside out/renderer', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E.',
        '.%2e',
        '%2f',
        '%5c',
        '%00',
        '\\',
        '..\\..',
        'C:',
        'index.html',
        'assets',
        '.env',
        '~',
        '%252e%252e',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 6 }),
        fc.constantFrom('app://workbench/', 'app://WORKBENCH/', 'app://workbench//', 'app://workbench/./'),
        (parts, prefix) => {
          const file = resolveRendererPath(prefix + parts.join('/'), rendererRoot);
          if (file === null) return;
          const rel = path.relative(rendererRoot, file);
          expect(rel === '' || rel.startsWith('..') || path.isAbsolute(rel)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
