// The native half of the API: dialogs and the system browser. openWorkbench receives these as ShellPorts.
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShellPorts } from '../services/workbench';
import type { ExportFile } from '../../shared/domain/types';
import { openExternalChecked } from './external';
import { importDialogProperties } from './navigation';

const FILTER_NAMES: Record<string, string> = { md: 'Markdown', csv: 'CSV', json: 'JSON' };

function defaultDir(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}

export function createShellPorts(getWindow: () => BrowserWindow | null): ShellPorts {
  return {
    shell: 'electron',

    async saveExport(file: ExportFile) {
      const name = path.basename(file.fileName) || 'export';
      const ext = path.extname(name).slice(1).toLowerCase();
      const dir = defaultDir();
      const opts: SaveDialogOptions = {
        title: 'Export',
        defaultPath: dir ? path.join(dir, name) : name,
        filters: ext ? [{ name: FILTER_NAMES[ext] ?? ext.toUpperCase(), extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = getWindow();
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { saved: false };
      await writeFile(r.filePath, file.content, 'utf8');
      return { saved: true, fileName: path.basename(r.filePath) };
    },

    async pickImportPaths(kind: 'files' | 'folders' = 'files') {
      const opts: OpenDialogOptions = {
        title: kind === 'folders' ? 'Import folders of articles' : 'Import articles',
        properties: importDialogProperties(process.platform, kind),
      };
      const win = getWindow();
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      if (r.canceled || r.filePaths.length === 0) return null;
      return r.filePaths;
    },

    async openExternal(url: string) {
      if (!(await openExternalChecked(url))) throw new Error('Refused: only http(s) links can be opened');
    },
  };
}
