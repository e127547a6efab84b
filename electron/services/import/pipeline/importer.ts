// Turns files (name + bytes) into stored articles and a per-file report. A refused file never stops the
// others, and nothing is stored for it. Exact duplicates are recognised by the sha256 of the original bytes
// and by the sha256 of the extracted text (the same article saved twice with different bytes); they are not
// stored. Near duplicates (the same story from another outlet, a re-scrape with another footer: see
// near-duplicates.ts) are stored as separate sources and join the group of the article they resemble.
//
// One call is one batch, and batches run one at a time: a batch's articles are stored and then the index is
// written once, so a batch is in the index entirely or not at all (Library.addArticles).
//
// Near duplicates are found with MinHash signatures (near-duplicates.ts), which the library stores
// (library/signatures.ts); the importer computes a signature per article and hands it over with the batch.
import type { ImportFileResult, ImportReport, ParsedArticle } from '../../../../shared/domain/types';
import { articleText } from '../../../../shared/domain/article-text';
import { importReportOf } from '../../../../shared/domain/import-report';
import { extractFile, oversizeReason } from '../formats/registry';
import { outletKey, withOutletNames } from '../text/outlet-clues';
import type { OutletNames } from '../../../../shared/domain/outlet-registry';
import { DEFAULT_LIMITS, type ExtractedItem, type ImportLimits } from '../formats/types';
import { sha256Hex, type ImportTarget } from '../../library/library';
import { siteTitleCutter } from '../../../../shared/domain/title-suffix';
import {
  NEAR_DUPLICATE_THRESHOLD,
  NearDuplicateIndex,
  comparableText,
  signatureOf,
  type NearMatch,
  type Signature,
} from '../../near-duplicates';

export interface IncomingFile {
  name: string;
  /** Size as seen by the sender; files over the cap arrive without bytes. */
  size: number;
  bytes?: Uint8Array;
}

export const textHash = (a: ParsedArticle) => sha256Hex(new TextEncoder().encode(articleText(a)));

/** Reads one file into its articles under the given limits; in the app a pool of worker threads, in tests the registry itself. */
export type ExtractFn = (label: string, bytes: Uint8Array, limits: ImportLimits) => Promise<ExtractedItem[]>;

const extractInProcess: ExtractFn = (label, bytes, limits) => extractFile(label, bytes, { limits });

/**
 * `limits` is read at the start of every batch: a library's settings (settings.update) apply to the next
 * import without reopening anything, and a batch is never judged by two different caps. `outletNames` (the
 * library's own outlet names) is read likewise, once a batch, and applied to every extracted article before
 * duplicates are judged, since "same outlet" decides whether the same text is a duplicate; re-extraction
 * names outlets the same way.
 */
