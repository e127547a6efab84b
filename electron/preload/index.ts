// The sandboxed preload: exposes window.workbench (invoke, onMenu, platform) and nothing else.
// Built as one CommonJS file (out/preload/preload.cjs) with only 'electron' left external.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, PRELOAD_API_KEYS } from './api';

export { PRELOAD_API_KEYS };

contextBridge.exposeInMainWorld('workbench', createBridge(ipcRenderer, process.platform));
