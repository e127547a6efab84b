// The handler map behind the API contract: one function per method, over the library services.
// Shell-only methods (native dialogs, the system browser) answer 'unavailable' when the shell lacks the port.
import type { Handlers } from '../../shared/api/contract';
import type { RestoreBackupResult } from '../../shared/domain/types';
import { ServiceError } from '../../shared/api/dispatcher';
import { checkExternalUrl } from '../../shared/domain/external-url';
import { buildExport } from '../../shared/domain/export/index';
import { evidenceForClaim, summarizeClaims } from '../../shared/domain/claims';
import type { Library } from './library/library';
import type { Importer } from './import/pipeline/importer';
import { createImportJobs, type ImportJobs } from './import/pipeline/dialog-jobs';
import type { ShellPorts } from './workbench';
import type { SearchIndex } from './search';

export interface HandlerDeps {
  library: Library;
  importer: Importer;
  ports: ShellPorts;
  version: string;
  libraryName: string;
  now?: () => Date;
  /** Backs up the current state, restores the chosen backup and reopens the library (the workbench's). */
  restoreBackup?: (backupId: string) => Promise<RestoreBackupResult>;
  /** The full-text index (articles.search); warmed up once the UI has asked for the list. */
  search?: SearchIndex;
  /** Dialog imports as jobs (import.openDialog / jobStatus / cancelJob); made from `importer` when absent. */
  importJobs?: ImportJobs;
}

function base64ToBytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

export function createHandlers({
  library,
  importer,
  ports,
  version,
  libraryName,
  now = () => new Date(),
  restoreBackup,
  search,
  importJobs = createImportJobs(importer),
}: HandlerDeps): Handlers {
  const unavailable = (what: string) =>
    new ServiceError('unavailable', `${what} is only available in the desktop app.`);
  return {
    'app.info': () => {
      const { maxBytes, maxPdfBytes } = importer.limits();
      return {
        shell: ports.shell,
        version,
        libraryName,
        nativeDialogs: Boolean(ports.saveExport && ports.pickImportPaths),
        importLimits: { maxBytes, maxPdfBytes },
      };
    },
    'articles.list': () => {
      // A UI is attached: build the search index in the background now rather than at the first search.
      void search?.warm().catch(() => {});
      return library.listArticles();
    },
    'articles.get': ({ id }) => library.getArticle(id),
    'articles.import': ({ files }) =>
      importer.importFiles(
        files.map((f) => ({
          name: f.name,
          size: f.size,
          bytes: f.dataBase64 === undefined ? undefined : base64ToBytes(f.dataBase64),
        })),
      ),
    'articles.delete': async ({ id }) => ({ deleted: await library.deleteArticle(id) }),
    'articles.reextract': ({ id }) => library.reextract(id, importer.extract),
    'articles.search': ({ query, limit }) => {
      if (!search) throw new ServiceError('unavailable', 'Full-text search is not available here.');
      return search.search(query, limit);
    },
    'claims.list': () => summarizeClaims(library.listClaims(), library.allAnnotations()),
    'claims.create': async ({ text, speaker, note }) => {
      const { claim, created } = await library.addClaim(text, speaker, note);
      if (!created) throw new ServiceError('conflict', `A claim reading "${claim.text}" exists already.`);
      return claim;
    },
    'claims.update': ({ id, ...patch }) => library.updateClaim(id, patch),
    'claims.delete': ({ id }) => library.deleteClaim(id),
    'claims.restore': ({ claim }) => library.restoreClaim(claim),
    'claims.evidence': ({ id }) => {
      if (!library.listClaims().some((c) => c.id === id))
        throw new ServiceError('not_found', `No claim with id ${id}`);
      const byId = new Map(library.listArticles().map((a) => [a.id, a]));
      return evidenceForClaim(id, library.allAnnotations(), byId);
    },
    // Each annotation change answers what the window redraws (the article's annotations, the claims touched).
    'annotations.create': async (input) => {
      const r = await library.createAnnotation({
        articleId: input.articleId,
        target: input.target,
        claim: 'claimId' in input ? { claimId: input.claimId } : { newClaim: input.newClaim },
        stance: input.stance,
        speaker: input.speaker,
        tags: input.tags,
        note: input.note,
      });
      return { ...r, ...(await library.annotationChange(r.annotation.articleId, [r.claim.id])) };
    },
    'annotations.update': async ({ id, ...patch }) => {
      // The claim it leaves is touched too; look it up only when the claim changes (a lookup scans the library).
      const left = patch.claimId === undefined ? [] : [library.findAnnotation(id).claimId];
      const annotation = await library.updateAnnotation(id, patch);
      return {
        annotation,
        ...(await library.annotationChange(annotation.articleId, [...left, annotation.claimId])),
      };
    },
    'annotations.delete': async ({ id }) => {
      const annotation = await library.deleteAnnotation(id);
      return { annotation, ...(await library.annotationChange(annotation.articleId, [annotation.claimId])) };
    },
    'annotations.restore': async ({ annotation }) => {
      const restored = await library.restoreAnnotation(annotation);
      return {
        annotation: restored,
        ...(await library.annotationChange(restored.articleId, [restored.claimId])),
      };
    },
    'export.build': async ({ format }) => buildExport(format, await library.snapshot(), now()),
    'export.save': async ({ format }) => {
      if (!ports.saveExport) throw unavailable('Saving through a dialog');
      return ports.saveExport(buildExport(format, await library.snapshot(), now()));
    },
    'import.openDialog': async ({ kind }) => {
      if (!ports.pickImportPaths) throw unavailable('The import dialog');
      const paths = await ports.pickImportPaths(kind ?? 'files');
      if (!paths || paths.length === 0) return null;
      return importJobs.start(paths);
    },
    'import.jobStatus': ({ jobId, resultsFrom }) => importJobs.status(jobId, resultsFrom),
    'import.cancelJob': ({ jobId }) => importJobs.cancel(jobId),
    'shell.openExternal': async ({ url }) => {
      const safe = checkExternalUrl(url);
      if (!safe) throw new ServiceError('refused', 'Only http and https links can be opened.');
      if (!ports.openExternal) throw unavailable('Opening the system browser');
      await ports.openExternal(safe);
      return { opened: true };
    },
    'settings.get': () => library.settings.view(),
    'settings.update': (patch) => library.settings.update(patch),
    'library.restoreBackup': async ({ backupId }) => {
      if (!restoreBackup) throw new ServiceError('unavailable', 'Restoring a backup is not available here.');
      return restoreBackup(backupId);
    },
  };
}
