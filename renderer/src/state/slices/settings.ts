// The library's settings dialog: today the per-file import caps. The dialog loads settings.get when it
// opens; a save goes through settings.update (which checks the range again) and then reloads app.info, whose
// importLimits the import job uses to decide which files to send.
import type { ImportSizeLimits } from '../../../../shared/rpc';
import type { SettingsView } from '../../../../shared/types';
import type { SliceCreator } from '../store-types';
import { errorMessage } from './ui';

export interface SettingsSlice {
  settingsOpen: boolean;
  /** What settings.get answered; null until the dialog has loaded it. */
  settingsView: SettingsView | null;
  settingsSaving: boolean;
  /** The last load or save error, as the API gave it (shown in the dialog, which stays open). */
  settingsError: string | null;
  openSettings(): Promise<void>;
  closeSettings(): void;
  /** Save the caps; true when saved (the dialog then closes). */
  saveImportLimits(limits: ImportSizeLimits): Promise<boolean>;
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
  saveImportLimits: async (importLimits) => {
    if (get().settingsSaving) return false;
    set({ settingsSaving: true, settingsError: null });
    try {
      const view = await api.call('settings.update', { importLimits });
      set({ settingsView: view });
    } catch (err) {
      set({ settingsSaving: false, settingsError: errorMessage(err) });
      return false;
    }
    // The caps the next import uses come from app.info (settings plus any per-run override).
    await get().loadAppInfo();
    set({ settingsSaving: false, settingsOpen: false });
    get().showToast('Settings saved: they apply to the next import');
    return true;
  },
});
