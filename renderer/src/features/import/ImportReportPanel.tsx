// A running import's progress, then what happened to each file: imported / near-duplicate / duplicate /
// refused with the reason, and for a cancelled import the files not sent. Saves as CSV.
import { useMemo, useState } from 'react';
import type { ImportFileResult, ImportStatus } from '../../../../shared/domain/types';
import { countByStatus } from '../../../../shared/domain/import-report';
import './import-report.css';
import { useAppStore } from '../../state/store-context';
import { formatCount } from './import-progress';
import { ImportProgressPanel } from './ImportProgressPanel';

/** More lines than this are left to the CSV: thousands of list items would only slow the window down. */
export const MAX_REPORT_LINES = 1000;

function detail(r: ImportFileResult): string {
  if (r.status === 'refused') return r.reason ?? 'refused';
  if (r.status === 'duplicate')
    return r.reason ?? (r.title ? `already in the library as “${r.title}”` : 'already in the library');
  if (r.status === 'near-duplicate') return r.reason ?? 'near-duplicate';
  return r.title ?? '';
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

type Filter = ImportStatus | 'all';

export function ImportReportPanel() {
  return (
    <>
      <ImportProgressPanel />
      <ImportReport />
    </>
  );
}

function ImportReport() {
  const report = useAppStore((s) => s.importReport);
  const dismiss = useAppStore((s) => s.dismissImportReport);
  const save = useAppStore((s) => s.saveImportReport);
  const openArticle = useAppStore((s) => s.openArticle);
  const setView = useAppStore((s) => s.setView);
  // The filter belongs to one report: a new report starts with every line.
  const [choice, setChoice] = useState<{ report: unknown; filter: Filter }>({ report: null, filter: 'all' });
  const filter = choice.report === report ? choice.filter : 'all';
  const setFilter = (f: Filter) => setChoice({ report, filter: f });
  const shown = useMemo(
    () =>
      report ? (filter === 'all' ? report.results : report.results.filter((r) => r.status === filter)) : [],
    [report, filter],
  );
  if (!report) return null;
  const near = report.nearDuplicates ?? countByStatus(report.results)['near-duplicate'];
  const notSent = report.notSent ?? [];
  const counts: Array<{ status: ImportStatus; n: number; label: string }> = [
    { status: 'imported', n: report.imported, label: `${formatCount(report.imported)} imported` },
    { status: 'near-duplicate', n: near, label: plural(near, 'near-duplicate') },
    { status: 'duplicate', n: report.duplicates, label: plural(report.duplicates, 'duplicate') },
    { status: 'refused', n: report.refused, label: `${formatCount(report.refused)} refused` },
  ];
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <div className="import-report-head">
        <strong>
          Import{report.cancelled ? ' (cancelled)' : ''}:{' '}
          {counts.map((c, i) => (
            <span key={c.status}>
              {i > 0 ? ', ' : ''}
              <span data-testid={`import-count-${c.status}`} data-count={c.n}>
                {c.label}
              </span>
            </span>
          ))}
          {notSent.length > 0 && (
            <>
              ,{' '}
              <span data-testid="import-count-not-sent" data-count={notSent.length}>
                {formatCount(notSent.length)} not sent
              </span>
            </>
          )}
        </strong>
        <span className="import-report-actions">
          <button
            type="button"
            className="button"
            onClick={save}
            data-testid="save-import-report"
            title="One row per file: file, status, article id, title, reason"
          >
            Save report as CSV
          </button>
          <button type="button" className="link-button" onClick={dismiss} data-testid="dismiss-import-report">
            Dismiss
          </button>
        </span>
      </div>
      {notSent.length > 0 && (
        <p className="import-report-note" data-testid="import-not-sent">
          {plural(notSent.length, 'file was', 'files were')} not sent (
          {report.notSentReason?.replace(/^not sent: /, '') ?? 'the import was cancelled'}). What was imported
          stays; drop the files again to continue, and those already in the library will be reported as
          duplicates.
        </p>
      )}
      {report.results.length > 0 && (
        <div className="import-report-filters" role="group" aria-label="Show">
          {(['all', ...counts.filter((c) => c.n > 0).map((c) => c.status)] as Filter[]).map((f) => (
            <button
              key={f}
              type="button"
              className="import-filter"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
              data-testid={`import-filter-${f}`}
            >
              {f === 'all'
                ? `All (${formatCount(report.results.length)})`
                : `${f} (${formatCount(counts.find((c) => c.status === f)!.n)})`}
            </button>
          ))}
        </div>
      )}
      <ul className="import-results">
        {shown.slice(0, MAX_REPORT_LINES).map((r, i) => {
          const d = detail(r);
          const text =
            r.status === 'near-duplicate'
              ? `${r.fileName} — ${d}`
              : `${r.fileName} — ${r.status}${d ? `: ${d}` : ''}`;
          return (
            <li
              key={`${i}-${r.fileName}`}
              className={`import-result import-result--${r.status}`}
              data-testid="import-result"
              data-status={r.status}
            >
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
        {shown.length > MAX_REPORT_LINES && (
          <li className="import-result import-result--more" data-testid="import-result-more">
            … and {formatCount(shown.length - MAX_REPORT_LINES)} more: save the report as CSV for every line.
          </li>
        )}
      </ul>
    </section>
  );
}
