// The library's preferences, in settings.json beside the index: the per-file import caps and the library's
// own outlet names (domain → name, over the built-in registry in shared/domain/outlet-registry.ts). They live
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
import { importLimitsSchema } from '../../../shared/api/contract';
import { OUTLET_NAME_MAX, OUTLET_NAMES_MAX, normalizeHost } from '../../../shared/domain/outlet-registry';
import { DEFAULT_IMPORT_SIZE_LIMITS, type ImportSizeLimits } from '../../../shared/api/rpc';
import type { LibrarySettings, SettingsView } from '../../../shared/domain/types';
import { ServiceError } from '../../../shared/api/dispatcher';
import { DAMAGED_DIR } from './backup';
import { syncDir } from './durable-json-file';

export const SETTINGS_FILE = 'settings.json';

/** settings.json: each preference only when it differs from the default. */
export interface SettingsFile {
  importLimits?: Partial<ImportSizeLimits>;
  outletNames?: Record<string, string>;
}

export interface SettingsPatch {
  importLimits?: Partial<ImportSizeLimits>;
  /** Name null forgets the library's name for the domain. */
  outletNames?: ReadonlyArray<{ domain: string; name: string | null }>;
}

// A hand-edited file may write "www.Example.org": domains are normalised as they are read, and one that is not
// a host name makes the file unusable like any other bad value (named in the notice).
const outletNamesFileSchema = z
  .record(z.string(), z.string().trim().min(1, 'needs a name').max(OUTLET_NAME_MAX))
  .superRefine((r, ctx) => {
    const keys = Object.keys(r);
    if (keys.length > OUTLET_NAMES_MAX)
      ctx.addIssue({ code: 'custom', message: `holds more than ${OUTLET_NAMES_MAX} names` });
    for (const k of keys)
      if (!normalizeHost(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'is not a domain name' });
  })
  .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [normalizeHost(k)!, v])));

// Unknown top-level keys are kept (a newer version's preferences survive a save by this one).
const settingsFileSchema = z
  .object({
    importLimits: importLimitsSchema.partial().optional(),
    outletNames: outletNamesFileSchema.optional(),
  })
  .loose();

export function effectiveSettings(file: SettingsFile): LibrarySettings {
  return {
    importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS, ...file.importLimits },
    outletNames: { ...file.outletNames },
  };
}

/** The file after a change: values equal to their default are dropped, so a later default change reaches them. */
export function applySettingsPatch(file: SettingsFile, patch: SettingsPatch): SettingsFile {
  const merged: Partial<ImportSizeLimits> = { ...file.importLimits, ...patch.importLimits };
  const importLimits: Partial<ImportSizeLimits> = {};
  for (const k of ['maxBytes', 'maxPdfBytes'] as const) {
    const v = merged[k];
    if (v !== undefined && v !== DEFAULT_IMPORT_SIZE_LIMITS[k]) importLimits[k] = v;
  }
  const { importLimits: _old, outletNames: _oldNames, ...rest } = file;
  const out: SettingsFile = Object.keys(importLimits).length ? { ...rest, importLimits } : rest;
  const names: Record<string, string> = { ...file.outletNames };
  for (const { domain, name } of patch.outletNames ?? []) {
    if (name === null) delete names[domain];
    else names[domain] = name.trim();
  }
  if (Object.keys(names).length > OUTLET_NAMES_MAX)
    throw new ServiceError('refused', `A library keeps at most ${OUTLET_NAMES_MAX} outlet names.`);
  // Sorted, so that the file reads as a list and a diff of it shows what changed.
  const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return Object.keys(sorted).length ? { ...out, outletNames: sorted } : out;
}

/** Read settings.json; a missing file is the defaults, a damaged one is moved aside (see the header). */
export async function loadSettings(dir: string, now: Date): Promise<{ file: SettingsFile; notice?: string }> {
  const path = join(dir, SETTINGS_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: {} };
    return {
      file: {},
      notice: `${SETTINGS_FILE} could not be read (${(err as Error).message}); the default settings are in use.`,
    };
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
  return {
    file: {},
    notice: `${SETTINGS_FILE} was not used (${reason}); it was moved to ${aside} and the default settings are in use.`,
  };
}

export interface Settings {
  /** The preferences in force (defaults where the file says nothing). */
  current(): LibrarySettings;
  view(): SettingsView;
  /** Save a change; acknowledged once settings.json is on disk. */
  update(patch: SettingsPatch): Promise<SettingsView>;
}

export function createSettings(db: Low<SettingsFile>, notice?: string): Settings {
  const current = () => effectiveSettings(db.data);
  const view = (): SettingsView => ({
    settings: current(),
    defaults: effectiveSettings({}),
    ...(notice ? { notice } : {}),
  });
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
