// Composition of the services behind the API contract. The Electron main process and the localhost host
// both call openWorkbench(); each passes the ports only its shell has (native dialogs, the system browser).
//
// Recovery mode (opts.recovery): when the library's index files are damaged or missing, openWorkbench does
// not throw but returns a workbench whose app.info carries `recovery` (the file, the reason, the good
// backups) and whose library.restoreBackup restores one and reopens; every other method answers
// 'unavailable'. It holds the library lock meanwhile, so no other window writes while the user decides.
//
// A restore puts a backup's index files back; article folders are never touched. Articles imported after
// the backup was taken are listed again from the index the restore moved aside, before the reopened
// library answers anyone (library/readd-articles.ts: which folders, and why not through the importer).
import { basename, join } from 'node:path';
import { METHOD_NAMES, type Handlers } from '../../shared/api/contract';
import { createDispatcher, ServiceError, type Dispatch } from '../../shared/api/dispatcher';
import { DEFAULT_IMPORT_SIZE_LIMITS, type ImportSizeLimits } from '../../shared/api/rpc';
import type { AppInfo, ExportFile, RestoreBackupResult } from '../../shared/domain/types';
import { createHandlers } from './handlers';
import { DEFAULT_LIMITS } from './import/formats/types';
import { createExtractorPool } from './import/pipeline/worker-pool';
import { createImporter, type Importer } from './import/pipeline/importer';
import { createSearchIndex, searchHooks, type SearchIndex } from './search';
import { listBackups, restoreBackup } from './library/backup';
import { createLibrary, type Library } from './library/library';
import { acquireLibraryLock, type LibraryLock } from './library/lock';
import {
  LibraryOpenError,
  openLibraryStore,
  type LibraryStore,
  type OpenLibraryOptions,
} from './library/store';

export interface ShellPorts {
  shell: 'electron' | 'host';
  /** Electron: show a save dialog and write the export where the user chose. */
  saveExport?(file: ExportFile): Promise<{ saved: boolean; fileName?: string }>;
  /** Electron: show an open dialog; returns the absolute paths the user picked (files or folders), or null. */
  pickImportPaths?(kind?: 'files' | 'folders'): Promise<string[] | null>;
  /** Electron: open an already-checked http(s) URL in the system browser. */
  openExternal?(url: string): Promise<void>;
}

export interface Workbench {
  dispatch: Dispatch;
  /** The open library; throws ServiceError('unavailable') in recovery mode. */
  library: Library;
  importer: Importer;
  /** Finishes pending writes and releases the library lock. */
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  libraryDir: string;
  version: string;
  ports: ShellPorts;
  now?: () => Date;
  onInternalError?: (method: string, err: unknown) => void;
  /** Open a damaged library in recovery mode instead of throwing its LibraryOpenError. */
  recovery?: boolean;
  /** Store settings (backup interval, migrations); for tests. */
  store?: OpenLibraryOptions;
  /** For tests that inject faults into the folder layer: called with each store opened (also after a restore). */
  onStoreOpened?: (store: LibraryStore) => void;
  /** The built extraction worker: imports then run in a pool of worker threads with a per-file time limit. */
  extractorWorker?: string;
  /** Per-file caps for this run only, over the library's settings (the CLI's --max-file-mb / --max-pdf-mb). */
  importLimits?: Partial<ImportSizeLimits>;
}

type OpenState = {
  kind: 'open';
  store: LibraryStore;
  library: Library;
  importer: Importer;
  dispatch: Dispatch;
  search: SearchIndex;
};
type State =
  | OpenState
  | { kind: 'recovery'; lock: LibraryLock; dispatch: Dispatch }
  | { kind: 'closed'; dispatch: Dispatch };

const refuseAll = (message: string): Handlers =>
  Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      () => {
        throw new ServiceError('unavailable', message);
      },
    ]),
  ) as unknown as Handlers;

