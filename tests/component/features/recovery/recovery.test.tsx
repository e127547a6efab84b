// The recovery screen: a library that opened in recovery mode shows what is damaged and its backups instead
// of the app; restoring one (after confirming) reloads app info, articles and claims and shows the app.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, METHOD_NAMES } from '../../../../shared/api/contract';
import { ServiceError } from '../../../../shared/api/dispatcher';
import type { LibraryRecovery, RestoreBackupResult } from '../../../../shared/domain/types';
import { formatBackupTime } from '../../../../renderer/src/features/recovery/RecoveryScreen';
import { FakeApi, makeArticle, makeClaim } from '../../fake-api';
import { mockViewport, renderApp } from '../../helpers';

const DAMAGED =
  'The library is damaged: articles.json is damaged (Unexpected end of JSON input); it was left untouched. Restore a backup to continue.';

const RECOVERY: LibraryRecovery = {
  file: 'articles.json',
  reason: 'is damaged (Unexpected end of JSON input); it was left untouched.',
  backups: [
    {
      id: '2024-05-01T12-10-00-000Z',
      createdAt: '2024-05-01T12:10:00.000Z',
      articles: 2,
      claims: 1,
      annotations: 2,
    },
    {
      id: '2024-05-01T11-00-00-000Z',
      createdAt: '2024-05-01T11:00:00.000Z',
      articles: 1,
      claims: 0,
      annotations: 0,
    },
  ],
};

/**
 * The main side in recovery mode (as openWorkbench's recovery handlers): app.info carries `recovery`, every
 * other method but library.restoreBackup answers 'unavailable' until a restore succeeds; then the normal
 * library answers.
 */
class RecoveryApi extends FakeApi {
  /** What a successful library.restoreBackup answers. */
  restored: RestoreBackupResult = { restored: true, readded: 0, annotationsLeftAside: 0 };

  constructor(recovery: LibraryRecovery) {
    super({
      info: { libraryName: 'My library', recovery },
      articles: [
        makeArticle({ id: 'a1', title: 'Restored article one' }),
        makeArticle({ id: 'a2', title: 'Restored article two' }),
      ],
      claims: [makeClaim({ id: 'c1', text: 'A restored claim' })],
    });
    const normal = this.handlers;
    const refuse = () => {
      throw new ServiceError('unavailable', DAMAGED);
    };
    this.handlers = {
      ...Object.fromEntries(METHOD_NAMES.map((m) => [m, refuse])),
      'app.info': normal['app.info'],
      'library.restoreBackup': ({ backupId }) => {
        if (!this.info.recovery?.backups.some((b) => b.id === backupId))
          throw new ServiceError('not_found', `No backup ${backupId}.`);
        const { recovery: _gone, ...info } = this.info;
        this.info = info;
        this.handlers = normal;
        return this.restored;
      },
    };
  }
}

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = mockViewport();
});
afterEach(() => restoreViewport());

