// The one API contract between the renderer and the main side. Both transports (Electron IPC and the
// localhost host) carry exactly these methods; the dispatcher validates every input against its schema
// before a handler sees it. Each method states its trust rule: what the caller may and may not make happen.
import { z } from 'zod';
import type {
  AppInfo,
  ArticleSummary,
  ArticleWithAnnotations,
  Annotation,
  Claim,
  ClaimSummary,
  Evidence,
  ExportFile,
  ImportReport,
  RestoreBackupResult,
  SettingsView,
  ImportJobStatus,
} from '../domain/types';

import {
  annotationFields,
  annotationSchema,
  claimRef,
  claimSchema,
  droppedFileSchema,
  id,
  importLimitsSchema,
  mib,
  outletNamesPatchSchema,
  shortText,
  stanceSchema,
  targetInput,
} from './schemas';
import { IMPORT_SIZE_LIMIT_MAX_BYTES, IMPORT_SIZE_LIMIT_MIN_BYTES, MAX_IMPORT_FILES_PER_CALL } from './rpc';

export { droppedFileSchema, importLimitsSchema, type DroppedFile } from './schemas';

export {
  ApiError,
  DEFAULT_IMPORT_SIZE_LIMITS,
  IMPORT_SIZE_LIMIT_MAX_BYTES,
  IMPORT_SIZE_LIMIT_MIN_BYTES,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES_PER_CALL,
  MAX_IMPORT_PDF_BYTES,
  maxImportBytesFor,
  type ImportSizeLimits,
  type RpcError,
  type RpcResponse,
} from './rpc';

interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** One line: what a caller may do through this method, and what it cannot. */
  trust: string;
  /** Phantom marker for the output type (boxed, so that null stays part of O). */
  output?: { type: O };
}
const method =
  <O>() =>
  <I extends z.ZodType>(def: { input: I; trust: string }): MethodDef<I, O> =>
    def;

