// Header: app and library name, the two views, import, export, the library's settings and help.
import './header.css';
import { useAppStore } from '../state/store-context';
import { ImportButton } from '../features/import/ImportButton';
import { ExportButtons } from '../features/export/ExportButtons';
import { HelpPopover } from './HelpPopover';
import { SettingsButton } from '../features/settings/SettingsButton';

export function HeaderBar() {
  const libraryName = useAppStore((s) => s.appInfo?.libraryName ?? '');
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const progress = useAppStore((s) => s.importProgress);

  return (
    <header className="header">
      <div className="header-brand">
        <span className="header-app">Analyst Workbench</span>
        {libraryName && (
          <span className="header-library" data-testid="library-name" title="Open library">
            {libraryName}
          </span>
        )}
      </div>
      <nav className="header-nav" aria-label="Views">
        <button
          type="button"
          data-testid="nav-articles"
          aria-pressed={view === 'articles'}
          onClick={() => setView('articles')}
        >
          Articles
        </button>
        <button
          type="button"
          data-testid="nav-claims"
          aria-pressed={view === 'claims'}
          onClick={() => setView('claims')}
        >
          Claims
        </button>
      </nav>
      <div className="header-actions">
        {progress && (
          <span className="import-progress" role="status" data-testid="import-progress">
            Importing {progress.done}/{progress.total}…
          </span>
        )}
        <ImportButton />
        <ExportButtons />
        <SettingsButton />
        <HelpPopover />
      </div>
    </header>
  );
}
