// What happened to each imported file: imported / duplicate / refused, with the reason.
import type { ImportFileResult } from '../../../shared/types';
import '../styles/import-report.css';
import { useAppStore } from '../state/store-context';

function detail(r: ImportFileResult): string {
  if (r.status === 'refused') return r.reason ?? 'refused';
  if (r.status === 'duplicate') return r.reason ?? (r.title ? `already in the library as “${r.title}”` : 'already in the library');
  return r.title ?? '';
}

export function ImportReportPanel() {
  const report = useAppStore((s) => s.importReport);
  const dismiss = useAppStore((s) => s.dismissImportReport);
  const openArticle = useAppStore((s) => s.openArticle);
  const setView = useAppStore((s) => s.setView);
  if (!report) return null;
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <div className="import-report-head">
        <strong>
          Import: {report.imported} imported, {report.duplicates} duplicate{report.duplicates === 1 ? '' : 's'}, {report.refused} refused
        </strong>
        <button type="button" className="link-button" onClick={dismiss} data-testid="dismiss-import-report">
          Dismiss
        </button>
      </div>
      <ul className="import-results">
        {report.results.map((r, i) => {
          const d = detail(r);
          const text = `${r.fileName} — ${r.status}${d ? `: ${d}` : ''}`;
          return (
            <li key={`${i}-${r.fileName}`} className={`import-result import-result--${r.status}`} data-testid="import-result" data-status={r.status}>
              {r.articleId ? (
                <button
                  type="button"
                  className="link-button"
                  title="Open in the reader"
                  onClick={() => {
                    setView('articles');
                    if (r.articleId) void openArticle(r.articleId);
                  }}
                >
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
