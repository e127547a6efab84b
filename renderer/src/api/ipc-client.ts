// Transport for the Electron shell: the sandboxed preload exposes one invoke() on window.workbench.
import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { WorkbenchBridge } from '../../../shared/api/bridge';
import { unwrapResponse } from '../../../shared/api/client';

declare global {
  interface Window {
    /** Only in the Electron shell (the preload); absent in a browser on the localhost host. */
    workbench?: WorkbenchBridge;
  }
}

export function createIpcClient(bridge: Pick<WorkbenchBridge, 'invoke'>): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const response = await bridge.invoke(method, input);
      return unwrapResponse<MethodOutput<M>>(response);
    },
  };
}
