// Unit tests that drive the real services through the dispatcher, as both transports do: open workbenches
// on a temp library (closed together after each test), and call a method, throwing its error with its code.
import { openWorkbench, type OpenWorkbenchOptions, type Workbench } from '../../electron/services/workbench';
import { createDispatchClient } from '../../shared/api/client';
import type { MethodName } from '../../shared/api/contract';

/**
 * The method's result; its error thrown as the UI gets it (an ApiError with its code), through the same client
 * as the CLI's. Untyped on purpose: tests send input the contract refuses, and methods it does not have.
 */
export async function callApi<T>(
  wb: Pick<Workbench, 'dispatch'>,
  method: string,
  input: unknown,
): Promise<T> {
  return (await createDispatchClient(wb.dispatch).call(method as MethodName, input as never)) as T;
}

/** Workbenches opened by a test, host shell and quiet by default, and closed by closeAll(). */
export function workbenchPool() {
  const open: Workbench[] = [];
  return {
    async open(libraryDir: string, extra: Partial<OpenWorkbenchOptions> = {}): Promise<Workbench> {
      const wb = await openWorkbench({
        libraryDir,
        version: 'test',
        ports: { shell: 'host' },
        onInternalError: () => {},
        ...extra,
      });
      open.push(wb);
      return wb;
    },
    /** Forget the open ones (a test that closed them itself). */
    forget: () => void open.splice(0),
    async closeAll(): Promise<void> {
      for (const wb of open.splice(0)) await wb.close();
    },
  };
}
