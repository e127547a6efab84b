// The BrowserWindow options, kept free of Electron imports (types only) so a unit test pins them exactly.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function webPreferences(opts: { preloadPath: string; isPackaged: boolean }): WebPreferences {
  return {
    preload: opts.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
    devTools: !opts.isPackaged,
  };
}

export function windowOptions(opts: {
  preloadPath: string;
  isPackaged: boolean;
  title: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(opts),
  };
}
