// What each language writes beyond ASCII, used to tell sibling code pages apart. Legacy code pages mostly
// disagree about a handful of accented letters (š is 0xB9 in ISO-8859-2 and 0x9A in windows-1250; ž is 0xB8 in
// ISO-8859-15 and ø in ISO-8859-13), and a detector's statistics often rate such siblings within a hair of
// each other. Text in one language uses one alphabet: a decoding that needs letters from two (Croatian
// "č" next to Romanian "ă") is the wrong sibling. The lists are deliberately letters only; punctuation and
// symbols are judged elsewhere.
import iconv from 'iconv-lite';

/** Letters beyond a–z, lower case; upper case is derived (İ, whose lower case is two characters, is listed). */
const LATIN: Record<string, string> = {
  de: 'äöüß',
  fr: 'àâæçéèêëîïôœùûüÿ',
  it: 'àèéìíîòóùú',
  es: 'áéíñóúü',
  pt: 'áâãàçéêíóôõú',
  ca: 'àçéèíïòóúü',
  nl: 'éëïóöüè',
  da: 'æøåé',
  sv: 'åäöé',
  fi: 'äöåšž',
  is: 'áðéíóúýþæö',
  et: 'õäöüšž',
  lv: 'āčēģīķļņšūž',
  lt: 'ąčęėįšųūž',
  pl: 'ąćęłńóśźż',
  cs: 'áčďéěíňóřšťúůýž',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  sl: 'čšžćđ',
  hr: 'čćđšž',
  hu: 'áéíóöőúüű',
  ro: 'ăâîșțşţ',
  tr: 'çğıöşüâîûİ',
  sq: 'çë',
  mt: 'ċġħżàèìòù',
  eo: 'ĉĝĥĵŝŭ',
  ga: 'áéíóú',
  cy: 'âêîôûŵŷäëïöüáéíóúàèìò',
  az: 'çəğıöşüİ',
  af: 'êëéèîïôûŉ',
  // Languages franc-min knows that write (almost) without accents: their lists keep, say, Finnish "ä" from
  // being taken for Ilocano.
  id: '',
  ms: '',
  jv: 'éè',
  su: 'é',
  tl: 'ñ',
  ilo: 'ñ',
  ceb: 'ñ',
  mad: 'è',
  sw: '',
  zu: '',
  so: '',
  rw: '',
  rn: '',
  ny: 'ŵ',
  ln: 'éèóò',
  mg: 'ôàè',
  ha: 'ɓɗƙ',
  uz: '',
};

/** Non-Latin alphabets as character classes (lower and upper case). */
const OTHER: Record<string, RegExp> = {
  ru: /[а-яё]/iu,
  uk: /[а-щьюяєіїґ]/iu,
  be: /[а-зй-шыьэюяёіў]/iu,
  bg: /[а-ъьюя]/iu,
  sr: /[а-ик-шђјљњћџ]/iu,
  mk: /[а-ик-шѓѕјљњќџ]/iu,
  kk: /[а-яёәғқңөұүһі]/iu,
  tg: /[а-яёғӣқӯҳҷ]/iu,
  el: /[\u0386-\u03ce]/u,
  he: /[\u05d0-\u05ea]/u,
  ar: /[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]/u,
  th: /[\u0e01-\u0e4e]/u,
  vi: /[àáâãèéêìíòóôõùúýăđĩũơư\u1ea0-\u1ef9]/iu,
};

const ALPHABETS: Array<[string, (ch: string) => boolean]> = [
  ...Object.entries(LATIN).map(([lang, letters]): [string, (ch: string) => boolean] => {
    const set = new Set([
      ...letters,
      ...[...letters].map((c) => c.toUpperCase()).filter((c) => c.length === 1),
    ]);
    return [lang, (ch) => set.has(ch)];
  }),
  ...Object.entries(OTHER).map(([lang, re]): [string, (ch: string) => boolean] => [
    lang,
    (ch) => re.test(ch),
  ]),
];

