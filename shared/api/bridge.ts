// The two transports' fixed names, written once for both ends: the Electron bridge (what the preload
// exposes as window.workbench, its IPC channels, the File-menu commands) and the localhost host's RPC path
// and token header. The preload's bridge object is checked against WorkbenchBridge with `satisfies`.
import type { RpcResponse } from './rpc';

/** The one request channel (ipcMain.handle in the main process). */
export const INVOKE_CHANNEL = 'workbench:invoke';
/** Menu commands from the main process to the renderer. */
export const MENU_CHANNEL = 'workbench:menu';

/** The host's one API endpoint (POST, JSON). */
export const RPC_PATH = '/api/rpc';
/** The header every host API call carries the per-run token in (a foreign page cannot set it without CORS). */
export const TOKEN_HEADER = 'x-workbench-token';

/** Menu commands the renderer handles (File menu). */
export const MENU_ACTIONS = ['import', 'import-folder', 'export-md', 'export-csv', 'export-json'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(v: unknown): v is MenuAction {
  return typeof v === 'string' && (MENU_ACTIONS as readonly string[]).includes(v);
}

/** What the Electron preload exposes as window.workbench, and nothing more. */
export interface WorkbenchBridge {
  /** Calls one API method; resolves to the main process's RpcResponse. */
  invoke(method: string, input?: unknown): Promise<RpcResponse>;
  /** Subscribes to File-menu commands; returns the unsubscribe function. */
  onMenu(cb: (action: MenuAction) => void): () => void;
  platform: string;
}
