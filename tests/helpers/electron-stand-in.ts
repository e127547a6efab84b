// One stand-in for the 'electron' module, for the shell tests that load electron/main or electron/preload in
// plain Node (the real module throws outside Electron). Each test file makes its own and mocks with it:
//   const electron = createElectronStandIn({ isPackaged: false });
//   vi.mock('electron', () => electron.module);
// vi.mock's factory runs only when 'electron' is first imported, i.e. at the test's `await import(...)`.
import { vi } from 'vitest';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class Emitter {
  listeners = new Map<string, Fn[]>();
  on(ev: string, fn: Fn) {
    this.listeners.set(ev, [...(this.listeners.get(ev) ?? []), fn]);
    return this;
  }
  once(ev: string, fn: Fn) {
    return this.on(ev, fn);
  }
  emit(ev: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(ev) ?? []) fn(...args);
  }
}

export function makeSession() {
  return Object.assign(new Emitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
}

export interface StandInOptions {
  isPackaged?: boolean;
  version?: string;
}

export function createElectronStandIn({ isPackaged = false, version = '1.0.0' }: StandInOptions = {}) {
  /** The calls that must happen before ready, in the order they happened. */
  const order: string[] = [];
  /** The app events with a listener at the moment the app became ready. */
  const listenersAtReady: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const defaultSession = makeSession();
  const app = Object.assign(new Emitter(), {
    isPackaged,
    setName: vi.fn(() => order.push('setName')),
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => ready,
    isReady: () => true,
    getPath: (name: string) => `/fake/${name}`,
    getVersion: () => version,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows;
    webContents = Object.assign(new Emitter(), {
      id: 7,
      mainFrame: { processId: 4, routingId: 1 },
      send: vi.fn(),
      session: defaultSession,
    });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const ipcMain = { handle: vi.fn() };
  const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
  const dialog = {
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(async () => ({})),
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(),
  };
  const shell = { openExternal: vi.fn(async (_url: string, _opts?: unknown) => undefined) };
  // The preload's side.
  const contextBridge = { exposeInMainWorld: vi.fn(), exposeInIsolatedWorld: vi.fn() };
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async () => undefined),
    removeListener: vi.fn(),
  });

  return {
    /** What vi.mock('electron', ...) returns. */
    module: {
      app,
      BrowserWindow,
      contextBridge,
      dialog,
      ipcMain,
      ipcRenderer,
      Menu,
      protocol,
      session: { defaultSession },
      shell,
    },
    app,
    BrowserWindow,
    windows,
    defaultSession,
    protocol,
    ipcMain,
    Menu,
    dialog,
    shell,
    contextBridge,
    ipcRenderer,
    order,
    listenersAtReady,
    /** Resolves app.whenReady(), noting which app events had listeners by then. */
    markReady() {
      listenersAtReady.push(...app.listeners.keys());
      resolveReady();
    },
  };
}