const HAN = /\p{Script=Han}/u;
const KANA = /[\u3041-\u309f\u30a0-\u30ff]/u;
const HANGUL = /[\uac00-\ud7a3]/u;

function rowCol(ch: string, encoding: string): [number, number] | null {
  const b = iconv.encode(ch, encoding);
  return b.length === 2 ? [b[0]!, b[1]!] : null;
}

/**
 * The everyday characters of each CJK writing system, as their national standards define them: GB 2312
 * level 1 (rows 0xB0–0xD7), Big5's frequent block (0xA440–0xC67E), JIS X 0208 level 1 (EUC rows 0xB0–0xCF)
 * and KS X 1001's 2,350 Hangul. A wrong multi-byte decoding lands mostly on the rare characters of another
 * standard (level-2 hanzi, IBM kanji, half-width katakana), so the share of everyday ones separates them.
 */
const CJK_COMMON: Array<[string, (ch: string) => boolean]> = [
  [
    'zh-hans',
    (ch) =>
      HAN.test(ch) && ((rc) => !!rc && rc[0] >= 0xb0 && rc[0] <= 0xd7 && rc[1] >= 0xa1)(rowCol(ch, 'gb2312')),
  ],
  [
    'zh-hant',
    (ch) =>
      HAN.test(ch) &&
      ((rc) => !!rc && ((rc[0] << 8) | rc[1]) >= 0xa440 && ((rc[0] << 8) | rc[1]) <= 0xc67e)(
        rowCol(ch, 'big5'),
      ),
  ],
  [
    'ja',
    (ch) =>
      KANA.test(ch) ||
      (HAN.test(ch) && ((rc) => !!rc && rc[0] >= 0xb0 && rc[0] <= 0xcf)(rowCol(ch, 'euc-jp'))),
  ],
  [
    'ko',
    (ch) =>
      HANGUL.test(ch) &&
      ((rc) => !!rc && rc[0] >= 0xb0 && rc[0] <= 0xc8 && rc[1] >= 0xa1)(rowCol(ch, 'euc-kr')),
  ],
];

/** Memo: the indexes (into ALL) of the alphabets that contain a character. */
const membership = new Map<string, number[]>();
const ALL = [...ALPHABETS, ...CJK_COMMON];

function memberOf(ch: string): number[] {
  let found = membership.get(ch);
  if (!found) {
    found = ALL.flatMap(([, has], i) => (has(ch) ? [i] : []));
    if (membership.size < 50_000) membership.set(ch, found);
  }
  return found;
}

/** Enough letters to judge; the rest of a long file only repeats the verdict. */
const MAX_LETTERS = 4000;

/**
 * Signs a wrong code page puts where a letter belongs: a non-ASCII symbol or mark of punctuation with letters
 * on both sides ("T©ehhov", "eelk§ige", "n´derlandieēu"). Apostrophes, dashes and the Catalan middle dot do
 * sit inside words.
 */
const SIGN_IN_WORD = /(?<=\p{L})(?![’ʼ·\u00ad\u2010-\u2015])[^\p{ASCII}\p{L}\p{M}\p{N}\s](?=\p{L})/gu;
/** A non-ASCII capital right after a small letter ("cafÚ" is café in the DOS code page 850). */
const CAPITAL_IN_WORD = /(?<=\p{Ll})[^\p{ASCII}\P{Lu}]/gu;
/**
 * A lone Chinese character glued to a Latin word: "don’t" in windows-1252 read as Shift_JIS is "don" and a
 * kanji. Real Chinese and Japanese put such characters in runs ("使用Python").
 */
const LONE_HAN =
  /(?<=[A-Za-z])\p{Script=Han}(?!\p{Script=Han})|(?<![\p{Script=Han}])\p{Script=Han}(?=[A-Za-z])/gu;
