// Domain types shared by the main side and the renderer. Pure data: no Node, DOM or Electron.
import type { ImportSizeLimits } from '../api/rpc';

export const STANCES = ['asserts', 'reports', 'supports', 'disputes', 'denies'] as const;
export type Stance = (typeof STANCES)[number];

export interface Outlet {
  /** Human name, e.g. "Sputnik Italia". */
  name: string;
  /** Registrable host without "www.", e.g. "it.sputniknews.com"; null when unknown. */
  domain: string | null;
}

/**
 * Where an article's publication date was read, so an analyst can judge it (most trusted first): the page's
 * schema.org JSON-LD; its <meta> tags (or a document's own properties, an e-mail's Date header); marked-up
 * elements (<time>, itemprop, data-* attributes); the date in its URL; a date line in its text.
 */
export const DATE_SOURCES = ['json-ld', 'meta', 'markup', 'url', 'text'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];
/** Each source as the reader and the CLI name it ("date from …"). */
export const DATE_SOURCE_LABELS: Readonly<Record<DateSource, string>> = {
  'json-ld': "the page's JSON-LD",
  meta: 'the metadata',
  markup: "the page's date markup",
  url: 'the URL',
  text: 'a date line in the text',
};

/** What an importer extracts from one file, before it is stored. */
export interface ParsedArticle {
  title: string;
  outlet: Outlet;
  url: string | null;
  /** ISO 8601; with offset where the source gives a time ("2022-01-07T14:26:00+01:00"), else a date ("2022-01-10"). */
  published: string | null;
  /** Where `published` was read; absent when unknown (or no date). */
  publishedFrom?: DateSource;
  modified: string | null;
  /** BCP 47 primary tag, e.g. "it"; null when unknown. */
  language: string | null;
  author: string | null;
  lead: string;
  paragraphs: string[];
  /** For paged sources (PDF): the page number of each paragraph, so a quote can cite its page. */
  pages?: number[];
  /** Photo captions with their credits, kept out of the body text that evidence is tagged in. */
  captions?: string[];
}

/** Article metadata as kept in the library index (texts live in their own files). */
export interface ArticleMeta {
  id: string;
  fileName: string;
  /** sha256 (hex) of the original bytes as imported. */
  sha256: string;
  /** sha256 of the extracted stored text, to recognise the same article arriving as different bytes. */
  textSha256?: string;
  importedAt: string;
  title: string;
  outlet: Outlet;
  url: string | null;
  published: string | null;
  /** Where `published` was read; absent when unknown (and in articles imported before it was recorded). */
  publishedFrom?: DateSource;
  modified: string | null;
  language: string | null;
  author: string | null;
  lead: string;
  wordCount: number;
  /** Byte size of the original file. */
  size: number;
  /**
   * Near duplicates (the same story syndicated by several outlets, or re-scraped with another footer) share
   * a group: the id of the earliest imported article of the group. Absent for an article with no near duplicate.
   */
  nearDuplicateGroup?: string;
}

export interface Article extends ArticleMeta {
  paragraphs: string[];
  pages?: number[];
  /** Photo captions with their credits (web pages), kept out of the body. */
  captions?: string[];
}

/** A row of the article list. */
export interface ArticleSummary extends ArticleMeta {
  claimCount: number;
  annotationCount: number;
}

