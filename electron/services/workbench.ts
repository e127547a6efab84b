// Composition of the services behind the API contract. The Electron main process and the localhost host
// both call openWorkbench(); each passes the ports only its shell has (native dialogs, the system browser).
import type { Dispatch } from '../../shared/dispatcher';
import type { ExportFile } from '../../shared/types';

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
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  libraryDir: string;
  version: string;
  ports: ShellPorts;
}

export declare function openWorkbench(opts: OpenWorkbenchOptions): Promise<Workbench>;
