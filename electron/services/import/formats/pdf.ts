// PDF through pdf.js (legacy build, the one meant for Node). pdf.js normally parses in a web worker; here its
// worker module is imported into this thread (it registers globalThis.pdfjsWorker, which pdf.js then uses as
// a "fake worker"), so no worker file has to be located or fetched. No fonts are loaded, eval is off, and no
// URL is ever given to pdf.js, so it reads nothing but the bytes it is handed. Text comes page by page and is
// rebuilt into paragraphs by pdf-layout; pages[i] is the page paragraph i starts on.
import { articleFromBlocks, meaningfulTitle } from './docx-article';
import { blocksOfPages, dropFurniture, linesOf, type PdfLine, type PdfTextPiece } from './pdf-layout';
import { ImportRefusal } from '../refusal';
import { URL_RE } from '../text';
import type { FormatExtractor } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The specifier is a variable only because the worker module ships without type declarations.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    await import(/* @vite-ignore */ workerModule);
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
  const m = s.trim().match(/^(?:D:)?(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, z, sign, oh, om] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number(y) < 1900 || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
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
      reject(new ImportRefusal(`took longer than ${Math.round(ms / 1000)} s to read (damaged or hostile PDF?)`));
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
  if (name === 'InvalidPDFException') return new ImportRefusal(`damaged, truncated or not a PDF (${message})`);
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
        pieces.push({ str: it.str, x: e ?? 0, y: f ?? 0, width: it.width, size: Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || it.height, hasEOL: it.hasEOL });
      }
      pages.push(linesOf(pieces));
      page.cleanup();
    }
    const xmpGet = (k: string) => {
      const v = metadata?.get(k);
      return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
    };
    return { pages, info: info as Record<string, unknown>, xmp: { title: xmpGet('dc:title'), author: xmpGet('dc:creator') } };
  })();
  try {
    return await withDeadline(work, timeLimitMs, () => void task.destroy());
  } finally {
    await task.destroy().catch(() => undefined);
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
    if (!furnished.some((lines) => lines.some((l) => /[\p{L}\p{N}]/u.test(l.text)))) throw new ImportRefusal('no text layer (scanned PDF?)');
    const { pages, removed } = dropFurniture(furnished);
    const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : null);
    const blocks = blocksOfPages(pages);
    // Of the headings, only the one set in the largest type on page 1 can be the title; it goes first.
    let top: (typeof blocks)[number] | null = null;
    for (const b of blocks) if (b.page === 1 && b.heading && b.text.length <= 300 && (!top || b.size > top.size)) top = b;
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
