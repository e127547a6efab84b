// Rebuilding running text from a PDF's positioned text pieces. Pure: pdf.ts feeds it what pdf.js reports.
// Lines: pieces on one baseline, in content order. Paragraphs: a new one starts at a wider gap than the
// page's usual line spacing, a change of font size, a first-line indent, or after a short line that ends a
// sentence. Running headers and footers (the same text at the top or bottom of most pages) and bare page
// numbers go; a paragraph cut by a page break is joined again, keeping the page it starts on.
import type { DocBlock } from './docx-article';

export interface PdfTextPiece {
  str: string;
  /** Baseline origin in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  hasEOL?: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/**
 * Note markers: a number of one to three digits set in much smaller type than the text beside it
 * ("euro.¹", "¹ Stima…"). They become "[1]", as mammoth writes Word's note references.
 */
function markNotes(pieces: readonly PdfTextPiece[]): Array<PdfTextPiece & { marker?: boolean }> {
  const text = (p: PdfTextPiece | undefined) => (p && p.str.trim().length > 2 ? p : null);
  return pieces.map((p, i) => {
    if (!/^\s*\d{1,3}\s*$/.test(p.str)) return p;
    const next = text(pieces[i + 1]);
    const beside = text(pieces[i - 1]) ?? next;
    if (!beside || !(p.size <= beside.size * 0.75) || Math.abs(p.y - beside.y) > beside.size) return p;
    return { ...p, str: `[${p.str.trim()}]${beside === next ? ' ' : ''}`, marker: true };
  });
}

export function linesOf(pieces: readonly PdfTextPiece[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: (PdfLine & { markerOnly: boolean }) | null = null;
  const flush = () => {
    if (cur && /\S/.test(cur.text))
      lines.push({
        text: cur.text.replace(/\s+/g, ' ').trim(),
        x: cur.x,
        xEnd: cur.xEnd,
        y: cur.y,
        size: cur.size,
      });
    cur = null;
  };
  for (const p of markNotes(pieces)) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const size = p.size > 0 && Number.isFinite(p.size) ? p.size : 10;
    if (p.str) {
      const c: (PdfLine & { markerOnly: boolean }) | null = cur;
      const tolerance = Math.max(c?.size ?? 0, size) * 0.5;
      if (c && Math.abs(p.y - c.y) <= tolerance && p.x >= c.xEnd - size * 2) {
        if (p.x - c.xEnd > size * 0.15 && !/\s$/.test(c.text) && !/^\s/.test(p.str)) c.text += ' ';
        c.text += p.str;
        c.xEnd = Math.max(c.xEnd, p.x + p.width);
        // A line's size and baseline are those of its text, not of a note marker, drop cap or superscript.
        if (c.markerOnly && !p.marker) Object.assign(c, { y: p.y, size, markerOnly: false });
        else if (p.str.trim().length > 2) c.size = Math.max(c.size, size);
      } else {
        flush();
        cur = { text: p.str, x: p.x, xEnd: p.x + p.width, y: p.y, size, markerOnly: !!p.marker };
      }
    }
    if (p.hasEOL) flush();
  }
  flush();
  return lines;
}

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:page|pagina|pag\.|p\.|seite|página|страница)\s*)?\d{1,4}(?:\s*(?:\/|of|di|de|von|из)\s*\d{1,4})?(?:\s*[-–—])?$/i;
/** Lines at the top or bottom of a page that may be running headers or footers. */
const EDGE_LINES = 3;

const furnitureKey = (l: PdfLine) => `${Math.round(l.size)}|${l.text.toLowerCase().replace(/\d+/g, '#')}`;