/**
 * Non-letters that text uses: typographic punctuation, common signs (°, ±, ×, €, ©, ½), the no-break space,
 * CJK and full-width punctuation. Everything else non-ASCII that is not a letter (box drawing, arrows,
 * operators, C1 controls) is what a wrong code page makes of letters and punctuation.
 */
const USUAL_SIGN =
  /[\u00a0¡¢£¥§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷\u2010-\u2027\u2030-\u203a\u2044\u20ac\u2116\u2122\u3000-\u303f\uff00-\uffef]/u;

/**
 * Share of the non-ASCII characters that the single best-fitting alphabet explains (1 when there are none),
 * with that alphabet's name: its letters and, for every alphabet, usual signs. Signs inside words, capitals
 * after small letters and lone Chinese characters in Latin words count once more, as unexplained. CJK systems
 * count only their everyday characters, so a rare-character decoding scores low although all are letters.
 * Text known to be English (by its function words) is held to English, which needs no accented letters at
 * all: that tells "don’t" from MacRoman's Italian-looking "donít". Other languages are not imposed this way:
 * function words cannot tell Italian from Esperanto, whose letters would then count as foreign.
 */
export function alphabetFit(
  text: string,
  english = false,
): { fit: number; alphabet: string | null; letters: number } {
  const counts = new Array<number>(ALL.length).fill(0);
  let units = 0;
  let signs = 0;
  for (const [ch] of text.matchAll(/[^\p{ASCII}]/gu)) {
    if (/\p{M}/u.test(ch)) continue;
    units++;
    if (/\p{L}/u.test(ch)) for (const i of memberOf(ch)) counts[i]!++;
    else if (USUAL_SIGN.test(ch)) signs++;
    if (units >= MAX_LETTERS) break;
  }
  const sample = text.length > MAX_LETTERS * 20 ? text.slice(0, MAX_LETTERS * 20) : text;
  for (const re of [SIGN_IN_WORD, CAPITAL_IN_WORD, LONE_HAN]) units += sample.match(re)?.length ?? 0;
  if (units === 0) return { fit: 1, alphabet: null, letters: 0 };
  if (english) return { fit: signs / units, alphabet: 'en', letters: units };
  let best = 0;
  counts.forEach((c, i) => (c > counts[best]! ? (best = i) : 0));
  return {
    fit: (counts[best]! + signs) / units,
    alphabet: counts[best]! > 0 ? ALL[best]![0] : null,
    letters: units,
  };
}

const LATIN_SETS = new Map(ALPHABETS.slice(0, Object.keys(LATIN).length));

/**
 * For a language with a Latin alphabet listed here, how many of the text's non-ASCII Latin letters it does
 * not use ("ø" and "æ" in text said to be Swedish); null for languages without a list.
 */
export function lettersOutside(text: string, lang: string): { outside: number; letters: number } | null {
  const has = LATIN_SETS.get(lang);
  if (!has) return null;
  let outside = 0;
  let letters = 0;
  for (const [ch] of text.slice(0, 20_000).matchAll(/[^\p{ASCII}]/gu)) {
    if (!/\p{Script=Latin}/u.test(ch)) continue;
    letters++;
    if (!has(ch)) outside++;
  }
  return { outside, letters };
}

/**
 * True when one language's alphabet has all of these non-ASCII Latin letters ("Ăł" mixes Romanian and
 * Polish: no language writes both, so a word with them is more likely mojibake than a word).
 */
export function oneLatinAlphabet(letters: string[]): boolean {
  const latin = [...new Set(letters)].filter(
    (ch) => /[^\p{ASCII}]/u.test(ch) && /\p{Script=Latin}/u.test(ch),
  );
  if (latin.length < 2) return true;
  const vietnamese = OTHER.vi!;
  return [...LATIN_SETS.values(), (ch: string) => vietnamese.test(ch)].some((has) =>
    latin.every((ch) => has(ch)),
  );
}
