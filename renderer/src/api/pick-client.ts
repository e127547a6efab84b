// Chooses the transport: the Electron preload bridge when present, else HTTP to the localhost host.
import type { ApiClient } from '../../../shared/api/contract';
import { createHttpClient, readWorkbenchToken } from './http-client';
import { createIpcClient } from './ipc-client';

export function pickClient(win: Window, doc: Document): ApiClient {
  const bridge = win.workbench;
  if (bridge && typeof bridge.invoke === 'function') return createIpcClient(bridge);
  return createHttpClient(readWorkbenchToken(doc));
}
