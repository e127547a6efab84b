// Layout: header; then either list | reader | annotation panel, or the claims table | evidence pane.
// A library that opened in recovery mode shows the recovery screen instead.
import { useCallback, useEffect } from 'react';
import '../styles/base.css';
import './layout.css';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { useDropImport } from '../features/import/use-drop-import';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { HeaderBar } from './HeaderBar';
import { ErrorBanner } from './ErrorBanner';
import { ImportReportPanel } from '../features/import/ImportReportPanel';
import { ArticleList } from '../features/articles/ArticleList';
import { Reader } from '../features/reader/Reader';
import { AnnotationPanel } from '../features/annotations/AnnotationPanel';
import { ClaimsView } from '../features/claims/ClaimsView';
import { Toast } from './Toast';
import { DropOverlay } from '../features/import/DropOverlay';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';

export function App() {
  const store = useAppStoreApi();
  const recovery = useAppStore((s) => s.appInfo?.recovery);

  useEffect(() => {
    const s = store.getState();
    void s.loadAppInfo();
    void s.loadArticles();
    // Claims feed the tag form's typeahead and the annotation list's labels, so they load up front.
    void s.loadClaims();
  }, [store]);

  // A damaged library: only the recovery screen (its restore reloads app info, articles and claims).
  return recovery ? <RecoveryScreen recovery={recovery} /> : <Workspaces />;
}

function Workspaces() {
  const store = useAppStoreApi();
  const view = useAppStore((s) => s.view);

  useGlobalShortcuts();
  useMenuCommands();
  const onFiles = useCallback((files: File[]) => void store.getState().importFiles(files), [store]);
  const onDropError = useCallback((err: unknown) => store.getState().showError(err), [store]);
  const dragging = useDropImport(onFiles, onDropError);

  return (
    <div className="app" data-testid="app-root">
      <HeaderBar />
      <ErrorBanner />
      <ImportReportPanel />
      {/* The articles workspace stays mounted while the claims view shows, keeping list and reader scroll. */}
      <main className="workspace workspace--articles" hidden={view !== 'articles'}>
        <ArticleList />
        <Reader />
        <AnnotationPanel />
      </main>
      {view === 'claims' && (
        <main className="workspace workspace--claims">
          <ClaimsView />
        </main>
      )}
      <Toast />
      {dragging && <DropOverlay />}
    </div>
  );
}
