// Composition of the services behind the API contract. The Electron main process and the localhost host
// both call openWorkbench(); each passes the ports only its shell has (native dialogs, the system browser).
import { basename } from 'node:path';
import { createDispatcher, type Dispatch } from '../../shared/dispatcher';
import type { ExportFile } from '../../shared/types';
import { createHandlers } from './handlers';
import { createImporter, type Importer } from './importer';
import { createLibrary, type Library } from './library/library';
import { openLibraryStore } from './library/store';

export interface ShellPorts {
  shell: 'electron' | 'host';
  /** Electron: show a save dialog and write the export where the user chose. */
  saveExport?(file: ExportFile): Promise<{ saved: boolean; fileName?: string }>;
  /** Electron: show an open dialog; returns the absolute paths the user picked (files or folders), or null. */
  pickImportPaths?(): Promise<string[] | null>;
  /** Electron: open an already-checked http(s) URL in the system browser. */
  openExternal?(url: string): Promise<void>;
}

export interface Workbench {
  dispatch: Dispatch;
  library: Library;
  importer: Importer;
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  libraryDir: string;
  version: string;
  ports: ShellPorts;
  now?: () => Date;
  onInternalError?: (method: string, err: unknown) => void;
}

export async function openWorkbench(opts: OpenWorkbenchOptions): Promise<Workbench> {
  const store = await openLibraryStore(opts.libraryDir, opts.now);
  const library = createLibrary(store, opts.now);
  const importer = createImporter(library);
  const handlers = createHandlers({ library, importer, ports: opts.ports, version: opts.version, libraryName: basename(opts.libraryDir), now: opts.now });
  const dispatch = createDispatcher(handlers, {
    onInternalError: opts.onInternalError ?? ((method, err) => console.error(`[workbench] ${method}:`, err)),
  });
  return {
    dispatch,
    library,
    importer,
    // Writes are awaited by each call, so there is nothing pending to flush; close is for symmetry and locks.
    close: async () => {},
  };
}
