// What the preload exposes as window.workbench, built from an ipcRenderer-like object so it can be tested
// in plain Node. Nothing else crosses the bridge: no ipcRenderer, no events, no Node objects. The names and
// the type are shared with the main process and the renderer (shared/api/bridge).
import type { RpcResponse } from '../../shared/api/rpc';
import {
  INVOKE_CHANNEL,
  isMenuAction,
  MENU_CHANNEL,
  type MenuAction,
  type WorkbenchBridge,
} from '../../shared/api/bridge';

/** The exact keys of window.workbench (tests/electron checks them in a real window). */
export const PRELOAD_API_KEYS = ['invoke', 'onMenu', 'platform'] as const satisfies ReadonlyArray<
  keyof WorkbenchBridge
>;

/** The subset of ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcLike, platform: string): WorkbenchBridge {
  return {
    invoke(method: string, input?: unknown): Promise<RpcResponse> {
      if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
        return Promise.reject(new TypeError('workbench.invoke: method must be a non-empty string'));
      }
      // The main process's handler answers an RpcResponse; the renderer's client checks its shape again.
      return ipc.invoke(INVOKE_CHANNEL, method, input ?? {}) as Promise<RpcResponse>;
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
  } satisfies WorkbenchBridge;
}
