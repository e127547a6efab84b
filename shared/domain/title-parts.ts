// A page title cut at the separators publishers put between a headline and their site's name ("Headline |
// Site", "Site » Blog Archive » Headline", "武汉的声音…-新华网"). Pure string work, shared by the HTML extractor
// (which cuts the parts the page names as its site) and the library (which cuts the part that other titles
// of the same domain share). Hand-written: the title libraries on npm (metascraper, Readability) cut at the
// last separator whatever follows it, which is the guess we are replacing.

/**
 * Separators: a dash, bar, bullet or guillemet with white space on both sides; a full-width bar (with or
 * without spaces); and in Chinese and Japanese titles, which have no spaces, a bare "-", "_" or "|" next to a
 * CJK character ("-新华网"). A colon is not one: "Putin: troops will withdraw" is a headline.
 */
const CJK =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef…';
const SEPARATOR = new RegExp(
  [
    '\\s+(?:[|\\-–—‒―·•»«›‹~/\\\\>]|::)\\s+',
    '\\s*[｜]\\s*',
    `(?<=[${CJK}])[-_|—](?=\\S)`,
    `(?<=\\S)[-_|—](?=[${CJK}])`,
  ].join('|'),
  'gu',
);

export interface TitleParts {
  /** The texts between separators, trimmed; one more than `seps`. */
  parts: string[];
  /** The separators as written, spaces included. */
  seps: string[];
}

export function splitTitle(title: string): TitleParts {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    const part = title.slice(last, m.index).trim();
    // An empty part ("Title | | Site", a separator at an end) is no part: keep it in the text around it.
    if (!part) continue;
    parts.push(part);
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  const rest = title.slice(last).trim();
  if (rest || parts.length === 0) parts.push(rest);
  else seps.pop();
  return { parts, seps };
}

/** parts[from..to) with the separators between them as written. */
export function joinParts({ parts, seps }: TitleParts, from: number, to: number): string {
  let out = parts[from] ?? '';
  for (let i = from + 1; i < to; i++) out += seps[i - 1]! + parts[i]!;
  return out;
}

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Enough of a headline to stand alone: two words, or four CJK characters. A single word left by a cut
 * ("Mozilla - Wikipedia") is as likely the headline's own first part as the headline.
 */
export function isSubstantial(s: string): boolean {
  const cjk = s.match(HAN_KANA)?.length ?? 0;
  if (cjk >= 4) return true;
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2;
}

/** Letters and digits only, lower case, accents folded: "Aktuálně.cz" → "aktualnecz", "Herald Sun" → "heraldsun". */
export function siteKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
