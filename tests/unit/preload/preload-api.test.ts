import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL, MENU_ACTIONS, MENU_CHANNEL } from '../../../shared/api/bridge';
import { createBridge, PRELOAD_API_KEYS, type IpcLike } from '../../../electron/preload/api';
import { createElectronStandIn } from '../../helpers/electron-stand-in';

const electron = createElectronStandIn();
vi.mock('electron', () => electron.module);

/** The pinned shape of window.workbench; tests/electron/shell.spec.ts checks the same list in a real window. */
const PINNED_KEYS = ['invoke', 'onMenu', 'platform'];

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcLike & { emit(channel: string, ...args: unknown[]): void; count(channel: string): number } = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'x' })),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel, ...args) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-internals' }, ...args);
    },
    count(channel) {
      return listeners.get(channel)?.size ?? 0;
    },
  };
  return ipc;
}

describe('preload bridge (window.workbench)', () => {
  it('exposes exactly the pinned keys', () => {
    expect([...PRELOAD_API_KEYS]).toStrictEqual(PINNED_KEYS);
    expect(Object.keys(createBridge(fakeIpc(), 'linux')).sort()).toStrictEqual([...PINNED_KEYS].sort());
  });

  // What index.ts may call is a lint rule (eslint.config.js: exposeInMainWorld once, at top level, as
  // 'workbench' with createBridge(...); no exposeInIsolatedWorld, webFrame or require); this is what it does.
  it('index.ts exposes the bridge once, under "workbench", with exactly the pinned keys', async () => {
    const preload = await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0]! as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('workbench');
    expect(Object.keys(bridge).sort()).toStrictEqual([...PINNED_KEYS].sort());
    expect(bridge.platform).toBe(process.platform);
    expect(electron.contextBridge.exposeInIsolatedWorld).not.toHaveBeenCalled();
    expect(preload.PRELOAD_API_KEYS).toBe(PRELOAD_API_KEYS);
    // It talks to the stand-in ipcRenderer on the one channel.
    await (bridge.invoke as (m: string, i: unknown) => Promise<unknown>)('app.info', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app.info', {});
  });

  it('invoke sends method and input on the one channel', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, 'linux');
    await expect(bridge.invoke('app.info', {})).resolves.toStrictEqual({ ok: true, result: 'x' });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app.info', {});
    await bridge.invoke('articles.list');
    expect(ipc.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'articles.list', {});
  });

  it('invoke refuses a method that is not a string', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, 'linux');
    for (const bad of [undefined, null, 42, {}, ['app.info'], '', 'x'.repeat(101)]) {
      await expect(bridge.invoke(bad as unknown as string, {})).rejects.toThrow(TypeError);
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('onMenu passes only known actions, never the IPC event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, 'darwin');
    const seen: unknown[][] = [];
    const off = bridge.onMenu((...args: unknown[]) => seen.push(args));
    for (const a of MENU_ACTIONS) ipc.emit(MENU_CHANNEL, a);
    ipc.emit(MENU_CHANNEL, 'rm -rf');
    ipc.emit(MENU_CHANNEL, { action: 'import' });
    expect(seen).toStrictEqual(MENU_ACTIONS.map((a) => [a]));
    expect(ipc.count(MENU_CHANNEL)).toBe(1);
    off();
    off();
    expect(ipc.count(MENU_CHANNEL)).toBe(0);
    ipc.emit(MENU_CHANNEL, 'import');
    expect(seen).toHaveLength(MENU_ACTIONS.length);
  });

  it('onMenu requires a function; platform is passed through', () => {
    const bridge = createBridge(fakeIpc(), 'win32');
    expect(() => bridge.onMenu('nope' as unknown as () => void)).toThrow(TypeError);
    expect(bridge.platform).toBe('win32');
  });
});