export const contract = {
  'app.info': method<AppInfo>()({
    input: z.object({}).strict(),
    trust: 'Read-only; reveals no filesystem paths.',
  }),
  'articles.list': method<ArticleSummary[]>()({
    input: z.object({}).strict(),
    trust: 'Read-only metadata of every article in the open library.',
  }),
  'articles.get': method<ArticleWithAnnotations>()({
    input: z.object({ id }).strict(),
    trust: 'Read-only; the id is looked up in the index, never used as a path.',
  }),
  'articles.import': method<ImportReport>()({
    input: z.object({ files: z.array(droppedFileSchema).min(1).max(MAX_IMPORT_FILES_PER_CALL) }).strict(),
    trust: 'Adds articles from bytes the user dropped; names are stored as labels only, never used as paths.',
  }),
  'articles.delete': method<{ deleted: boolean }>()({
    input: z.object({ id }).strict(),
    trust: 'Removes one article, its stored files and its annotations from the open library.',
  }),
  'articles.reextract': method<{ articleId: string; title: string; changed: boolean; reanchored: number }>()({
    input: z.object({ id }).strict(),
    trust:
      "Derives one article's text again from its kept original; refused, changing nothing, if any annotation would lose its quote.",
  }),
  'articles.search': method<Array<{ id: string; score: number; snippet: string }>>()({
    input: z
      .object({ query: z.string().min(1).max(200), limit: z.number().int().positive().max(500).optional() })
      .strict(),
    trust: 'Read-only full-text search of the open library',
  }),
  'claims.list': method<ClaimSummary[]>()({
    input: z.object({}).strict(),
    trust: 'Read-only.',
  }),
  'claims.create': method<Claim>()({
    input: z
      .object({
        text: shortText(1000).min(1),
        speaker: shortText(200).default(''),
        note: shortText(20_000).default(''),
      })
      .strict(),
    trust: 'Adds a claim record; text is stored as data.',
  }),
  'claims.update': method<Claim>()({
    input: z
      .object({
        id,
        text: shortText(1000).min(1).optional(),
        speaker: shortText(200).optional(),
        note: shortText(20_000).optional(),
      })
      .strict(),
    trust: 'Edits one claim record.',
  }),
  'claims.delete': method<Claim>()({
    input: z.object({ id }).strict(),
    trust: 'Deletes a claim only when no annotation uses it, and returns it so the caller can undo.',
  }),
  'claims.restore': method<Claim>()({
    input: z.object({ claim: claimSchema }).strict(),
    trust:
      "Puts back a deleted claim (undo) with its id and timestamps; refused with 'conflict' if a claim with that id or the same wording exists now.",
  }),
  'claims.evidence': method<Evidence[]>()({
    input: z.object({ id }).strict(),
    trust: 'Read-only.',
  }),
  'annotations.create': method<
    { annotation: Annotation; claim: Claim; claimCreated: boolean } & AnnotationChange
  >()({
    input: z.object({ articleId: id, target: targetInput, ...annotationFields }).and(claimRef),
    trust: 'Adds evidence to an existing article; the target must match the stored text.',
  }),
  'annotations.update': method<{ annotation: Annotation } & AnnotationChange>()({
    input: z
      .object({
        id,
        claimId: id.optional(),
        stance: stanceSchema.optional(),
        speaker: shortText(200).optional(),
        tags: z.array(shortText(80).min(1)).max(50).optional(),
        note: shortText(20_000).optional(),
      })
      .strict(),
    trust: 'Edits the fields of one annotation; its target cannot be moved.',
  }),
  'annotations.delete': method<{ annotation: Annotation } & AnnotationChange>()({
    input: z.object({ id }).strict(),
    trust: 'Deletes one annotation and returns it, so the caller can undo.',
  }),
  'annotations.restore': method<{ annotation: Annotation } & AnnotationChange>()({
    input: z.object({ annotation: annotationSchema }).strict(),
    trust:
      'Puts back a deleted annotation (undo); its article and claim must still exist and its target must match.',
  }),
  'export.build': method<ExportFile>()({
    input: z.object({ format: z.enum(['md', 'csv', 'json']) }).strict(),
    trust: 'Read-only; returns the export as text for the caller to save or download.',
  }),
  'export.save': method<{ saved: boolean; fileName?: string }>()({
    input: z.object({ format: z.enum(['md', 'csv', 'json']) }).strict(),
    trust:
      'Electron only: main shows a save dialog and writes where the user chose; the caller passes no path.',
  }),
  'import.openDialog': method<{ jobId: string; total: number } | null>()({
    input: z.object({ kind: z.enum(['files', 'folders']).optional() }).strict(),
    trust:
      'Electron only: main shows an open dialog (for files, or kind "folders" for folders) and starts importing what the user picked as a job; the caller passes no path. Null when the dialog was closed.',
  }),
  'import.jobStatus': method<ImportJobStatus>()({
    input: z.object({ jobId: id, resultsFrom: z.number().int().min(0).max(10_000_000).optional() }).strict(),
    trust:
      'Read-only: progress of a dialog import job, and its report (labels, never paths): once finished, or the lines from resultsFrom on while it runs.',
  }),
  'import.cancelJob': method<{ cancelling: boolean }>()({
    input: z.object({ jobId: id }).strict(),
    trust: 'Stops a dialog import job after the batch in flight; what was stored stays.',
  }),
  'shell.openExternal': method<{ opened: boolean }>()({
    input: z.object({ url: z.string().max(4096) }).strict(),
    trust:
      'Opens an http(s) URL in the system browser through the one checked wrapper; anything else is refused.',
  }),
  'settings.get': method<SettingsView>()({
    input: z.object({}).strict(),
    trust: "Read-only: the open library's preferences and their defaults.",
  }),
  'settings.update': method<SettingsView>()({
    input: z
      .object({
        importLimits: importLimitsSchema.partial().optional(),
        outletNames: outletNamesPatchSchema.optional(),
      })
      .strict(),
    trust: `Changes the library's per-file import caps within ${mib(IMPORT_SIZE_LIMIT_MIN_BYTES)}–${mib(IMPORT_SIZE_LIMIT_MAX_BYTES)} and its own outlet names (stored articles of a renamed domain follow); nothing else.`,
  }),
  'library.restoreBackup': method<RestoreBackupResult>()({
    input: z
      .object({
        backupId: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[0-9A-Za-z_-]+$/, 'not a backup id'),
      })
      .strict(),
    trust:
      'Restores the chosen automatic backup; damaged files are moved aside, never deleted; articles imported since stay listed',
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/**
 * What every annotation change answers besides the annotation, so that a window redraws from the reply
 * alone (one round trip, no re-read of the article's text).
 */
export interface AnnotationChange {
  /** The changed article's annotations after the change, positioned for display, by start (as articles.get has them). */
  annotations: Annotation[];
  /** The summaries of the claims the change touched (as claims.list has them): one, or two when evidence moved to another claim. */
  claimSummaries: ClaimSummary[];
}

export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>['type'];

/** The client interface the renderer is given through context; tests pass a fake. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Handlers implement every method; a shell may answer 'unavailable' for what it cannot do. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
