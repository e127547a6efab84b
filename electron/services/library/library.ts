// An open library, composed of narrow stores over the folder on disk (store.ts): articles (the index, texts
// and originals: articles.ts), claims (claims.ts) and annotations (annotations.ts), the near-duplicate
// signatures (signatures.ts) and the settings with the outlet names (settings.ts). Only these stores touch
// the folder's data; the importer gets `importTarget`, a narrow interface, and the handlers the methods
// below. Every mutation changes the in-memory data, then awaits the write of the small file it touched; the
// promise resolving is the acknowledgement that the change is on disk.
import { createHash, randomBytes } from 'node:crypto';
import type {
  Article,
  ArticleMeta,
  ArticleSummary,
  ArticleWithAnnotations,
  LibrarySnapshot,
  SettingsView,
} from '../../../shared/domain/types';
import type { NearMatch, Signature } from '../near-duplicates';
import { createAnnotations, type Annotations } from './annotations';
import { createArticles, type DuplicateFinder, type LibraryHooks, type NewArticle } from './articles';
import { createClaimOps } from './claims';
import { readdArticles } from './readd-articles';
import { createSettings, type Settings, type SettingsPatch } from './settings';
import { createSignatures } from './signatures';
import { SCHEMA_VERSION, storedTextOf, type LibraryStore, type StoredText } from './store';

/** An article's text fields for a reply: copies (callers may change them), the title as the index has it. */
function textFields(t: StoredText): Pick<Article, 'lead' | 'paragraphs' | 'pages' | 'captions'> {
  const { lead, paragraphs, pages, captions } = storedTextOf(t);
  return {
    lead,
    paragraphs: [...paragraphs],
    ...(pages ? { pages: [...pages] } : {}),
    ...(captions ? { captions: [...captions] } : {}),
  };
}

export type { AnnotationDraft, AnnotationPatch } from './annotations';
export type { LibraryHooks, NewArticle } from './articles';

// Hex, so an id never starts with '-' (a CLI flag, a spreadsheet formula) or '_'.
export const newId = (): string => randomBytes(10).toString('hex');
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What the importer may do with the library: judge duplicates, find near duplicates, add a batch. */
export interface ImportTarget {
  /** Resolves once the stored signatures are loaded (or rebuilt); a batch waits for it. */
  ready(): Promise<void>;
  duplicateFinder(): DuplicateFinder;
  articleMeta(id: string): ArticleMeta | undefined;
  /** The stored articles in import order (the importer learns each domain's site name from their titles). */
  articleMetas(): readonly ArticleMeta[];
  /** The stored article whose text is closest to `sig`, at the near-duplicate threshold. */
  nearestStored(sig: Signature): NearMatch | null;
  /** Store a batch all or nothing (articles.ts), then the signatures of its articles (null: too short to compare). */
  addArticles(
    items: ReadonlyArray<NewArticle & { signature: Signature | null }>,
    groups: ReadonlyMap<string, string>,
  ): Promise<ArticleMeta[]>;
}

/** The settings, where a change of outlet names also renames the stored articles of those domains. */
export interface LibrarySettings extends Omit<Settings, 'update'> {
  update(patch: SettingsPatch): Promise<SettingsView>;
}

export function createLibrary(
  store: LibraryStore,
  now: () => Date = () => new Date(),
  hooks: LibraryHooks = {},
) {
  const stamp = () => now().toISOString();
  const articles = createArticles({ store, now, hooks });
  // Claims and annotations refer to each other: a claim with evidence cannot be deleted.
  const annotationsRef: { current?: Annotations } = {};
  const claims = createClaimOps(store, stamp, newId, () => annotationsRef.current!.allAnnotations());
  const annotations = (annotationsRef.current = createAnnotations({ store, articles, claims, stamp, newId }));
  const ids = () => articles.articleMetas().map((a) => a.id);
  const signatures = createSignatures({ dir: store.dir, ids, readText: (id) => store.readArticleText(id) });
  const plainSettings = createSettings(store.settings, store.settingsNotice);

  const settings: LibrarySettings = {
    current: plainSettings.current,
    view: plainSettings.view,
    async update(patch) {
      const before = plainSettings.current().outletNames;
      const view = await plainSettings.update(patch);
      if (!patch.outletNames) return view;
      // The names are saved first: a failure to rename stored articles then leaves them as they were, and
      // saving the same names again renames them.
      return { ...view, renamed: await articles.renameOutlets(before, view.settings.outletNames) };
    },
  };

  const importTarget: ImportTarget = {
    ready: () => signatures.ready(),
    duplicateFinder: articles.duplicateFinder,
    articleMeta: articles.articleMeta,
    articleMetas: articles.articleMetas,
    nearestStored: (sig) => signatures.bestMatch(sig, (id) => articles.articleMeta(id) !== undefined),
    async addArticles(items, groups) {
      const added = await articles.addArticles(items, groups);
      await signatures.commit(added.map((a, i) => ({ id: a.id, sig: items[i]!.signature })));
      return added;
    },
  };

  return {
    importTarget,
    settings,

    listArticles(): ArticleSummary[] {
      const counts = annotations.countsByArticle();
      return articles.articleMetas().map((a) => ({
        ...a,
        claimCount: counts.get(a.id)?.claims ?? 0,
        annotationCount: counts.get(a.id)?.annotations ?? 0,
      }));
    },
    async getArticle(id: string): Promise<ArticleWithAnnotations> {
      const meta = articles.findArticle(id);
      const text = await articles.textOf(id);
      const anns = await annotations.annotationsOf(id);
      return {
        ...meta,
        ...textFields(text),
        annotations: anns,
      };
    },
    articleMeta: articles.articleMeta,
    articleMetas: articles.articleMetas,
    readText: articles.readText,
    deleteArticle: articles.deleteArticle,
    reextract: articles.reextract,

    listClaims: claims.listClaims,
    addClaim: claims.addClaim,
    updateClaim: claims.updateClaim,
    deleteClaim: claims.deleteClaim,
    restoreClaim: claims.restoreClaim,

    allAnnotations: annotations.allAnnotations,
    createAnnotation: annotations.createAnnotation,
    updateAnnotation: annotations.updateAnnotation,
    deleteAnnotation: annotations.deleteAnnotation,
    restoreAnnotation: annotations.restoreAnnotation,
    findAnnotation: annotations.findAnnotation,
    annotationChange: annotations.changeView,

    /** After a restore: list again the articles imported after the backup (readd-articles.ts). */
    readdArticles: (movedAside: string) => readdArticles(store, movedAside),
    /** Copy the index as it is now into a new rolling backup; null when the newest backup is identical. */
    backupNow: (reason: string, force?: boolean) => store.backupNow(reason, force),

    async snapshot(): Promise<LibrarySnapshot> {
      const full: Article[] = [];
      for (const meta of articles.articleMetas()) {
        const t = await store.readArticleText(meta.id);
        full.push({ ...meta, ...textFields(t) });
      }
      return {
        schemaVersion: SCHEMA_VERSION,
        exportedAt: stamp(),
        articles: full,
        claims: claims.listClaims(),
        annotations: annotations.allAnnotations(),
      };
    },
  };
}

export type Library = ReturnType<typeof createLibrary>;
