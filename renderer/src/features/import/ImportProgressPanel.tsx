// A running import: a progress bar with files done of the total, the rate, the time left, what is being read
// or stored, and Cancel (which stops before the next batch; what was stored stays).
import { useEffect, useState } from 'react';
import './import-report.css';
import { useAppStore } from '../../state/store-context';
import { formatCount, formatEta, formatRate, progressStats } from './import-progress';

/** The clock, re-read every `ms` while mounted, so the rate and time left move between batches too. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export function ImportProgressPanel() {
  const progress = useAppStore((s) => s.importProgress);
  if (!progress) return null;
  return <RunningImport />;
}

function RunningImport() {
  const progress = useAppStore((s) => s.importProgress)!;
  const cancel = useAppStore((s) => s.cancelImport);
  const now = Math.max(useNow(1000), Date.now());
  const { fraction, rate, etaSeconds } = progressStats(progress, now);
  const pct = Math.floor(fraction * 100);
  return (
    <section
      className="import-job"
      data-testid="import-job"
      aria-label="Import in progress"
      data-done={progress.done}
      data-total={progress.total}
    >
      <div className="import-job-head">
        <strong className="import-job-count" data-testid="import-job-count">
          {progress.cancelling ? 'Cancelling… ' : 'Importing '}
          {formatCount(progress.done)} / {formatCount(progress.total)} files
        </strong>
        <span className="import-job-stats" data-testid="import-job-stats">
          {progress.cancelling
            ? 'finishing the batch in flight; nothing more will be sent'
            : [formatRate(rate), formatEta(etaSeconds)].filter(Boolean).join(' · ')}
        </span>
        <button
          type="button"
          className="button button--danger"
          data-testid="cancel-import"
          onClick={cancel}
          disabled={progress.cancelling}
        >
          {progress.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <div
        className="import-job-bar"
        role="progressbar"
        aria-label="Files imported"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={`${formatCount(progress.done)} of ${formatCount(progress.total)} files (${pct} %)`}
      >
        <div className="import-job-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="import-job-current" data-testid="import-job-current" title={progress.current}>
        {progress.current
          ? `${progress.phase === 'reading' ? 'Reading' : 'Storing'} ${progress.current}`
          : '\u00a0'}
      </div>
    </section>
  );
}
