// How plausible a decoding looks as human text. Every wrong code page still yields characters, so the
// choice between candidates rests on what those characters are: garbage (replacement characters, C1 controls,
// private use), stray symbols, words that mix alphabets, or letters no single language uses together.
import { alphabetFit } from './alphabets';
import { isKnownStopword, stopwordLanguage } from '../text/language';

const SCRIPTS: Array<[string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** Script of a letter; null for characters shared by scripts (marks, "ー", digits), which never mix. */
export function scriptOf(ch: string): string | null {
  if (!/\p{L}/u.test(ch) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'other';
}

/** Scripts written without spaces sit next to Latin words ("使用Python") legitimately: not a mix. */
const UNSPACED = new Set(['cjk', 'hangul', 'thai']);

export interface Judgement {
  /** Share of suspicious characters (see judgeDecoding); above ~0.08 the text is garbage. */
  penalty: number;
  /** Replacement characters, controls, private-use and unassigned code points: what no real text has. */
  garbage: number;
  /** Recognised function words that contain non-ASCII letters ("è", "für", "и"). */
  nonAsciiStopwords: number;
  /** Share of non-ASCII characters that one language's alphabet (and usual signs) explain; 1 when none. */
  fit: number;
  /** Number of non-ASCII characters looked at (0 means `fit` says nothing). */
  letters: number;
}

/**
 * How implausible a decoding looks, as a share of the non-space characters: replacement characters and
 * controls weigh triple, unusual symbols single, and every letter of a word mixing scripts ("cittа" with a
 * Cyrillic а is what a wrong code page produces) single. Also counts stopwords containing non-ASCII letters
 * ("è", "più", "für", "и"), the best evidence between code pages that both yield letters, and how well one
 * alphabet (English's, when the function words say English) explains the non-ASCII characters.
 */
export function judgeDecoding(text: string): Judgement {
  const nonSpace = text.replace(/\s+/gu, '').length || 1;
  // "¤" too: nobody writes the generic currency sign; it is where ISO-8859-1 has what ISO-8859-15 calls "€".
  const bad = (text.match(/[\uFFFD\p{Co}\p{Cn}\p{Cs}¤]|(?![\t\n\r\f\v])\p{Cc}/gu) ?? []).length;
  const symbols = (text.match(/(?![+=<>|~^`$€£¥©®°×÷§])\p{S}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\p{Nd}/gu) ?? []).length;
  let mixed = 0;
  let nonAsciiStopwords = 0;
  for (const word of text.match(/[^\s\p{P}\p{S}\p{N}]+/gu) ?? []) {
    if (/^\p{ASCII}*$/u.test(word)) continue;
    const scripts = new Set(Array.from(word, scriptOf).filter((x) => x !== null && !UNSPACED.has(x)));
    if (scripts.size > 1) mixed += word.length;
    else if (isKnownStopword(word.toLowerCase())) nonAsciiStopwords++;
  }
  // Prose is mostly letters; garbage from a wrong code page is heavy on symbols and punctuation (but not
  // digits, which are ASCII in every code page: a table of numbers is still text).
  const letterShortfall = Math.max(0, 0.5 - letters / Math.max(1, nonSpace - digits));
  const { fit, letters: judged } = alphabetFit(text, stopwordLanguage(text) === 'en');
  return {
    penalty: (bad * 3 + symbols + mixed) / nonSpace + letterShortfall,
    garbage: bad,
    nonAsciiStopwords,
    fit,
    letters: judged,
  };
}
