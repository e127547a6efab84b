import { describe, expect, it } from 'vitest';
import { webPreferences, windowOptions } from '../../../electron/main/window-options';

describe('BrowserWindow options', () => {
  it('pins the webPreferences exactly (packaged)', () => {
    expect(webPreferences({ preloadPath: '/app/out/preload/preload.cjs', isPackaged: true })).toStrictEqual({
      preload: '/app/out/preload/preload.cjs',
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
      devTools: false,
    });
  });

  it('allows devTools only when not packaged', () => {
    expect(webPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
    expect(webPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
  });

  it('uses the CommonJS preload and the same webPreferences in the window options', () => {
    const opts = windowOptions({
      preloadPath: '/x/preload.cjs',
      isPackaged: true,
      title: 'Analyst Workbench',
    });
    expect(opts.webPreferences).toStrictEqual(
      webPreferences({ preloadPath: '/x/preload.cjs', isPackaged: true }),
    );
    expect(opts.show).toBe(false);
    expect(opts.title).toBe('Analyst Workbench');
  });
});