export interface Claim {
  id: string;
  /** Canonical wording, e.g. "CSTO troops will withdraw from Kazakhstan". */
  text: string;
  speaker: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export type StanceCounts = Record<Stance, number>;

export interface ClaimSummary extends Claim {
  counts: StanceCounts;
  /** Distinct articles with evidence for this claim. */
  sourceCount: number;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector; offsets in code points of the stored text (see shared/domain/article-text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Annotation {
  id: string;
  articleId: string;
  claimId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  stance: Stance;
  /** Who says it in the text, e.g. "Putin". */
  speaker: string;
  tags: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** One piece of evidence for a claim, joined with its article's metadata. */
export interface Evidence {
  annotation: Annotation;
  article: Pick<ArticleMeta, 'id' | 'title' | 'outlet' | 'url' | 'published' | 'language'>;
}

export interface ArticleWithAnnotations extends Article {
  annotations: Annotation[];
}

/** A near-duplicate is imported (a separate source: the outlet matters) and joins the group of what it resembles. */
export type ImportStatus = 'imported' | 'near-duplicate' | 'duplicate' | 'refused';

export interface ImportFileResult {
  fileName: string;
  status: ImportStatus;
  /** Set when imported, or the existing article when duplicate. */
  articleId?: string;
  title?: string;
  /** Why it was refused, or what it duplicates. */
  reason?: string;
}

export interface ImportReport {
  results: ImportFileResult[];
  /** New articles, not counting near duplicates (which are stored too). */
  imported: number;
  /** Imported as separate sources, each a near duplicate of an article already in the library or in the same import. */
  nearDuplicates?: number;
  duplicates: number;
  refused: number;
}

export type ExportFormat = 'md' | 'csv' | 'json';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** The whole library, as exported to JSON. */
export interface LibrarySnapshot {
  schemaVersion: number;
  exportedAt: string;
  articles: Article[];
  claims: Claim[];
  annotations: Annotation[];
}

export interface AppInfo {
  /** Which shell serves the renderer: the Electron app or the localhost host. */
  shell: 'electron' | 'host';
  version: string;
  libraryName: string;
  /** Native dialogs (open/save) exist only in the Electron shell. */
  nativeDialogs: boolean;
  /** The per-file caps imports use now (the library's settings): the renderer skips sending larger files. */
  importLimits: ImportSizeLimits;
  /** Set when the library could not be opened: every method but app.info and library.restoreBackup answers 'unavailable'. */
  recovery?: LibraryRecovery;
}

/** Per-library preferences, kept in the library folder (settings.json). */
export interface LibrarySettings {
  importLimits: ImportSizeLimits;
  /** The library's own outlet names, over the built-in registry (shared/domain/outlet-registry.ts): domain → name. */
  outletNames: Record<string, string>;
}

/** What settings.get and settings.update answer. */
export interface SettingsView {
  settings: LibrarySettings;
  defaults: LibrarySettings;
  /** Set when settings.json could not be read: the defaults are in use and the file was moved aside. */
  notice?: string;
  /** From settings.update only: stored articles whose outlet name changed with the outlet names. */
  renamed?: number;
}

export interface LibraryRecovery {
  /** The index file at fault, relative to the library folder (e.g. "articles.json"). */
  file: string;
  reason: string;
  /** Automatic backups that would open, newest first. */
  backups: RecoveryBackup[];
}

/** What library.restoreBackup answers. */
export interface RestoreBackupResult {
  restored: true;
  /**
   * Articles imported after the backup was taken: their folders are kept, and the index the restore moved
   * aside still listed them, so they are listed again.
   */
  readded: number;
  /** Annotations on those articles that stay only in the library's damaged/ folder (their claim is not in the backup). */
  annotationsLeftAside: number;
}

export interface RecoveryBackup {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  articles: number;
  claims: number;
  annotations: number;
}

/**
 * An import of files picked in the native dialog, run on the main side (import.openDialog starts it,
 * import.jobStatus reports it, import.cancelJob stops it after the batch in flight).
 */
export interface ImportJobStatus {
  jobId: string;
  state: 'running' | 'finished';
  /** Files whose batch has been answered, of `total` picked (folders walked). */
  done: number;
  total: number;
  batchesDone: number;
  phase: 'reading' | 'importing';
  /** The file being read, or the range of the batch being stored. */
  current: string;
  cancelling: boolean;
  /**
   * A line per file (or record, or zip entry): all of them once finished; while running, those stored so far
   * from index `resultsFrom` on when the caller asked for them (the CLI prints each line as its batch ends).
   */
  results?: ImportFileResult[];
  /** Set once finished: Cancel stopped it before the end. */
  cancelled?: boolean;
  /** Set once finished: labels of the files never imported (cancelled, or stopped by an error). */
  notSent?: string[];
  /** Set once finished, when a batch failed: why it stopped. */
  error?: string;
}
