// The library's index format: its schema version, the shape each index file must have, and the ordered
// migrations that bring an older library up to date. Migrations are pure functions over the parsed index
// data (no I/O), so the same code upgrades a library at open and checks a backup before it is offered.
//
// Rules for a migration (from → to):
//   - pure: it gets the parsed index of schema `from` and returns the index of schema `to`;
//   - idempotent: applied to data it already migrated, it changes nothing. The store writes the migrated
//     files first and library.json (with the new schemaVersion) last, so a crash in between leaves
//     migrated files under the old version number, and the next open migrates them again;
//   - recorded: the store appends { from, to, description, at } to library.json's `migrations`.
// Schema 1 is the first shipped schema, so MIGRATIONS is empty today; tests/unit/services/library/migrations.test.ts
// runs the machinery with an invented schema 0.
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Annotation, ArticleMeta, Claim, Outlet } from '../../../shared/domain/types';

export const LIBRARY_FORMAT = 'analyst-workbench-library';
export const SCHEMA_VERSION = 1;

export interface MigrationRecord {
  from: number;
  to: number;
  description: string;
  at: string;
}
export interface Manifest {
  format: typeof LIBRARY_FORMAT;
  schemaVersion: number;
  createdAt: string;
  migrations?: MigrationRecord[];
}
export interface ArticlesFile {
  articles: ArticleMeta[];
  outlets: Outlet[];
}
export interface ClaimsFile {
  claims: Claim[];
}
export interface AnnotationsFile {
  annotations: Annotation[];
}

/** The parsed index files of a library folder (or a backup), before they are checked. */
export interface IndexData {
  manifest: Record<string, unknown>;
  articles: unknown;
  claims: unknown;
  /** annotations/<articleId>.json, keyed by article id. */
  annotations: Map<string, unknown>;
}
/** The index once checked against the current schema. */
export interface ValidIndex {
  manifest: Manifest;
  articles: ArticlesFile;
  claims: ClaimsFile;
  annotations: Map<string, AnnotationsFile>;
}

export interface Migration {
  from: number;
  to: number;
  description: string;
  up(data: IndexData): IndexData;
}

/** Ordered migrations, oldest first. Add one entry per schema change, and bump SCHEMA_VERSION with it. */
export const MIGRATIONS: readonly Migration[] = [];

export type OpenErrorKind = 'damaged' | 'missing' | 'newer' | 'unsupported';

/** A library (or backup) that cannot be opened; `relFile` names the index file inside its folder. */
export class LibraryOpenError extends Error {
  readonly kind: OpenErrorKind;
  readonly relFile: string;
  constructor(
    readonly file: string,
    readonly reason: string,
    opts: { kind?: OpenErrorKind; relFile?: string } = {},
  ) {
    super(`Cannot open the library: ${file} ${reason}`);
    this.name = 'LibraryOpenError';
    this.kind = opts.kind ?? 'damaged';
    this.relFile = opts.relFile ?? basename(file);
  }
}

const manifestSchema = z.object({
  format: z.literal(LIBRARY_FORMAT),
  schemaVersion: z.number().int().nonnegative(),
});
const articlesSchema = z.object({
  articles: z.array(z.object({ id: z.string(), sha256: z.string(), title: z.string() }).loose()),
  outlets: z.array(z.unknown()),
});
const claimsSchema = z.object({ claims: z.array(z.object({ id: z.string(), text: z.string() }).loose()) });
const annotationsSchema = z.object({
  annotations: z.array(
    z
      .object({
        id: z.string(),
        articleId: z.string(),
        claimId: z.string(),
        position: z.object({ start: z.number(), end: z.number() }).loose(),
      })
      .loose(),
  ),
});

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** The schema this build writes (tests pass their own). */
  target?: number;
}

function check<T>(schema: z.ZodType, value: unknown, folder: string, rel: string): T {
  const r = schema.safeParse(value);
  if (r.success) return value as T;
  const issue = r.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : '';
  throw new LibraryOpenError(
    join(folder, rel),
    `does not have the expected structure${where}; it was left untouched.`,
    { relFile: rel },
  );
}

export function checkManifest(value: unknown, folder: string, target = SCHEMA_VERSION): Manifest {
  const m = check<Manifest>(manifestSchema, value, folder, 'library.json');
  if (m.schemaVersion > target) {
    throw new LibraryOpenError(
      join(folder, 'library.json'),
      `was written by a newer version (schema ${m.schemaVersion}); this version reads up to ${target}.`,
      {
        kind: 'newer',
        relFile: 'library.json',
      },
    );
  }
  return m;
}

/**
 * Bring `data` up to `target` by applying the migrations in order. Returns the data unchanged (and no
 * records) when it is current. `at` stamps the records appended to the manifest.
 */
export function migrateIndex(
  data: IndexData,
  folder: string,
  at: string,
  opts: MigrateOptions = {},
): { data: IndexData; applied: MigrationRecord[] } {
  const migrations = opts.migrations ?? MIGRATIONS;
  const target = opts.target ?? SCHEMA_VERSION;
  let version = checkManifest(data.manifest, folder, target).schemaVersion;
  const applied: MigrationRecord[] = [];
  let current = data;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to <= version || step.to > target) {
      throw new LibraryOpenError(
        join(folder, 'library.json'),
        `uses schema ${version}, which this version cannot upgrade.`,
        { kind: 'unsupported', relFile: 'library.json' },
      );
    }
    current = step.up(current);
    applied.push({ from: step.from, to: step.to, description: step.description, at });
    version = step.to;
  }
  if (!applied.length) return { data, applied };
  const history = Array.isArray(current.manifest.migrations)
    ? (current.manifest.migrations as MigrationRecord[])
    : [];
  return {
    data: {
      ...current,
      manifest: { ...current.manifest, schemaVersion: version, migrations: [...history, ...applied] },
    },
    applied,
  };
}

/** Check every index file against the current schema; the error names the first file that does not fit. */
export function validateIndex(data: IndexData, folder: string, target = SCHEMA_VERSION): ValidIndex {
  const manifest = checkManifest(data.manifest, folder, target);
  const articles = check<ArticlesFile>(articlesSchema, data.articles, folder, 'articles.json');
  const claims = check<ClaimsFile>(claimsSchema, data.claims, folder, 'claims.json');
  const annotations = new Map<string, AnnotationsFile>();
  for (const [id, value] of data.annotations)
    annotations.set(id, check<AnnotationsFile>(annotationsSchema, value, folder, `annotations/${id}.json`));
  return { manifest, articles, claims, annotations };
}
