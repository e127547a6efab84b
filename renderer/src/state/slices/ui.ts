// App-wide UI state: the current view, app info, the error banner, toasts, the tag form's frozen target, and
// restoring a backup when the library opened in recovery mode (app.info carries `recovery`).
import type { AppInfo, ExportFormat, RestoreBackupResult } from '../../../../shared/domain/types';
import { downloadFile } from '../../features/export/download';
import type { SliceCreator } from '../store-types';
import type { ReaderSelection } from '../../features/reader/reader-slice';

export type View = 'articles' | 'claims';

export interface Notice {
  id: number;
  message: string;
}

export interface UiSlice {
  view: View;
  appInfo: AppInfo | null;
  error: Notice | null;
  toast: Notice | null;
  /** The selection being tagged; frozen when the form opens, so later selection changes cannot move it. */
  tagging: ReaderSelection | null;
  helpOpen: boolean;
  /** Recovery mode: the backup being restored, and the last restore's error as the API gave it. */
  restoringBackupId: string | null;
  recoveryError: string | null;
  setHelpOpen(open: boolean): void;
  setView(view: View): void;
  loadAppInfo(): Promise<void>;
  /** Restore a backup; on success reload app info, articles and claims (the normal app then shows). */
  restoreBackup(backupId: string): Promise<boolean>;
  showError(err: unknown): void;
  dismissError(): void;
  showToast(message: string): void;
  dismissToast(): void;
  /** Electron saves through its dialog; the browser host downloads the built file. */
  exportNotes(format: ExportFormat): Promise<void>;
  startTagging(): boolean;
  cancelTagging(): void;
}

let noticeId = 0;

/** The message exactly as the API gave it; other failures keep their own message. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What a restore kept beyond the backup: articles imported after it, listed again (none: no toast). */
export function restoredNote({
  readded = 0,
  annotationsLeftAside = 0,
}: Partial<RestoreBackupResult>): string | null {
  if (!readded) return null;
  const kept = `Backup restored; ${plural(readded, 'article', 'articles')} imported after it ${readded === 1 ? 'is' : 'are'} kept.`;
  if (!annotationsLeftAside) return kept;
  const on = `${plural(annotationsLeftAside, 'annotation', 'annotations')} on ${readded === 1 ? 'it' : 'them'}`;
  return `${kept} ${on} ${annotationsLeftAside === 1 ? 'stays' : 'stay'} in the damaged folder: the backup lacks their claims.`;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get, api) => ({
  view: 'articles',
  appInfo: null,
  error: null,
  toast: null,
  tagging: null,
  helpOpen: false,
  restoringBackupId: null,
  recoveryError: null,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setView: (view) => {
    set({ view });
    if (view === 'claims') void get().loadClaims();
  },
  loadAppInfo: async () => {
    try {
      set({ appInfo: await api.call('app.info', {}) });
    } catch (err) {
      get().showError(err);
    }
  },
  restoreBackup: async (backupId) => {
    if (get().restoringBackupId) return false;
    set({ restoringBackupId: backupId, recoveryError: null });
    let restored: RestoreBackupResult;
    try {
      restored = await api.call('library.restoreBackup', { backupId });
    } catch (err) {
      set({ restoringBackupId: null, recoveryError: errorMessage(err) });
      // The list may have changed meanwhile (a backup gone): refresh it, quietly; the error above stands.
      try {
        set({ appInfo: await api.call('app.info', {}) });
      } catch {
        // keep the list shown
      }
      return false;
    }
    // The loads made while the library was damaged failed: drop their error and load again. Articles and
    // claims first, so that the normal app (shown once app info has no `recovery`) opens with its data.
    set({ error: null });
    try {
      const [appInfo] = await Promise.all([
        api.call('app.info', {}),
        get().loadArticles(),
        get().loadClaims(),
      ]);
      set({ appInfo, restoringBackupId: null });
      const note = restoredNote(restored);
      if (note) get().showToast(note);
      return true;
    } catch (err) {
      set({ restoringBackupId: null, recoveryError: errorMessage(err) });
      return false;
    }
  },
  showError: (err) => set({ error: { id: ++noticeId, message: errorMessage(err) } }),
  dismissError: () => set({ error: null }),
  showToast: (message) => set({ toast: { id: ++noticeId, message } }),
  dismissToast: () => set({ toast: null }),
  exportNotes: async (format) => {
    try {
      if (get().appInfo?.nativeDialogs) {
        const res = await api.call('export.save', { format });
        if (res.saved) get().showToast(`Exported ${res.fileName ?? format.toUpperCase()}`);
      } else {
        const file = await api.call('export.build', { format });
        downloadFile(file);
        get().showToast(`Downloaded ${file.fileName}`);
      }
    } catch (err) {
      get().showError(err);
    }
  },
  startTagging: () => {
    const { selection, article, tagging } = get();
    // An open form keeps its target; a new selection is tagged after saving or cancelling.
    if (tagging || !selection || !article || selection.articleId !== article.id) return false;
    set({ tagging: selection });
    return true;
  },
  cancelTagging: () => set({ tagging: null }),
});
