// The main process (electron/main/index.ts) run against a stand-in 'electron' module: what it registers
// before ready, the window it opens, the IPC sender check, the guards on every WebContents and the session.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createElectronStandIn, Emitter, makeSession } from '../../helpers/electron-stand-in';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

const e = createElectronStandIn({ isPackaged: false, version: '9.8.7' });
const dispatch = vi.fn(async (method: string) => ({ ok: true, result: { method } }));
const close = vi.fn(async () => undefined);
const openWorkbench = vi.fn(async (_opts: unknown) => ({ dispatch, close }));
const h = { ...e, dispatch, close, openWorkbench };

vi.mock('electron', () => e.module);
vi.mock('../../../electron/services/workbench', () => ({ openWorkbench }));

const savedArgv = process.argv;
process.argv = [...savedArgv, '--library', '/data/my-library'];
await import('../../../electron/main/index');
const orderBeforeReady = [...h.order];
const handledBeforeReady = h.protocol.handle.mock.calls.length;
h.markReady();
await new Promise((r) => setTimeout(r, 10));
process.argv = savedArgv;

afterAll(() => {
  process.argv = savedArgv;
});

const win = () => h.windows[0]!;
const invoke = () => h.ipcMain.handle.mock.calls[0]![1] as Fn;
const goodEvent = () => ({
  sender: { id: 7 },
  senderFrame: { url: 'app://workbench/index.html', parent: null, processId: 4, routingId: 1 },
});

describe('main process wiring (stand-in electron)', () => {
  it('before ready: sandbox for all renderers and the privileged app scheme, nothing served yet', () => {
    expect(orderBeforeReady).toStrictEqual(['setName', 'enableSandbox', 'registerSchemesAsPrivileged']);
    expect(h.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(handledBeforeReady).toBe(0);
  });

  it('on ready: serves app://, opens the workbench on the --library dir, loads app://workbench/', () => {
    expect(h.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(h.openWorkbench).toHaveBeenCalledTimes(1);
    const opts = h.openWorkbench.mock.calls[0]![0] as {
      libraryDir: string;
      version: string;
      ports: Record<string, unknown>;
    };
    expect(opts.libraryDir).toBe(path.resolve('/data/my-library'));
    expect(opts.version).toBe('9.8.7');
    expect(opts.ports.shell).toBe('electron');
    expect(Object.keys(opts.ports).sort()).toStrictEqual([
      'openExternal',
      'pickImportPaths',
      'saveExport',
      'shell',
    ]);
    expect(h.windows).toHaveLength(1);
    const prefs = win().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(prefs.preload).endsWith(path.join('preload', 'preload.cjs'))).toBe(true);
    expect(win().loadURL).toHaveBeenCalledWith('app://workbench/index.html');
    expect(h.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('IPC: our main frame reaches the dispatcher', async () => {
    h.dispatch.mockClear();
    await expect(invoke()(goodEvent(), 'app.info', {})).resolves.toStrictEqual({
      ok: true,
      result: { method: 'app.info' },
    });
    expect(h.ipcMain.handle.mock.calls[0]![0]).toBe('workbench:invoke');
    expect(h.dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it('IPC: anything else is refused before the dispatcher', async () => {
    h.dispatch.mockClear();
    const bad = [
      { ...goodEvent(), senderFrame: null },
      { ...goodEvent(), sender: { id: 8 } },
      { ...goodEvent(), senderFrame: { ...goodEvent().senderFrame, url: 'https://example.com/' } },
      { ...goodEvent(), senderFrame: { ...goodEvent().senderFrame, parent: {} } },
      { ...goodEvent(), senderFrame: { ...goodEvent().senderFrame, routingId: 9 } },
    ];
    for (const ev of bad) {
      await expect(invoke()(ev, 'app.info', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'refused' },
      });
    }
    expect(h.dispatch).not.toHaveBeenCalled();
  });

  it('guards every WebContents: navigation, redirects, webviews, window.open', () => {
    const contents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn(), session: makeSession() });
    h.app.emit('web-contents-created', {}, contents);
    const fire = (ev: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      contents.emit(ev, e);
      return e.preventDefault.mock.calls.length > 0;
    };
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(ev, 'https://example.com/'), ev).toBe(true);
      expect(fire(ev, 'file:///etc/passwd'), ev).toBe(true);
      expect(fire(ev, 'app://workbench/index.html'), ev).toBe(false);
    }
    expect(fire('will-attach-webview', 'app://workbench/index.html')).toBe(true);

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as Fn;
    h.shell.openExternal.mockClear();
    expect(openHandler({ url: 'https://example.com/x' })).toStrictEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toStrictEqual({ action: 'deny' });
    expect(openHandler({ url: 'javascript:alert(1)' })).toStrictEqual({ action: 'deny' });
    expect(h.shell.openExternal.mock.calls.map((c: unknown[]) => c[0])).toStrictEqual([
      'https://example.com/x',
    ]);
    // Its session is hardened too.
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('denies every permission, download and network request in the session', () => {
    const ses = h.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as Fn;
    const cb = vi.fn();
    request({}, 'media', cb);
    request({}, 'notifications', cb);
    expect(cb.mock.calls).toStrictEqual([[false], [false]]);
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as Fn;
    expect(check({}, 'clipboard-read')).toBe(false);
    const dl = { preventDefault: vi.fn() };
    ses.emit('will-download', dl);
    expect(dl.preventDefault).toHaveBeenCalled();
    const [filter, onBefore] = ses.webRequest.onBeforeRequest.mock.calls[0]! as [{ urls: string[] }, Fn];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const netCb = vi.fn();
    onBefore({ url: 'https://example.com/' }, netCb);
    expect(netCb).toHaveBeenCalledWith({ cancel: true });
  });

  it('File menu commands are sent to the renderer', () => {
    const template = h.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{
      label?: string;
      submenu?: Array<{ id?: string; click?: Fn }>;
    }>;
    const file = template.find((m) => m.label === '&File')!.submenu!;
    file.find((i) => i.id === 'import')!.click!();
    file.find((i) => i.id === 'export-csv')!.click!();
    expect(win().webContents.send.mock.calls).toStrictEqual([
      ['workbench:menu', 'import'],
      ['workbench:menu', 'export-csv'],
    ]);
  });

  it('closes the workbench before quitting', async () => {
    const ev = { preventDefault: vi.fn() };
    h.app.emit('before-quit', ev);
    expect(ev.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 10));
    expect(h.close).toHaveBeenCalledTimes(1);
    expect(h.app.quit).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    h.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
