// "No page loses body text it has today", judged on prose: the reference texts of Readability's test pages are
// Readability's own output, boilerplate included, so every share bar or "Related:" line the importer now drops
// lowers a page's recall. What must never go is running text. Each paragraph of the previous release with at
// least PROSE_TOKENS tokens is cut into runs of GRAM tokens; it is kept when KEPT_SHARE of its runs occur in this
// version's body (or captions), wherever the paragraph breaks fall now, so a photo credit that was glued to its
// first words and now stands apart does not count as lost text. Only short hashes of the runs are stored
// (previous-release.json), never the pages' text.
import { createHash } from 'node:crypto';
import { tokenize } from './metric';

/** Fewer tokens than this is a line (a share bar, a headline, a byline), not a paragraph of prose. */
export const PROSE_TOKENS = 20;
const GRAM = 8;
const KEPT_SHARE = 0.75;

const hash = (tokens: readonly string[]) =>
  createHash('sha256').update(tokens.join(' ')).digest('hex').slice(0, 8);

/** One fingerprint per prose paragraph: the hashes of its consecutive runs of GRAM tokens, space-separated. */
export function proseFingerprints(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = tokenize(p);
    if (t.length < PROSE_TOKENS) continue;
    const runs: string[] = [];
    for (let i = 0; i + GRAM <= t.length; i += GRAM) runs.push(hash(t.slice(i, i + GRAM)));
    out.push(runs.join(' '));
  }
  return out;
}

/** How many of the fingerprinted paragraphs are missing from `text` (fewer than KEPT_SHARE of their runs). */
export function lostProse(fingerprints: readonly string[], text: string): number {
  const t = tokenize(text);
  const grams = new Set<string>();
  for (let i = 0; i + GRAM <= t.length; i++) grams.add(hash(t.slice(i, i + GRAM)));
  return fingerprints.filter((f) => {
    const runs = f.split(' ');
    return runs.filter((r) => grams.has(r)).length < KEPT_SHARE * runs.length;
  }).length;
}
