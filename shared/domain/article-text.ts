// The stored text of an article, against which annotation offsets are counted.
// It is the title, the lead (when there is one) and the paragraphs, joined by blank lines. Offsets are in
// code points (W3C TextPositionSelector), while JavaScript strings index UTF-16 code units, so every
// conversion goes through the helpers here.

export type BlockKind = 'title' | 'lead' | 'paragraph';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** Code point offset of the block's first character in the stored text. */
  start: number;
  /** Code point offset just past the block's last character. */
  end: number;
}

export const BLOCK_SEPARATOR = '\n\n';

export interface ArticleTextParts {
  title: string;
  lead: string;
  paragraphs: readonly string[];
}

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-16 index of the given code point offset (clamped to the string). */
export function codeUnitIndex(s: string, codePoints: number): number {
  let cp = 0;
  let i = 0;
  while (i < s.length && cp < codePoints) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    cp++;
  }
  return i;
}

/** Substring by code point offsets. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  const a = codeUnitIndex(s, start);
  const b = codeUnitIndex(s, end);
  return s.slice(a, b);
}

export function articleBlocks(parts: ArticleTextParts): TextBlock[] {
  const raw: Array<{ kind: BlockKind; text: string }> = [{ kind: 'title', text: parts.title }];
  if (parts.lead) raw.push({ kind: 'lead', text: parts.lead });
  for (const p of parts.paragraphs) raw.push({ kind: 'paragraph', text: p });
  const sepLen = codePointLength(BLOCK_SEPARATOR);
  const out: TextBlock[] = [];
  let pos = 0;
  for (const b of raw) {
    const len = codePointLength(b.text);
    out.push({ kind: b.kind, text: b.text, start: pos, end: pos + len });
    pos += len + sepLen;
  }
  return out;
}

export function articleText(parts: ArticleTextParts): string {
  const blocks = [parts.title];
  if (parts.lead) blocks.push(parts.lead);
  blocks.push(...parts.paragraphs);
  return blocks.join(BLOCK_SEPARATOR);
}

export const QUOTE_CONTEXT = 32;

/** Describe a code point range of the stored text as W3C quote and position selectors. */
export function describeRange(text: string, start: number, end: number) {
  const exact = sliceCodePoints(text, start, end);
  const prefixStart = Math.max(0, start - QUOTE_CONTEXT);
  return {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact,
      prefix: sliceCodePoints(text, prefixStart, start),
      suffix: sliceCodePoints(text, end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector' as const, start, end },
  };
}

/**
 * Find an exact quote in the stored text, preferring the occurrence whose prefix/suffix match best
 * (and, on a tie, the one nearest the hint). Returns code point offsets, or null when absent.
 */
export function findQuote(
  text: string,
  quote: { exact: string; prefix?: string; suffix?: string },
  hint?: number,
): { start: number; end: number } | null {
  if (!quote.exact) return null;
  let best: { start: number; end: number; score: number; dist: number } | null = null;
  let from = 0;
  for (;;) {
    const at = text.indexOf(quote.exact, from);
    if (at < 0) break;
    const before = text.slice(0, at);
    const after = text.slice(at + quote.exact.length);
    const score = commonSuffix(before, quote.prefix ?? '') + commonPrefix(after, quote.suffix ?? '');
    const start = codePointLength(before);
    const cand = {
      start,
      end: start + codePointLength(quote.exact),
      score,
      dist: hint === undefined ? 0 : Math.abs(start - hint),
    };
    if (!best || cand.score > best.score || (cand.score === best.score && cand.dist < best.dist)) best = cand;
    from = at + 1;
  }
  return best ? { start: best.start, end: best.end } : null;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function countWords(parts: ArticleTextParts): number {
  const all = [parts.lead, ...parts.paragraphs].join(' ');
  const m = all.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
