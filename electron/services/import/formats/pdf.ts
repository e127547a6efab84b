// PDF through pdf.js (legacy build, the one meant for Node). pdf.js normally parses in a web worker; here its
// worker module runs in this thread (it registers globalThis.pdfjsWorker, which pdf.js then uses as a "fake
// worker"; runPatchedWorker says which one statement of it is changed), so no worker has to be started or
// fetched. No fonts are loaded, eval is off, and no URL is ever given to pdf.js, so it reads nothing but the
// bytes it is handed. Text comes page by page and is rebuilt into paragraphs by pdf-layout; pages[i] is the
// page paragraph i starts on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { articleFromBlocks, meaningfulTitle } from './docx-article';
import { blocksOfPages, dropFurniture, linesOf, type PdfLine, type PdfTextPiece } from './pdf-layout';
import { ImportRefusal } from '../refusal';
import { URL_RE } from '../text/line-helpers';
import type { FormatExtractor } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// A pdf.js bug (pdfjs-dist 5.6.205, unchanged in 6.5.438) that no promise of ours can reach: Catalog.getPageDict,
// walking the page tree, starts fetching every kid of the top-level /Pages node at once and keeps the promises
// in a cache, but awaits only the kids it walks past. When a kid's XRef entry is damaged its fetch rejects,
// and when that kid is never walked past (/Count smaller than /Kids, the walk stopped at an earlier damaged
// kid, or the document was reopened in recovery mode with a fresh cache) nothing ever handles the rejection:
// an "Unhandled Rejection XRefEntryException: Bad (uncompressed) XRef entry: 4R" after the file was already
// read or refused, which kills the extraction worker or the CLI (Node's default for unhandled rejections) and
// fails the test run. The promise lives in the worker's private cache, so the only narrow cure is in that one
// statement: the worker is evaluated here with a no-op handler attached to each prefetch. The walk still
// awaits the same promise and still sees the error; nothing else in pdf.js changes.
const PREFETCH = 'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));';
const PREFETCH_HANDLED =
  '{ const kidDict = xref.fetchAsync(lastKid); kidDict.catch(() => {}); pageDictCache.put(lastKid, kidDict); }';

/**
 * Runs pdf.js's worker module, with the prefetch above handled, in this thread (it registers
 * globalThis.pdfjsWorker). Returns false, having registered nothing, when this pdf.js does not contain the
 * statement verbatim (fixed or rewritten upstream) or the script does not run: the caller then imports the
 * module as it ships (and pdf-rejections.test.ts fails if the bug is still there).
 */
function runPatchedWorker(): boolean {
  try {
    const file = createRequire(import.meta.url).resolve(WORKER_MODULE);
    const source = readFileSync(file, 'utf8');
    if (source.split(PREFETCH).length !== 2) return false;
    // The same lines as the module, as a script in a strict function (stack traces keep the file and line):
    // `import.meta.url` becomes the file's URL (only the wasm decoders read it, and wasm is off) and the one
    // export goes (the module's last statement has put it on globalThis already).
    const script = source
      .replace(PREFETCH, PREFETCH_HANDLED)
      .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
      .replace(/^export \{ WorkerMessageHandler \};$/m, '');
    runInThisContext(`(function () { 'use strict'; ${script}\n})();`, { filename: file });
    return Boolean((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker);
  } catch {
    return false;
  }
}

let pdfjsLoading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Already registered when this module is evaluated again in the same process (test runners re-import
    // modules but keep globals and pdf.js itself): pdf.js has settled on that worker, keep it.
    if (!(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker && !runPatchedWorker()) {
      // The specifier is a variable only because the worker module ships without type declarations.
      const workerModule = WORKER_MODULE;
      await import(/* @vite-ignore */ workerModule);
    }
    return pdfjs;
  })();
  pdfjsLoading.catch(() => {
    pdfjsLoading = null;
  });
  return pdfjsLoading;
}

/** Reading a PDF stops after this long: hostile files can make pdf.js work hard, and an import must end. */
export const PDF_TIME_LIMIT_MS = 60_000;

