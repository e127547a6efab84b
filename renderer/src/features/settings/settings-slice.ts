// The library's settings dialog: the per-file import caps and the library's own outlet names. The dialog
// loads settings.get when it opens; a save goes through settings.update (which checks everything again) and
// then reloads app.info, whose importLimits the import job uses to decide which files to send, and, when
// outlet names changed stored articles, the article list and the open article.
import type { ImportSizeLimits } from '../../../../shared/api/rpc';
import type { SettingsView } from '../../../../shared/domain/types';
import type { SliceCreator } from '../../state/store-types';
import { errorMessage } from '../../state/slices/ui';

export interface SettingsSlice {
  settingsOpen: boolean;
  /** What settings.get answered; null until the dialog has loaded it. */
  settingsView: SettingsView | null;
  settingsSaving: boolean;
  /** The last load or save error, as the API gave it (shown in the dialog, which stays open). */
  settingsError: string | null;
  openSettings(): Promise<void>;
  closeSettings(): void;
  /** Save the caps and any outlet-name changes (name null to forget); true when saved (the dialog then closes). */
  saveSettings(change: {
    importLimits: ImportSizeLimits;
    outletNames?: Array<{ domain: string; name: string | null }>;
  }): Promise<boolean>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, api) => ({
  settingsOpen: false,
  settingsView: null,
  settingsSaving: false,
  settingsError: null,
  openSettings: async () => {
    set({ settingsOpen: true, settingsError: null, helpOpen: false });
    try {
      set({ settingsView: await api.call('settings.get', {}) });
    } catch (err) {
      set({ settingsError: errorMessage(err) });
    }
  },
  closeSettings: () => set({ settingsOpen: false, settingsError: null }),
  saveSettings: async (change) => {
    if (get().settingsSaving) return false;
    set({ settingsSaving: true, settingsError: null });
    let renamed = 0;
    try {
      const view = await api.call('settings.update', change);
      renamed = view.renamed ?? 0;
      set({ settingsView: view });
    } catch (err) {
      set({ settingsSaving: false, settingsError: errorMessage(err) });
      return false;
    }
    // The caps the next import uses come from app.info (settings plus any per-run override).
    await get().loadAppInfo();
    if (renamed) {
      await get().loadArticles();
      await get().reloadArticle();
      // The claims view lists each piece of evidence with its outlet.
      if (get().selectedClaimId) await get().loadEvidence();
    }
    set({ settingsSaving: false, settingsOpen: false });
    get().showToast(
      renamed
        ? `Settings saved: ${renamed.toLocaleString('en-US')} stored article${renamed === 1 ? '' : 's'} took the new outlet names`
        : 'Settings saved: they apply to the next import',
    );
    return true;
  },
});
