// Pins of the Electron shell that the other shell tests do not already hold:
// - the window electron/main/index.ts really opens gets exactly the pinned options (its literal restatement of
//   the isolation switches, there for Electronegativity, changes nothing);
// - every WebContents is hardened through 'web-contents-created', registered before the app is ready;
// - openExternal is called in exactly the two reviewed places, each behind checkExternalUrl (this is what lets
//   `npm test` skip Electronegativity's OpenExternalJSCheck, which only asks for a manual review);
// - the app:// path mapping stays inside out/renderer for any URL at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { webPreferences, windowOptions } from '../../../electron/main/window-options';
import { resolveRendererPath } from '../../../electron/main/protocol-path';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Fn[]>();
    on(ev: string, fn: Fn) {
      this.listeners.set(ev, [...(this.listeners.get(ev) ?? []), fn]);
      return this;
    }
    once(ev: string, fn: Fn) {
      return this.on(ev, fn);
    }
  }
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const session = Object.assign(new Emitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    setName: vi.fn(),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    isReady: () => true,
    getPath: (name: string) => `/fake/${name}`,
    getVersion: () => '1.0.0',
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const created: Array<Record<string, unknown>> = [];
  const listenersAtReady: string[] = [];
  class BrowserWindow extends Emitter {
    static getAllWindows = () => [];
    webContents = Object.assign(new Emitter(), { id: 1, mainFrame: { processId: 1, routingId: 1 }, send: vi.fn(), session });
    loadURL = vi.fn(async () => undefined);
    constructor(options: Record<string, unknown>) {
      super();
      created.push(options);
    }
    isDestroyed = () => false;
  }
  return {
    app,
    session,
    created,
    listenersAtReady,
    markReady: () => {
      listenersAtReady.push(...app.listeners.keys());
      markReady();
    },
    BrowserWindow,
  };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.BrowserWindow,
  dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({})) },
  ipcMain: { handle: vi.fn() },
  Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: h.session },
  shell: { openExternal: vi.fn() },
}));
vi.mock('../../../electron/services/workbench', () => ({ openWorkbench: vi.fn(async () => ({ dispatch: vi.fn(), close: vi.fn() })) }));

await import('../../../electron/main/index');
h.markReady();
await new Promise((r) => setTimeout(r, 10));

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...tsFiles(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(rel.split(path.sep).join('/'));
  }
  return out;
}

describe('the main window', () => {
  it('is created once, with exactly the pinned options (packaged: no devTools)', () => {
    expect(h.created).toHaveLength(1);
    const opts = h.created[0]!;
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
    const call = src.slice(at, src.indexOf('});', at));
    expect(call).toMatch(/webPreferences: \{ \.\.\.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true \}/);
  });

  it('every WebContents is hardened: the web-contents-created hook exists before ready', () => {
    expect(h.listenersAtReady).toContain('web-contents-created');
    expect(h.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(h.session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
  });
});

describe('openExternal call sites', () => {
  const REVIEWED: Record<string, string> = {
    'electron/main/external.ts': 'shell.openExternal(',
    'electron/services/handlers.ts': 'ports.openExternal(',
  };

  it('only the reviewed files call openExternal, each after checkExternalUrl', () => {
    const files = [...tsFiles('electron'), ...tsFiles('shared'), ...tsFiles('renderer/src')];
    expect(files.length).toBeGreaterThan(30);
    const callers = files.filter((f) => /\.openExternal\s*\(|\[\s*['"]openExternal['"]\s*\]/.test(code(read(f))));
    expect(callers.sort()).toEqual(Object.keys(REVIEWED).sort());
    for (const [file, call] of Object.entries(REVIEWED)) {
      const src = code(read(file));
      expect(src.split(call).length - 1, file).toBe(1);
      const check = src.lastIndexOf('checkExternalUrl(', src.indexOf(call));
      expect(check, file).toBeGreaterThan(-1);
    }
  });
});

describe('app:// paths', () => {
  const rendererRoot = path.resolve('/opt/app/out/renderer');
  it('any URL at all maps to nothing or to a file inside out/renderer', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '%00', '\\', '..\\..', 'C:', 'index.html', 'assets', '.env', '~', '%252e%252e'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.constantFrom('app://workbench/', 'app://WORKBENCH/', 'app://workbench//', 'app://workbench/./'), (parts, prefix) => {
        const file = resolveRendererPath(prefix + parts.join('/'), rendererRoot);
        if (file === null) return;
        const rel = path.relative(rendererRoot, file);
        expect(rel === '' || rel.startsWith('..') || path.isAbsolute(rel)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
