// Shown instead of the app when the library opened in recovery mode: what is damaged, the automatic backups
// that would open, and restoring one (after a confirm step). The restore moves the current index files aside
// into the library's damaged/ folder; nothing is deleted. On success the store reloads and the app shows (with a
// toast when articles imported after the backup were listed again).
import { useEffect, useRef, useState } from 'react';
import './recovery.css';
import type { LibraryRecovery, RecoveryBackup } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'medium' });

/** "Wednesday, 1 May 2024 at 12:00:05" in local time; the stored text when it is not a date. */
export function formatBackupTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function RecoveryScreen({ recovery }: { recovery: LibraryRecovery }) {
  const libraryName = useAppStore((s) => s.appInfo?.libraryName ?? '');
  const restoring = useAppStore((s) => s.restoringBackupId);
  const error = useAppStore((s) => s.recoveryError);
  const restore = useAppStore((s) => s.restoreBackup);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { file, reason, backups } = recovery;
  const missing = reason.startsWith('is missing');
  const folder = libraryName ? `the library folder “${libraryName}”` : 'the library folder';

  return (
    <div className="recovery" data-testid="recovery-screen">
      <main className="recovery-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title" className="recovery-title">
          The library cannot be opened
        </h1>
        <p className="recovery-reason" data-testid="recovery-reason">
          The library file <code>{file}</code> {reason}
        </p>
        {backups.length > 0 ? (
          <>
            <p>
              Restore one of the automatic backups below to continue. The current library files are moved
              aside into <code>damaged</code> in {folder}, not deleted. Changes made after a backup was taken
              are not in it, but articles imported since are kept.
            </p>
            <h2 className="recovery-subtitle">Backups, newest first</h2>
            <ul className="recovery-backups">
              {backups.map((b, i) => (
                <BackupItem
                  key={b.id}
                  backup={b}
                  newest={i === 0}
                  file={file}
                  confirming={confirming === b.id}
                  restoring={restoring === b.id}
                  busy={restoring !== null}
                  onAsk={() => setConfirming(b.id)}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() => void restore(b.id)}
                />
              ))}
            </ul>
          </>
        ) : (
          <div className="recovery-none" data-testid="recovery-no-backups">
            <p>
              <strong>There are no automatic backups of this library to restore.</strong>
            </p>
            <p>
              {missing
                ? `Nothing was changed: ${folder} was left as it is. Put a copy of ${file} back into it, then start Analyst Workbench again.`
                : `Nothing was changed: ${file} was left as it is in ${folder}, for repair by hand (it is a JSON text file). Once it is repaired, start Analyst Workbench again.`}
            </p>
          </div>
        )}
        {error && (
          <p className="recovery-error" role="alert" data-testid="recovery-error">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}

interface BackupItemProps {
  backup: RecoveryBackup;
  newest: boolean;
  file: string;
  confirming: boolean;
  restoring: boolean;
  busy: boolean;
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
}

function BackupItem({
  backup,
  newest,
  file,
  confirming,
  restoring,
  busy,
  onAsk,
  onCancel,
  onConfirm,
}: BackupItemProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const when = formatBackupTime(backup.createdAt);
  const titleId = `backup-${backup.id}`;

  return (
    <li
      className="recovery-backup"
      data-testid="recovery-backup"
      data-backup-id={backup.id}
      aria-labelledby={titleId}
    >
      <div className="recovery-backup-row">
        <div className="recovery-backup-info">
          <time id={titleId} className="recovery-backup-time" dateTime={backup.createdAt}>
            {when}
          </time>
          {newest && <span className="recovery-newest">newest</span>}
          <div className="recovery-backup-counts" data-testid="backup-counts">
            {count(backup.articles, 'article', 'articles')} · {count(backup.claims, 'claim', 'claims')} ·{' '}
            {count(backup.annotations, 'annotation', 'annotations')}
          </div>
        </div>
        {!confirming && (
          <button
            type="button"
            className="button"
            data-testid="restore-backup"
            disabled={busy}
            onClick={onAsk}
          >
            Restore this backup
          </button>
        )}
      </div>
      {confirming && (
        <div className="recovery-confirm" role="group" aria-label={`Restore the backup of ${when}`}>
          <p>
            Restore the backup of {when}? The current library files, the damaged <code>{file}</code> among
            them, will be moved aside into <code>damaged</code> in the library folder, not deleted.
          </p>
          <div className="recovery-confirm-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--primary"
              data-testid="confirm-restore"
              disabled={busy}
              onClick={onConfirm}
            >
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
            <button
              type="button"
              className="button"
              data-testid="cancel-restore"
              disabled={busy}
              onClick={onCancel}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
