// Transport for the Electron shell: the sandboxed preload exposes one invoke() on window.workbench.
import type { ApiClient, MethodInput, MethodName, MethodOutput, RpcResponse } from '../../../shared/api/contract';
import { unwrapResponse } from './rpc';

export type MenuAction = 'import' | 'import-folder' | 'export-md' | 'export-csv' | 'export-json';

/** What the Electron preload exposes as window.workbench. */
export interface WorkbenchBridge {
  invoke(method: string, input: unknown): Promise<RpcResponse>;
  /** File-menu commands from the main process; returns the unsubscribe function. */
  onMenu?(cb: (action: MenuAction) => void): () => void;
  platform?: string;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

export function createIpcClient(bridge: WorkbenchBridge): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const response = await bridge.invoke(method, input);
      return unwrapResponse<MethodOutput<M>>(response);
    },
  };
}