export function createImporter(
  library: ImportTarget,
  limits: ImportLimits | (() => ImportLimits) = DEFAULT_LIMITS,
  extractRaw: ExtractFn = extractInProcess,
  outletNames: () => OutletNames = () => ({}),
) {
  const currentLimits = typeof limits === 'function' ? limits : () => limits;
  /** The extractor, with outlets named as the library names them (`names` read once by the caller). */
  const extractWith = async (
    label: string,
    bytes: Uint8Array,
    lim: ImportLimits,
    names: OutletNames,
  ): Promise<ExtractedItem[]> =>
    (await extractRaw(label, bytes, lim)).map((it) =>
      'article' in it
        ? { ...it, article: { ...it.article, outlet: withOutletNames(it.article.outlet, names) } }
        : it,
    );

  async function importBatch(files: IncomingFile[]): Promise<ImportReport> {
    await library.ready();
    const limits = currentLimits();
    const names = outletNames();
    const findDuplicate = library.duplicateFinder();
    const results: ImportFileResult[] = [];
    const batch: Array<Parameters<ImportTarget['addArticles']>[0][number]> = [];
    const groups = new Map<string, string>();
    const seenBytes = new Map<string, { label: string; id: string }>();
    const seenText = new Map<string, { label: string; id: string }>();
    // Articles of this batch, for near duplicates within the batch.
    const pending = new NearDuplicateIndex();
    const pendingItems = new Map<string, (typeof batch)[number]>();
    // Titles without the site name other titles of their domain share ("… - KESQ").
    const siteTitles = siteTitleCutter(library.articleMetas());
    // Every file of the batch is handed to the extractor at once, so a worker pool reads them in parallel;
    // the results are then taken in file order, which keeps reports and duplicate decisions deterministic.
    const extractions = files.map((f) => {
      const tooBig = oversizeReason(f.name, Math.max(f.size, f.bytes?.byteLength ?? 0), limits);
      if (tooBig) return tooBig;
      // The renderer leaves out the bytes of a file over the cap it knows: one raised since then arrives empty.
      if (!f.bytes)
        return 'its content was not sent (it was over the size limit when it was sent); import it again';
      return extractWith(f.name, f.bytes, limits, names);
    });
    for (const [i, f] of files.entries()) {
      const extracted = extractions[i]!;
      if (typeof extracted === 'string') {
        results.push({ fileName: f.name, status: 'refused', reason: extracted });
        continue;
      }
      for (const item of await extracted) {
        if ('refusal' in item) {
          results.push({ fileName: item.label, status: 'refused', reason: item.refusal });
          continue;
        }
        const { domain } = item.article.outlet;
        const title = siteTitles.cut(domain, item.article.title);
        siteTitles.learn(domain, item.article.title);
        if (title !== item.article.title) item.article = { ...item.article, title };
        const sha256 = sha256Hex(item.bytes);
        const tsha = textHash(item.article);
        const existing = findDuplicate(sha256, tsha, item.article.outlet);
        if (existing) {
          const how =
            existing.sha256 === sha256
              ? 'already in the library'
              : 'same text from the same outlet already in the library';
          results.push({
            fileName: item.label,
            status: 'duplicate',
            articleId: existing.id,
            title: existing.title,
            reason: `${how} as "${existing.title}"`,
          });
          continue;
        }
        // Same text counts as the same article only from the same outlet (see library.duplicateFinder).
        const textKey = `${tsha} ${outletKey(item.article.outlet)}`;
        const twin = seenBytes.get(sha256) ?? seenText.get(textKey);
        if (twin) {
          results.push({
            fileName: item.label,
            status: 'duplicate',
            articleId: twin.id,
            reason: `same content as ${twin.label} in this import`,
          });
          continue;
        }
        const id = sha256.slice(0, 16);
        seenBytes.set(sha256, { label: item.label, id });
        seenText.set(textKey, { label: item.label, id });
        const sig = signatureOf(comparableText(item.article));
        const entry: (typeof batch)[number] = {
          fileName: item.label,
          bytes: item.bytes,
          sha256,
          textSha256: tsha,
          parsed: item.article,
          signature: sig,
        };
        const near = sig ? nearestOf(sig) : null;
        if (near) {
          const inLibrary = library.articleMeta(near.id);
          const inBatch = pendingItems.get(near.id);
          const group = inLibrary
            ? (inLibrary.nearDuplicateGroup ?? groups.get(near.id) ?? near.id)
            : (inBatch!.nearDuplicateGroup ?? near.id);
          if (inLibrary && !inLibrary.nearDuplicateGroup) groups.set(near.id, group);
          if (inBatch) inBatch.nearDuplicateGroup ??= group;
          entry.nearDuplicateGroup = group;
          const { title, outlet } = inLibrary ?? inBatch!.parsed;
          results.push({
            fileName: item.label,
            status: 'near-duplicate',
            articleId: id,
            title: item.article.title,
            reason: `near-duplicate of "${title}" (${outlet.name})`,
          });
        } else {
          results.push({
            fileName: item.label,
            status: 'imported',
            articleId: id,
            title: item.article.title,
          });
        }
        if (sig) pending.add(id, sig);
        pendingItems.set(id, entry);
        batch.push(entry);
      }
    }
    await library.addArticles(batch, groups);
    return importReportOf(results);

    /** The closest article in the library or earlier in this batch (the library's on a tie: it came first). */
    function nearestOf(sig: Signature): NearMatch | null {
      const a = library.nearestStored(sig);
      const b = pending.bestMatch(sig, NEAR_DUPLICATE_THRESHOLD);
      return a && (!b || a.jaccard >= b.jaccard) ? a : b;
    }
  }

  // One batch at a time, so that near duplicates and exact duplicates are checked against every earlier batch.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** The caps in force now (defaults, then the library's settings, then a per-run override). */
    limits: currentLimits,
    /** The same reader imports use (the worker pool in the app) under the caps in force, for re-extraction. */
    extract: (label: string, bytes: Uint8Array) => extractWith(label, bytes, currentLimits(), outletNames()),
    importFiles(files: IncomingFile[]): Promise<ImportReport> {
      const run = queue.then(() => importBatch(files));
      queue = run.catch(() => {});
      return run;
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
