import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createBridge, INVOKE_CHANNEL, MENU_ACTIONS, MENU_CHANNEL, PRELOAD_API_KEYS, type IpcLike } from '../../../electron/preload/api';

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

  it('index.ts exposes the bridge once, under "workbench", and nothing else', () => {
    const src = readFileSync(fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url)), 'utf8');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toMatch(/exposeInMainWorld\('workbench', createBridge\(ipcRenderer, process\.platform\)\)/);
    expect(src).toMatch(/export \{ PRELOAD_API_KEYS \}/);
    expect(src).not.toMatch(/exposeInIsolatedWorld|webFrame|require\(/);
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
