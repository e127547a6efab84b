// Unit tests that drive the real services through the dispatcher, as both transports do: open workbenches
// on a temp library (closed together after each test), and call a method, throwing its error with its code.
import { openWorkbench, type OpenWorkbenchOptions, type Workbench } from '../../electron/services/workbench';

/** The method's result; its error (message and code) thrown as it would reach the UI. */
export async function callApi<T>(wb: Pick<Workbench, 'dispatch'>, method: string, input: unknown): Promise<T> {
  const r = await wb.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.result as T;
}

/** Workbenches opened by a test, host shell and quiet by default, and closed by closeAll(). */
export function workbenchPool() {
  const open: Workbench[] = [];
  return {
    async open(libraryDir: string, extra: Partial<OpenWorkbenchOptions> = {}): Promise<Workbench> {
      const wb = await openWorkbench({ libraryDir, version: 'test', ports: { shell: 'host' }, onInternalError: () => {}, ...extra });
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
