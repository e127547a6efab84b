// The Electron main process: a thin shell around openWorkbench(). It serves the built renderer from
// app://workbench/ (never file://), hardens every WebContents, and carries the API over one IPC channel
// that only our own window's main frame may use.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RpcResponse } from '../../shared/api/contract';
import { openWorkbench, type Workbench } from '../services/workbench';
import { INVOKE_CHANNEL, MENU_CHANNEL, type MenuAction } from '../../shared/api/bridge';
import { createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME } from './app-url';
import { resolveLibraryDir } from './args';
import { openExternalChecked } from './external';
import { menuTemplate } from './menu';
import { mayNavigate, windowOpenDecision } from './navigation';
import { checkSender } from './sender-check';
import { createShellPorts } from './shell-ports';
import { windowOptions } from './window-options';

const PRODUCT_NAME = 'Analyst Workbench';
// out/main/main.js → out/
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererRoot = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload', 'preload.cjs');

// --- Before ready: everything here must run synchronously at load (no top-level await above it). ---
app.setName(PRODUCT_NAME);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let workbenchReady: Promise<Workbench> | null = null;
let closing = false;
let closed = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // Close the library (flush pending writes) before quitting; once closed, let the quit go through.
  app.on('before-quit', (event) => {
    if (closed || !workbenchReady) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    workbenchReady
      .then((wb) => wb.close())
      .catch((err: unknown) => console.error('workbench: close failed:', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fatal);
}

function start(): void {
  const libraryDir = resolveLibraryDir(process.argv, process.env, app.getPath('userData'));
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

  // A damaged library opens in recovery mode: the window then offers its backups instead of the app.
  // Imports run in worker threads beside this bundle. In a packaged app the worker would load from inside
  // app.asar, which could not be verified here without the Electron binary, so packaged builds extract in
  // the main process (still one file at a time, with each format's own limits).
  const extractorWorker = app.isPackaged
    ? undefined
    : path.join(path.dirname(fileURLToPath(import.meta.url)), 'extract-worker.js');
  workbenchReady = openWorkbench({
    libraryDir,
    version: app.getVersion(),
    ports: createShellPorts(() => mainWindow),
    recovery: true,
    extractorWorker,
  });
  workbenchReady.catch((err: unknown) =>
    fatal(new Error(`The library at ${libraryDir} could not be opened: ${errorMessage(err)}`)),
  );

  ipcMain.handle(INVOKE_CHANNEL, invoke);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: PRODUCT_NAME,
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        send: sendMenu,
        about: () => showAbout(libraryDir),
      }),
    ),
  );
  createWindow();
}

function createWindow(): void {
  const { webPreferences, ...frame } = windowOptions({
    preloadPath,
    isPackaged: app.isPackaged,
    title: PRODUCT_NAME,
  });
  // The isolation switches are restated here, last so that nothing spread in can weaken them, and literally so
  // that Electronegativity (npm test) sees them: it reads only an object literal at `new BrowserWindow`.
  // window-options.test.ts pins the same values; tests/unit/security checks the window gets exactly those.
  const win = new BrowserWindow({
    ...frame,
    webPreferences: {
      ...webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

// --- IPC: one channel, only from our window's main frame on the app origin. ---
async function invoke(event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<RpcResponse> {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const frame = event.senderFrame;
  const verdict = checkSender({
    frame: frame
      ? { url: frame.url, parent: frame.parent, processId: frame.processId, routingId: frame.routingId }
      : null,
    senderWebContentsId: event.sender.id,
    window: win
      ? {
          webContentsId: win.webContents.id,
          mainFrame: {
            processId: win.webContents.mainFrame.processId,
            routingId: win.webContents.mainFrame.routingId,
          },
        }
      : null,
  });
  if (!verdict.ok) return { ok: false, error: { code: 'refused', message: `Refused: ${verdict.reason}.` } };
  if (!workbenchReady)
    return { ok: false, error: { code: 'unavailable', message: 'The library is not open.' } };
  try {
    const wb = await workbenchReady;
    return await wb.dispatch(typeof method === 'string' ? method : String(method), input);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: errorMessage(err) } };
  }
}

function sendMenu(action: MenuAction): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  win.webContents.send(MENU_CHANNEL, action);
}

// --- Hardening of every WebContents and session. ---
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.external !== null) void openExternalChecked(decision.external).catch(() => undefined);
    return { action: decision.action };
  });
  hardenSession(contents.session);
}

const hardened = new WeakSet<Session>();
function hardenSession(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  // The renderer never needs the network: its files come from app://, its data over IPC.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

function showAbout(libraryDir: string): void {
  const opts = {
    type: 'info' as const,
    title: `About ${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${app.getVersion()}`,
    detail: [
      'Claim-versus-source analysis of news coverage.',
      `Library: ${libraryDir}`,
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const win = mainWindow;
  void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function fatal(err: unknown): void {
  console.error(`${PRODUCT_NAME}:`, err);
  dialog.showErrorBox(PRODUCT_NAME, errorMessage(err));
  closed = true;
  app.exit(1);
}