/** Drops running headers, footers and page numbers; returns them too (a printed page's footer may hold its URL). */
export function dropFurniture(pages: PdfLine[][]): { pages: PdfLine[][]; removed: string[] } {
  const edge = (lines: PdfLine[]) => new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
  const seen = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set([...edge(lines)].map(furnitureKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  // A page number is set no larger than the text; a lone number in large type is the end of a wrapped
  // headline ("… killed in Tuesday's storm" / "2024"), not furniture.
  const bodySize = bodySizeOf(pages);
  const pageNumber = (l: PdfLine) => PAGE_NUMBER.test(l.text) && l.size <= bodySize * 1.15;
  const removed: string[] = [];
  const kept = pages.map((lines) => {
    const edges = edge(lines);
    return lines.filter((l) => {
      const drop =
        edges.has(l) &&
        (pageNumber(l) || (pages.length >= 2 && (seen.get(furnitureKey(l)) ?? 0) >= minPages));
      if (drop) removed.push(l.text);
      return !drop;
    });
  });
  return { pages: kept, removed };
}

/** A paragraph or heading, with the page it starts on and its font size. */
export interface PdfBlock extends DocBlock {
  page: number;
  size: number;
}

const ENDS_SENTENCE = /[.!?:;…"”»'’)\]]$/;

/** Joins a wrapped line to the text before it, undoing a line-end hyphenation ("pro-" + "posta"). */
function joinLine(text: string, next: string): string {
  if (/\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  if (/\p{L}-$/u.test(text)) return text + next;
  return `${text.replace(/\u00ad$/, '')} ${next}`;
}

/** Body text size of the document: the size most of its characters are set in. */
export function bodySizeOf(pages: PdfLine[][]): number {
  const weight = new Map<number, number>();
  for (const lines of pages)
    for (const l of lines)
      weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 10;
  let most = -1;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

/** A page's paragraphs and headings, and apart from them the notes set small below its text. */
function pageBlocks(
  lines: PdfLine[],
  page: number,
  bodySize: number,
): { blocks: PdfBlock[]; notes: PdfBlock[] } {
  const isBody = (l: { size: number }) => Math.abs(l.size - bodySize) <= bodySize * 0.15;
  const body = lines.filter(isBody);
  const xs = new Map<number, number>();
  for (const l of body) xs.set(Math.round(l.x), (xs.get(Math.round(l.x)) ?? 0) + 1);
  const left = [...xs].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const right = median(body.map((l) => l.xEnd).filter((x) => x > left)) || left + 1;
  const width = right - left;
  // Usual line spacing for each type size (a 22 pt title is set wider than 10 pt text).
  const gaps = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const dy = a.y - b.y;
    if (dy > 0 && dy < b.size * 3 && Math.abs(a.size - b.size) < 0.5)
      gaps.set(Math.round(b.size), [...(gaps.get(Math.round(b.size)) ?? []), dy]);
  }
  const spacing = (size: number) => Math.max(median(gaps.get(Math.round(size)) ?? []), size);
  const blocks: PdfBlock[] = [];
  let prev: PdfLine | null = null;
  for (const l of lines) {
    let fresh = !prev;
    if (prev) {
      const dy = prev.y - l.y;
      const sizeChange = Math.abs(l.size - prev.size) > Math.max(prev.size, l.size) * 0.15;
      const wideGap = dy > spacing(l.size) * 1.4 + 0.5 || dy < -prev.size;
      const indented = l.x - left > l.size * 0.8 && Math.abs(prev.x - left) < l.size * 0.5;
      // Text lines run to the column's edge; only the last line of a paragraph stops well short of it.
      const shortEnd =
        isBody(prev) &&
        (prev.xEnd < right - width * 0.3 ||
          (prev.xEnd < right - width * 0.15 && ENDS_SENTENCE.test(prev.text)));
      fresh = sizeChange || wideGap || indented || shortEnd;
    }
    const last = blocks[blocks.length - 1];
    if (fresh || !last) blocks.push({ text: l.text, page, size: l.size });
    else last.text = joinLine(last.text, l.text);
    prev = l;
  }
  for (const b of blocks) b.heading = b.size >= bodySize * 1.2;
  // Notes: the small type after the page's last paragraph of body text.
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.size < bodySize * 0.9 && blocks.slice(0, end - 1).some(isBody)) end--;
  return { blocks: blocks.slice(0, end), notes: blocks.slice(end) };
}

/** Blocks of every page in reading order, a paragraph broken by a page break joined again, notes at the end. */
export function blocksOfPages(pages: PdfLine[][]): PdfBlock[] {
  const bodySize = bodySizeOf(pages);
  const out: PdfBlock[] = [];
  const notes: PdfBlock[] = [];
  pages.forEach((lines, i) => {
    const page = pageBlocks(lines, i + 1, bodySize);
    const { blocks } = page;
    // A note's own number, set tight against its text ("1Stima…"), reads like the markers in the text.
    notes.push(...page.notes.map((n) => ({ ...n, text: n.text.replace(/^(\d{1,3})(?=\p{L})/u, '[$1] ') })));
    const last = out[out.length - 1];
    const first = blocks[0];
    if (
      last &&
      first &&
      !last.heading &&
      !first.heading &&
      !ENDS_SENTENCE.test(last.text) &&
      (/^\p{Ll}/u.test(first.text) || /\p{L}-$/u.test(last.text))
    ) {
      last.text = joinLine(last.text, first.text);
      blocks.shift();
    }
    out.push(...blocks);
  });
  return [...out, ...notes];
}
