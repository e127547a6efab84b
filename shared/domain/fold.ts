// Accent and case folding, the one definition: the full-text search indexes and queries with it, and the
// renderer's filters (claim typeahead, article and claim filter boxes) match with it, so "ritirera" finds
// "ritirerà" wherever the user types.

const NON_ASCII = /[\u0080-\uffff]/g;
const MARKS = /\p{M}+/gu;
const foldCache = new Map<string, string>();
function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f === undefined) {
    const base = c.normalize('NFD').replace(MARKS, '');
    f = base.length === 1 ? base : c;
    foldCache.set(c, f);
  }
  return f;
}

/**
 * Lower case without diacritics, one UTF-16 unit for one unit, so that an offset found in the folded text
 * is the same offset in the original ("Città" → "citta", "ÉCOLE" → "ecole"). A combining mark left on its
 * own (decomposed input) stays: use foldForMatch where offsets do not matter.
 */
export function fold(s: string): string {
  let lower = s.toLowerCase();
  if (lower.length !== s.length) {
    // A character whose lower case is longer ("İ"): fold unit by unit to keep offsets aligned.
    let out = '';
    for (const c of s) {
      const l = c.toLowerCase();
      out += l.length === c.length ? l : c;
    }
    lower = out;
  }
  return lower.replace(NON_ASCII, foldChar);
}

/** Folded for comparing words, composed first so "e" + U+0301 folds like "é" (the length may change). */
export function foldForMatch(s: string): string {
  return fold(s.normalize('NFC'));
}