/** "D:20220107142600+01'00'" → "2022-01-07T14:26:00+01:00"; a date alone when no time zone is given. */
export function parsePdfDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = s
    .trim()
    .match(/^(?:D:)?(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, z, sign, oh, om] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number(y) < 1900 || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d))
    return null;
  const day = `${y}-${mo}-${d}`;
  if (!hh || (!z && !sign) || Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59) return day;
  return `${day}T${hh}:${mi}:${ss ?? '00'}${z ? 'Z' : `${sign}${oh}:${om ?? '00'}`}`;
}

/** Where "%PDF-" starts; pdf.js, like readers, tolerates some junk before it. */
function pdfHeaderAt(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.indexOf('%PDF-');
}

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new ImportRefusal(`took longer than ${Math.round(ms / 1000)} s to read (damaged or hostile PDF?)`),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function refusalFor(err: unknown): ImportRefusal {
  if (err instanceof ImportRefusal) return err;
  const name = (err as { name?: string } | null)?.name;
  const message = err instanceof Error ? err.message.slice(0, 160) : String(err);
  if (name === 'PasswordException') return new ImportRefusal('password-protected PDF (encrypted)');
  if (name === 'InvalidPDFException')
    return new ImportRefusal(`damaged, truncated or not a PDF (${message})`);
  return new ImportRefusal(`damaged PDF (${message})`);
}

interface Extracted {
  pages: PdfLine[][];
  info: Record<string, unknown>;
  xmp: { title: string | null; author: string | null };
}

async function readPdf(pdfjs: PdfJs, data: Uint8Array, timeLimitMs: number): Promise<Extracted> {
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const work = (async () => {
    const doc = await task.promise;
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: PdfTextPiece[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        pieces.push({
          str: it.str,
          x: e ?? 0,
          y: f ?? 0,
          width: it.width,
          size: Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || it.height,
          hasEOL: it.hasEOL,
        });
      }
      pages.push(linesOf(pieces));
      page.cleanup();
    }
    const xmpGet = (k: string) => {
      const v = metadata?.get(k);
      return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
    };
    return {
      pages,
      info: info as Record<string, unknown>,
      xmp: { title: xmpGet('dc:title'), author: xmpGet('dc:creator') },
    };
  })();
  // A deadline stops the work by destroying the task; every destroy() promise gets a handler (one that
  // rejected would be unhandled otherwise), and the document is destroyed before readPdf settles.
  const destroy = () => task.destroy().catch(() => undefined);
  try {
    return await withDeadline(work, timeLimitMs, () => void destroy());
  } finally {
    await destroy();
  }
}

export const pdfFormat: FormatExtractor = {
  extensions: ['.pdf'],
  name: 'PDF document',
  async extract(label, bytes) {
    if (bytes.length === 0) throw new ImportRefusal('empty file');
    if (pdfHeaderAt(bytes) < 0) throw new ImportRefusal('not a PDF file (no %PDF header)');
    const pdfjs = await loadPdfJs();
    let read: Extracted;
    try {
      // pdf.js takes ownership of the buffer it is given (it is transferred to the worker side): hand it a copy.
      read = await readPdf(pdfjs, bytes.slice(), PDF_TIME_LIMIT_MS);
    } catch (err) {
      throw refusalFor(err);
    }
    const { pages: furnished, info, xmp } = read;
    if (!furnished.some((lines) => lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))))
      throw new ImportRefusal('no text layer (scanned PDF?)');
    const { pages, removed } = dropFurniture(furnished);
    const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : null);
    const blocks = blocksOfPages(pages);
    // Of the headings, only the one set in the largest type on page 1 can be the title; it goes first.
    let top: (typeof blocks)[number] | null = null;
    for (const b of blocks)
      if (b.page === 1 && b.heading && b.text.length <= 300 && (!top || b.size > top.size)) top = b;
    for (const b of blocks) b.heading = b === top;
    if (top) {
      blocks.splice(blocks.indexOf(top), 1);
      blocks.unshift(top);
    }
    const article = articleFromBlocks(
      blocks,
      {
        title: meaningfulTitle(str('Title')) ?? meaningfulTitle(xmp.title),
        author: str('Author') || xmp.author,
        published: parsePdfDate(info.CreationDate),
        modified: parsePdfDate(info.ModDate),
        language: str('Language'),
        url: removed.flatMap((t) => t.match(URL_RE) ?? [])[0] ?? null,
      },
      'meta',
    );
    return [{ label, bytes, article }];
  },
};
