// The library's preferences, in settings.json beside the index: today the per-file import caps. They live
// with the library (not the machine) because the library is what a team shares and what a CLI run and the
// app both open. The file holds only what the user changed; anything absent takes its default.
//
// Read leniently: preferences must never keep a library from opening. A file that is not JSON or holds
// values out of range is moved to damaged/ (never deleted, never overwritten by the next save) and the
// defaults apply, with a notice naming the file and the reason that the settings dialog shows.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { importLimitsSchema } from '../../../shared/api-contract';
import { DEFAULT_IMPORT_SIZE_LIMITS, type ImportSizeLimits } from '../../../shared/rpc';
import type { LibrarySettings, SettingsView } from '../../../shared/types';
import { DAMAGED_DIR } from './backup';
import { syncDir } from './durable-json-file';

export const SETTINGS_FILE = 'settings.json';

/** settings.json: each preference only when it differs from the default. */
export interface SettingsFile {
  importLimits?: Partial<ImportSizeLimits>;
}

// Unknown top-level keys are kept (a newer version's preferences survive a save by this one).
const settingsFileSchema = z.object({ importLimits: importLimitsSchema.partial().optional() }).loose();

export const DEFAULT_SETTINGS: Readonly<LibrarySettings> = { importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS } };

export function effectiveSettings(file: SettingsFile): LibrarySettings {
  return { importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS, ...file.importLimits } };
}

/** The file after a change: values equal to their default are dropped, so a later default change reaches them. */
export function applySettingsPatch(file: SettingsFile, patch: { importLimits?: Partial<ImportSizeLimits> }): SettingsFile {
  const merged: Partial<ImportSizeLimits> = { ...file.importLimits, ...patch.importLimits };
  const importLimits: Partial<ImportSizeLimits> = {};
  for (const k of ['maxBytes', 'maxPdfBytes'] as const) {
    const v = merged[k];
    if (v !== undefined && v !== DEFAULT_IMPORT_SIZE_LIMITS[k]) importLimits[k] = v;
  }
  const { importLimits: _old, ...rest } = file;
  return Object.keys(importLimits).length ? { ...rest, importLimits } : rest;
}

/** Read settings.json; a missing file is the defaults, a damaged one is moved aside (see the header). */
export async function loadSettings(dir: string, now: Date): Promise<{ file: SettingsFile; notice?: string }> {
  const path = join(dir, SETTINGS_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: {} };
    return { file: {}, notice: `${SETTINGS_FILE} could not be read (${(err as Error).message}); the default settings are in use.` };
  }
  let reason: string;
  try {
    const r = settingsFileSchema.safeParse(JSON.parse(raw));
    if (r.success) return { file: r.data as SettingsFile };
    const issue = r.error.issues[0];
    reason = `${issue?.path.join('.') || 'top level'} ${issue?.message ?? 'is not valid'}`;
  } catch {
    reason = 'it is not valid JSON';
  }
  const aside = `${DAMAGED_DIR}/settings-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  await mkdir(join(dir, DAMAGED_DIR), { recursive: true });
  await rename(path, join(dir, aside));
  await syncDir(dir);
  return { file: {}, notice: `${SETTINGS_FILE} was not used (${reason}); it was moved to ${aside} and the default settings are in use.` };
}

export interface Settings {
  /** The preferences in force (defaults where the file says nothing). */
  current(): LibrarySettings;
  view(): SettingsView;
  /** Save a change; acknowledged once settings.json is on disk. */
  update(patch: { importLimits?: Partial<ImportSizeLimits> }): Promise<SettingsView>;
}

export function createSettings(db: Low<SettingsFile>, notice?: string): Settings {
  const current = () => effectiveSettings(db.data);
  const view = (): SettingsView => ({ settings: current(), defaults: effectiveSettings({}), ...(notice ? { notice } : {}) });
  return {
    current,
    view,
    async update(patch) {
      const before = db.data;
      db.data = applySettingsPatch(db.data, patch);
      try {
        await db.write();
      } catch (err) {
        // Unsaved means unchanged: the caps in force stay what the file on disk says.
        db.data = before;
        throw err;
      }
      return view();
    },
  };
}