export async function openWorkbench(opts: OpenWorkbenchOptions): Promise<Workbench> {
  const dir = opts.libraryDir;
  const now = opts.now ?? (() => new Date());
  const onInternalError =
    opts.onInternalError ?? ((method: string, err: unknown) => console.error(`[workbench] ${method}:`, err));
  const info = (): AppInfo => ({
    shell: opts.ports.shell,
    version: opts.version,
    libraryName: basename(dir),
    nativeDialogs: Boolean(opts.ports.saveExport && opts.ports.pickImportPaths),
    importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS, ...opts.importLimits },
  });

  // One pool for the life of the workbench (a restore reopens the library, not the workers).
  const pool = opts.extractorWorker ? createExtractorPool({ workerFile: opts.extractorWorker }) : undefined;

  async function openNormal(): Promise<State> {
    const store = await openLibraryStore(dir, opts.now, opts.store);
    opts.onStoreOpened?.(store);
    // The search index reads the library it observes: bound once the library exists, before any call.
    const source = { list: () => library.articleMetas(), readText: (id: string) => library.readText(id) };
    const search = createSearchIndex(source);
    const library: Library = createLibrary(store, opts.now, searchHooks(search));
    const { settings } = library;
    const notice = settings.view().notice;
    if (notice) console.warn(`[workbench] ${notice}`);
    // Read at every batch, so a change in the settings dialog applies to the next import.
    const limits = () => ({ ...DEFAULT_LIMITS, ...settings.current().importLimits, ...opts.importLimits });
    const importer = createImporter(
      library.importTarget,
      limits,
      pool?.extract,
      () => settings.current().outletNames,
    );
    const handlers = createHandlers({
      library,
      importer,
      ports: opts.ports,
      version: opts.version,
      libraryName: basename(dir),
      now: opts.now,
      restoreBackup: restore,
      search,
    });
    return {
      kind: 'open',
      store,
      library,
      importer,
      dispatch: createDispatcher(handlers, { onInternalError }),
      search,
    };
  }

  async function openRecovery(error: LibraryOpenError): Promise<State> {
    const lock = await acquireLibraryLock(dir);
    const handlers = refuseAll(
      `The library is damaged: ${error.relFile} ${error.reason} Restore a backup to continue.`,
    );
    handlers['app.info'] = async () => {
      const backups = (await listBackups(dir, opts.store)).map(
        ({ id, createdAt, articles, claims, annotations }) => ({
          id,
          createdAt,
          articles,
          claims,
          annotations,
        }),
      );
      return { ...info(), recovery: { file: error.relFile, reason: error.reason, backups } };
    };
    handlers['library.restoreBackup'] = ({ backupId }) => restore(backupId);
    return { kind: 'recovery', lock, dispatch: createDispatcher(handlers, { onInternalError }) };
  }

  async function openAny(): Promise<State> {
    try {
      return await openNormal();
    } catch (err) {
      // A newer schema is not damage: restoring an older backup would throw away that version's work.
      if (
        opts.recovery &&
        err instanceof LibraryOpenError &&
        (err.kind === 'damaged' || err.kind === 'missing')
      )
        return openRecovery(err);
      throw err;
    }
  }

  // One restore at a time; calls made meanwhile reach the old state (whose writes are refused once it stops).
  let restoring: Promise<unknown> = Promise.resolve();
  function restore(backupId: string): Promise<RestoreBackupResult> {
    const run = restoring.then(async () => {
      const before = state;
      if (before.kind === 'closed') throw new ServiceError('unavailable', 'The library is closed.');
      // The current state first, so that the restore itself can be undone from the backup list.
      if (before.kind === 'open') await before.library.backupNow('before restore', true);
      if (before.kind === 'open') before.search.close();
      // Taking the lock in this process stops an open store (its writes finish first); the file stays.
      const guard = await acquireLibraryLock(dir);
      let movedAside: string | null = null;
      let relisted = { readded: 0, annotationsLeftAside: 0 };
      try {
        movedAside = (await restoreBackup(dir, backupId, { ...opts.store, lock: guard, now: now() }))
          .damagedDir;
      } finally {
        // Reopen whatever is on disk now (restored, or untouched if the restore refused), taking the lock over.
        const next: State = await openAny().catch(async (err: unknown) => {
          await guard.release();
          return {
            kind: 'closed' as const,
            dispatch: createDispatcher(
              refuseAll(`The library cannot be opened: ${err instanceof Error ? err.message : String(err)}`),
            ),
          };
        });
        if (movedAside && next.kind === 'open') relisted = await relist(next, movedAside);
        state = next;
      }
      if (state.kind !== 'open')
        throw new ServiceError('refused', 'The backup was restored, but the library still cannot be opened.');
      return { restored: true as const, ...relisted };
    });
    restoring = run.catch(() => {});
    return run;
  }

  /**
   * List again the articles imported after the backup (the restore itself has succeeded either way: a
   * failure here is logged, and the folders and the moved-aside index stay as they are).
   */
  async function relist(
    s: OpenState,
    movedAside: string,
  ): Promise<{ readded: number; annotationsLeftAside: number }> {
    try {
      const r = await s.library.readdArticles(join(dir, movedAside));
      s.search.add(r.docs);
      if (r.readded.length)
        console.info(
          `[workbench] restore: ${r.readded.length} article(s) imported after the backup listed again from ${movedAside}.`,
        );
      return { readded: r.readded.length, annotationsLeftAside: r.annotationsLeftAside };
    } catch (err) {
      onInternalError('library.restoreBackup', err);
      return { readded: 0, annotationsLeftAside: 0 };
    }
  }

  let state: State = await openAny();
  return {
    dispatch: (method, input) => state.dispatch(method, input),
    get library() {
      if (state.kind !== 'open') throw new ServiceError('unavailable', 'The library is not open.');
      return state.library;
    },
    get importer() {
      if (state.kind !== 'open') throw new ServiceError('unavailable', 'The library is not open.');
      return state.importer;
    },
    close: async () => {
      await restoring;
      const s = state;
      state = { kind: 'closed', dispatch: createDispatcher(refuseAll('The library is closed.')) };
      if (s.kind === 'open') {
        s.search.close();
        await s.store.close();
      } else if (s.kind === 'recovery') await s.lock.release();
      await pool?.close();
    },
  };
}
