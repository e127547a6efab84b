// The gear in the header: opens the library's settings (SettingsDialog) below it.
import { useAppStore } from '../../state/store-context';
import { SettingsDialog } from './SettingsDialog';

export function SettingsButton() {
  const open = useAppStore((s) => s.settingsOpen);
  const openSettings = useAppStore((s) => s.openSettings);
  const close = useAppStore((s) => s.closeSettings);
  return (
    <div className="menu">
      <button
        type="button"
        className="button button--round"
        aria-label="Library settings"
        aria-expanded={open}
        title="Library settings (Ctrl/⌘+,)"
        data-testid="settings-button"
        onClick={() => (open ? close() : void openSettings())}
      >
        ⚙
      </button>
      {open && <SettingsDialog />}
    </div>
  );
}