describe('recovery screen', () => {
  it('shows the damaged file, the reason and the backups with their date and counts instead of the app', async () => {
    const api = new RecoveryApi(RECOVERY);
    await renderApp(api);
    const screenEl = screen.getByTestId('recovery-screen');
    expect(screen.queryByTestId('app-root')).not.toBeInTheDocument();
    expect(screen.queryByTestId('error-banner')).not.toBeInTheDocument(); // the refused start-up loads stay quiet
    expect(screen.getByTestId('recovery-reason')).toHaveTextContent(
      'The library file articles.json is damaged (Unexpected end of JSON input); it was left untouched.',
    );
    expect(screenEl).toHaveTextContent(
      /moved aside into damaged in the library folder “My library”, not deleted/,
    );

    const items = screen.getAllByTestId('recovery-backup');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(formatBackupTime(RECOVERY.backups[0]!.createdAt));
    expect(items[0]).toHaveTextContent('newest');
    expect(within(items[0]!).getByTestId('backup-counts')).toHaveTextContent(
      '2 articles · 1 claim · 2 annotations',
    );
    expect(within(items[1]!).getByTestId('backup-counts')).toHaveTextContent(
      '1 article · 0 claims · 0 annotations',
    );
    expect(items[1]).not.toHaveTextContent('newest');
    expect(within(items[0]!).getByRole('button', { name: 'Restore this backup' })).toBeEnabled();
  });

  it('formats the backup time readably, in local time', () => {
    const text = formatBackupTime('2024-05-01T12:10:05.000Z');
    expect(text).toMatch(/May 2024/);
    expect(text).toMatch(/\d\d:\d\d:05/);
    expect(text).not.toContain('T12');
    expect(formatBackupTime('not-a-date')).toBe('not-a-date');
  });

  it('asks before restoring, says the damaged files are moved aside, and can be cancelled', async () => {
    const api = new RecoveryApi(RECOVERY);
    const { user } = await renderApp(api);
    const [newest] = screen.getAllByTestId('recovery-backup');
    await user.click(within(newest!).getByTestId('restore-backup'));
    const confirm = within(newest!).getByTestId('confirm-restore');
    expect(confirm).toHaveFocus();
    expect(newest).toHaveTextContent(
      /the damaged articles\.json among them, will be moved aside into damaged in the library folder, not deleted/,
    );
    expect(api.callsOf('library.restoreBackup')).toEqual([]);
    await user.click(within(newest!).getByTestId('cancel-restore'));
    expect(within(newest!).queryByTestId('confirm-restore')).not.toBeInTheDocument();
    expect(api.callsOf('library.restoreBackup')).toEqual([]);
  });

  it('restores the chosen backup, then reloads app info, articles and claims and shows the app', async () => {
    const api = new RecoveryApi(RECOVERY);
    const { user, store } = await renderApp(api);
    expect(store.getState().error).not.toBeNull(); // articles.list and claims.list were refused at start-up
    const second = screen.getAllByTestId('recovery-backup')[1]!;
    await user.click(within(second).getByTestId('restore-backup'));
    const release = api.hold('library.restoreBackup');
    await user.click(within(second).getByTestId('confirm-restore'));
    expect(within(second).getByTestId('confirm-restore')).toHaveTextContent('Restoring…');
    expect(within(second).getByTestId('confirm-restore')).toBeDisabled();
    for (const b of screen.getAllByTestId('restore-backup')) expect(b).toBeDisabled();
    release();

    expect(await screen.findByTestId('app-root')).toBeInTheDocument();
    expect(api.callsOf('library.restoreBackup')).toEqual([{ backupId: RECOVERY.backups[1]!.id }]);
    expect(screen.queryByTestId('recovery-screen')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    expect(screen.getByText('Restored article one')).toBeInTheDocument();
    expect(screen.queryByTestId('error-banner')).not.toBeInTheDocument();
    expect(screen.getByTestId('library-name')).toHaveTextContent('My library');
    expect(store.getState().claims.map((c) => c.text)).toEqual(['A restored claim']);
    // app.info was asked again after the restore
    expect(api.calls.filter((c) => c.method === 'app.info').length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument(); // nothing beyond the backup to report
  });

  it('says how many articles imported after the backup were kept, and where evidence without its claim stays', async () => {
    const api = new RecoveryApi(RECOVERY);
    api.restored = { restored: true, readded: 3, annotationsLeftAside: 2 };
    const { user } = await renderApp(api);
    const [newest] = screen.getAllByTestId('recovery-backup');
    expect(screen.getByTestId('recovery-screen')).toHaveTextContent('but articles imported since are kept');
    await user.click(within(newest!).getByTestId('restore-backup'));
    await user.click(within(newest!).getByTestId('confirm-restore'));
    expect(await screen.findByTestId('toast')).toHaveTextContent(
      'Backup restored; 3 articles imported after it are kept. 2 annotations on them stay in the damaged folder: the backup lacks their claims.',
    );
  });

  it('shows a failed restore’s error as given and keeps the backups offered', async () => {
    const api = new RecoveryApi(RECOVERY);
    api.failures.set(
      'library.restoreBackup',
      new ApiError('refused', 'Backup 2024-05-01T12-10-00-000Z cannot be used: claims.json is damaged.'),
    );
    const { user } = await renderApp(api);
    const [newest] = screen.getAllByTestId('recovery-backup');
    await user.click(within(newest!).getByTestId('restore-backup'));
    await user.click(within(newest!).getByTestId('confirm-restore'));
    expect(await screen.findByTestId('recovery-error')).toHaveTextContent(
      'Backup 2024-05-01T12-10-00-000Z cannot be used: claims.json is damaged.',
    );
    expect(screen.getByTestId('recovery-screen')).toBeInTheDocument();
    expect(screen.getAllByTestId('recovery-backup')).toHaveLength(2);

    // The confirm step stays open: trying again clears the error and can succeed.
    const retry = within(newest!).getByTestId('confirm-restore');
    expect(retry).toBeEnabled();
    await user.click(retry);
    expect(await screen.findByTestId('app-root')).toBeInTheDocument();
  });

  it('without backups, says so and that the damaged file was left as is for repair by hand', async () => {
    const api = new RecoveryApi({ ...RECOVERY, backups: [] });
    await renderApp(api);
    expect(screen.queryAllByTestId('recovery-backup')).toHaveLength(0);
    expect(screen.queryByTestId('restore-backup')).not.toBeInTheDocument();
    const none = screen.getByTestId('recovery-no-backups');
    expect(none).toHaveTextContent('There are no automatic backups of this library to restore.');
    expect(none).toHaveTextContent(
      'articles.json was left as it is in the library folder “My library”, for repair by hand',
    );
  });

  it('a library that opens normally never shows the recovery screen', async () => {
    const api = new FakeApi({ articles: [makeArticle({ id: 'a1', title: 'Fine' })] });
    await renderApp(api);
    expect(screen.getByTestId('app-root')).toBeInTheDocument();
    expect(screen.queryByTestId('recovery-screen')).not.toBeInTheDocument();
  });
});
