// What the preload exposes as window.workbench, built from an ipcRenderer-like object so it can be tested
// in plain Node. Nothing else crosses the bridge: no ipcRenderer, no events, no Node objects.

/** The one request channel (ipcMain.handle in the main process). */
export const INVOKE_CHANNEL = 'workbench:invoke';
/** Menu commands from the main process to the renderer. */
export const MENU_CHANNEL = 'workbench:menu';

/** Menu commands the renderer handles (File menu). */
export const MENU_ACTIONS = ['import', 'import-folder', 'export-md', 'export-csv', 'export-json'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(v: unknown): v is MenuAction {
  return typeof v === 'string' && (MENU_ACTIONS as readonly string[]).includes(v);
}

/** The exact keys of window.workbench. */
export const PRELOAD_API_KEYS = ['invoke', 'onMenu', 'platform'] as const;

export interface WorkbenchBridge {
  /** Calls one API method; resolves to the RpcResponse from the main process. */
  invoke(method: string, input?: unknown): Promise<unknown>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(cb: (action: MenuAction) => void): () => void;
  platform: string;
}

/** The subset of ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcLike, platform: string): WorkbenchBridge {
  const bridge: WorkbenchBridge = {
    invoke(method: string, input?: unknown): Promise<unknown> {
      if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
        return Promise.reject(new TypeError('workbench.invoke: method must be a non-empty string'));
      }
      return ipc.invoke(INVOKE_CHANNEL, method, input ?? {});
    },
    onMenu(cb: (action: MenuAction) => void): () => void {
      if (typeof cb !== 'function') throw new TypeError('workbench.onMenu: callback must be a function');
      // The IPC event never reaches the page: only a known action string does.
      const listener = (_event: unknown, action: unknown) => {
        if (isMenuAction(action)) cb(action);
      };
      ipc.on(MENU_CHANNEL, listener);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(MENU_CHANNEL, listener);
      };
    },
    platform,
  };
  return bridge;
}
