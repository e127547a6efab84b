// The tell-tale signs of mojibake in a word, counted by kind, for mojibake.ts to compare a word before and
// after a candidate repair. A repair is accepted only when it removes signs and adds none of any kind:
// "clearly better", never "different". Each kind is something real text rarely does; none is proof alone.
import { oneLatinAlphabet } from './alphabets';
import { scriptOf } from './judge';

/** Characters that windows-1252 puts at 0x80–0xBF, the continuation bytes of UTF-8. */
export const CP1252_CONTINUATION =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178\u00a0-\u00bf';

/**
 * The commonest mojibake of all: "Ã" or "Â" (UTF-8 lead bytes 0xC3, 0xC2 read as windows-1252 or Latin-1)
 * followed by a continuation character ("Ã©", "Â°", "Ã\u0089"), and "â€" (the start of every UTF-8
 * curly quote and dash). Real text puts Ã and Â before letters (NÃO, CÂBLE). "Ã’s" stays out: that is an
 * apostrophe after a capital, as in "a lot of Ã’s". What is left of these after a repair means the repair
 * did not explain the word.
 */
export const STRONG_MARKER = new RegExp(`[ÂÃ](?!’\\p{L})[${CP1252_CONTINUATION}\\u0080-\\u009f]|â€`, 'gu');

/** Letters of alphabets written with spaces between words. */
const SPACED_LETTER =
  '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{Script=Armenian}\\p{Script=Hebrew}\\p{Script=Arabic}]';

/**
 * A non-ASCII sign with letters on both sides ("rÃ©gion" has ©). Apostrophes and "·" do sit inside words,
 * full-width punctuation sits next to Latin in CJK text ("Ningbo，China"), and Chinese and Japanese, written
 * without spaces, have all their punctuation between letters.
 */
const SIGN_IN_WORD = new RegExp(
  `(?<=${SPACED_LETTER})(?![’ʼ·\\u00ad\\u2e80-\\uffef])[^\\p{ASCII}\\p{L}\\p{M}\\p{N}\\s](?=${SPACED_LETTER})`,
  'gu',
);

/**
 * Letters real text rarely has, which wrong repairs produce: IPA and modifier letters ("ɒ" from "É’"),
 * historic Cyrillic, Coptic, Armenian ("Յ" from "Õ…"), Hebrew cantillation and Arabic small marks ("ׅ" from
 * "×…"; the vowel points are ordinary), the odd corners of Latin Extended-B, phonetic extensions ("ᴴ" from
 * "á´´"), private use and unassigned code points. As code point ranges: several are combining marks, which
 * do not belong in a regular expression's character class.
 */
const RARE_RANGES: Array<[number, number]> = [
  [0x180, 0x191],
  [0x193, 0x19f],
  [0x1a2, 0x1ae],
  [0x1b1, 0x1c3],
  [0x1dd, 0x217],
  [0x21c, 0x24f],
  [0x250, 0x2ba],
  [0x2bd, 0x2c5],
  [0x2d2, 0x2d7],
  [0x2de, 0x2ff],
  [0x3e2, 0x3ef],
  [0x460, 0x489],
  [0x500, 0x52f],
  [0x530, 0x58f],
  [0x591, 0x5af],
  [0x5c4, 0x5c6],
  [0x610, 0x61a],
  [0x656, 0x65f],
  [0x700, 0x85f],
  [0x1800, 0x18af],
  [0x1d00, 0x1dbf],
];
const UNASSIGNED = /[\p{Co}\p{Cn}]/u;

function rareLetters(chars: string[]): number {
  return chars.filter((ch) => {
    const cp = ch.codePointAt(0)!;
    return RARE_RANGES.some(([from, to]) => cp >= from && cp <= to) || UNASSIGNED.test(ch);
  }).length;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Case that breaks inside a word: "rÃ©" (capital after small), "ZURÃœCK" (small among capitals). */
function caseBreaks(chars: string[]): number {
  let n = 0;
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (UPPER.test(ch) && LOWER.test(prev)) n++;
    else if (LOWER.test(ch) && UPPER.test(prev) && (UPPER.test(chars[i - 2] ?? '') || UPPER.test(next))) n++;
  });
  return n;
}

const UNSPACED = new Set(['cjk', 'hangul', 'thai']);

/**
 * Letters outside their run's main script, a run being letters and marks between other characters (so
 * "سعيد.Que" is two runs). Scripts written without spaces sit next to Latin legitimately ("使用Python",
 * Korean "DEFLATE와"); mojibake.ts judges those by their share of the whole text instead.
 */
function mixedLetters(word: string): number {
  let n = 0;
  for (const run of word.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const scripts = Array.from(run, scriptOf).filter((s): s is string => s !== null && !UNSPACED.has(s));
    const counts = new Map<string, number>();
    for (const s of scripts) counts.set(s, (counts.get(s) ?? 0) + 1);
    if (counts.size > 1) n += scripts.length - Math.max(...counts.values());
  }
  return n;
}

/**
 * Counts of each kind of sign: C1 controls, mojibake markers (counted by the caller, who knows the code
 * page), signs inside words, case breaks, rare letters, mixed scripts, and accented letters no one language
 * has together ("Ăłdy" for "ódy"). Weights make one certain sign (a C1 control, a marker) worth two uncertain
 * ones.
 */
export function oddities(word: string, markers: number): number[] {
  const chars = Array.from(word);
  return [
    (word.match(/[\u0080-\u009f]/g) ?? []).length * 2,
    markers * 2,
    (word.match(SIGN_IN_WORD) ?? []).length,
    caseBreaks(chars),
    rareLetters(chars) * 2,
    mixedLetters(word) * 2,
    (word.match(/[\p{L}\p{M}]+/gu) ?? []).filter((run) => !oneLatinAlphabet(Array.from(run))).length,
  ];
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/**
 * True when `after` has fewer signs in total and no more of any kind than `before`. While markers remain
 * (a layer of double mojibake peeled, "Ã¢â€ž" → "â„"), other kinds may rise: the next layer must remove
 * them, and mojibake.ts re-checks the finished word against the original.
 */
export function clearlyBetter(before: number[], after: number[]): boolean {
  if (sum(after) >= sum(before) || after[0]! > before[0]! || after[1]! > before[1]!) return false;
  return after[1]! > 0 || after.every((n, i) => n <= before[i]!);
}
