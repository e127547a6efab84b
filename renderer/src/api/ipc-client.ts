// Transport for the Electron shell: the sandboxed preload exposes one invoke() on window.workbench.
import type { ApiClient, MethodInput, MethodName, MethodOutput, RpcResponse } from '../../../shared/api-contract';
import { unwrapResponse } from './rpc';

export interface WorkbenchBridge {
  invoke(method: string, input: unknown): Promise<RpcResponse>;
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
