// Navigation and window-opening policy, Electron-free so it can be tested in plain Node.
import { checkExternalUrl } from '../../shared/domain/external-url';
import { isAppUrl } from './app-url';

/** A page of ours may navigate (or be redirected) only within the app origin. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/**
 * window.open / target=_blank: never a new window. An http(s) link is handed to the system browser
 * (through openExternalChecked, which checks again); anything else is dropped.
 */
export function windowOpenDecision(url: string): { action: 'deny'; external: string | null } {
  return { action: 'deny', external: checkExternalUrl(url) };
}

/** Open-dialog properties for importing. On Windows and Linux a dialog cannot pick both files and folders
 *  (asking for both shows a folder-only picker), so there Import… picks files and Import Folder… folders;
 *  macOS picks either from both. */
export function importDialogProperties(
  platform: string,
  kind: 'files' | 'folders' = 'files',
): Array<'openFile' | 'openDirectory' | 'multiSelections'> {
  if (platform === 'darwin') return ['openFile', 'openDirectory', 'multiSelections'];
  return kind === 'folders' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
}
