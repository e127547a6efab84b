// The body-text metric of `npm run eval:import`: bag-of-tokens precision, recall and F1 of extracted text
// against a reference text, as in the article-extraction benchmarks (trafilatura's, Readability's).
//
// Tokens: the text is NFKC-normalised and lower-cased, and invisible soft hyphens and word joiners (U+00AD,
// U+2060, U+FEFF) are removed, since they sit inside words ("Vladi\u00ADmir"). A token is a run of Unicode word
// characters (letters, marks, digits, connector punctuation) holding at least one letter or digit, so a rule
// of underscores is not a word. Han, Hiragana and Katakana characters are one token each, since those scripts
// do not separate words by spaces and a whole sentence would otherwise be one token.
// Punctuation and whitespace are not tokens, so layout (paragraph breaks, " | " between table cells) does not
// count, while words glued together across a lost block boundary ("end.Next") do.
//
// Overlap is the multiset intersection: a token counted n times in the candidate and m times in the reference
// contributes min(n, m). precision = overlap / |candidate|, recall = overlap / |reference|, F1 their harmonic
// mean. Two empty texts agree perfectly (1, 1, 1); an empty candidate for a non-empty reference scores 0 on
// all three (a failed extraction is not "precise"), and so does any candidate for an empty reference.

import { parseDate } from '../../electron/services/import/text/dates';

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}\p{Pc}]+/gu;

export function tokenize(text: string): string[] {
  const tokens =
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u00ad\u2060\ufeff]/g, '')
      .match(TOKEN) ?? [];
  return tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
}

export interface TokenScores {
  precision: number;
  recall: number;
  f1: number;
  candidateTokens: number;
  referenceTokens: number;
  overlap: number;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Multiset overlap of two token lists. */
export function overlapOf(candidate: readonly string[], reference: readonly string[]): number {
  const ref = counts(reference);
  let overlap = 0;
  for (const [t, n] of counts(candidate)) overlap += Math.min(n, ref.get(t) ?? 0);
  return overlap;
}

export function scoreTokens(candidate: readonly string[], reference: readonly string[]): TokenScores {
  const c = candidate.length;
  const r = reference.length;
  if (c === 0 && r === 0)
    return { precision: 1, recall: 1, f1: 1, candidateTokens: 0, referenceTokens: 0, overlap: 0 };
  const overlap = overlapOf(candidate, reference);
  const precision = c === 0 ? 0 : overlap / c;
  const recall = r === 0 ? 0 : overlap / r;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, candidateTokens: c, referenceTokens: r, overlap };
}

export function scoreText(candidate: string, reference: string): TokenScores {
  return scoreTokens(tokenize(candidate), tokenize(reference));
}

/** Whitespace-normalised equality (the title metric). */
export const normalizeSpace = (s: string | null | undefined) => (s ?? '').replace(/\s+/gu, ' ').trim();

/** Same publication time: same instant when both give a time with an offset, else the same calendar date. */
export function sameDate(a: string | null | undefined, b: string | null | undefined): boolean {
  const pa = a ? parseDate(a) : null;
  const pb = b ? parseDate(b) : null;
  if (!pa || !pb) return !pa && !pb;
  if (pa.length > 10 && pb.length > 10) return Date.parse(pa) === Date.parse(pb);
  return pa.slice(0, 10) === pb.slice(0, 10);
}

/**
 * The importer removes a site name from the title ("Title | eHow" → "Title"), where Readability keeps what the
 * metadata says. True when the expected title is ours plus such a suffix (or prefix) after a separator.
 */
export function differsBySiteName(
  ours: string | null | undefined,
  expected: string | null | undefined,
): boolean {
  const a = normalizeSpace(ours);
  const b = normalizeSpace(expected);
  if (!a || a === b) return false;
  const sep = /^\s*[|\-–—·•:»/\\]+\s*\S/u;
  if (b.startsWith(a) && sep.test(b.slice(a.length))) return true;
  return b.endsWith(a) && sep.test([...b.slice(0, b.length - a.length)].reverse().join(''));
}
