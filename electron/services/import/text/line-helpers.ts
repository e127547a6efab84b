// Small text helpers shared by the parsers.

/** Runs of spaces, tabs and the Unicode spaces (NBSP included) collapse to one space; zero-width marks go. */
export function cleanInline(s: string): string {
  return (
    s
      .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
      // Single plain spaces, by far the most common case, are not even matched: this runs on 20 MB files.
      .replace(
        /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g,
        ' ',
      )
      .trim()
  );
}

/** Whitespace-separated words, counted up to `max` (callers only ask "at least n?", even of 20 MB lines). */
export function wordCount(s: string, max = Infinity): number {
  const re = /\S+/g;
  let n = 0;
  while (n < max && re.exec(s)) n++;
  return n;
}

export const URL_RE = /\bhttps?:\/\/[^\s<>"'()[\]{}]+[^\s<>"'()[\]{}.,;:!?]/gi;
export const EMAIL_RE = /\b[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b/gi;

/** Running text rather than a label: eight words or more, or a few words ending a sentence. */
export function isProse(line: string): boolean {
  const words = wordCount(line, 8);
  return words >= 8 || (words >= 3 && /[.!?…"”»)]$/.test(line));
}

/** Leading markdown heading marks ("# Title", "## Title ##"). */
export function stripHeadingMarks(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** "By John Smith", "di Mario Rossi", "Autore: Jane Doe": two to four capitalised words after the prefix. */
export const BYLINE =
  /^(?:[Bb]y|BY|[Dd]i|[Dd]e|[Pp]ar|[Vv]on|[Pp]or|[Aa] cura di|[Aa]utore:|[Aa]uthor:)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$/u;
