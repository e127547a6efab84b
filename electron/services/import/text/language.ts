// Language of an article's text as a BCP 47 primary tag ("it", "ru", "uk"), or null when unsure. franc-min
// (trigram profiles of 82 languages) decides; it answers ISO 639-3, mapped here to the two-letter codes BCP 47
// prefers. Short texts are not guessed at all: a headline's trigrams fit half a dozen languages (an Italian
// title scores 0.99 for Ilocano). Where franc's best two are nearly tied, a count of function words of the
// seven languages most imported here breaks the tie, or the answer is null. franc-min has no "none of the
// above": Danish comes back as Swedish or Norwegian as Dutch, so an answer whose alphabet does not have the
// text's accented letters is dropped.
import { francAll } from 'franc-min';
import { lettersOutside } from '../encoding/alphabets';

const LISTS: Record<string, string> = {
  it: 'il lo la gli le di del della dei degli delle dello nel nella nei negli sul sulla che è per non una sono con alla al dal dalla anche questo questa più ha ma come essere stato stata dopo tra fra perché già ancora loro suo sua ci si ai alle',
  en: 'the of and to in is that for on with as was by at it from are be this have has an not but which were said their they his he will been had would who or its after than also about there',
  fr: 'le la les des du de et est un une en que qui dans pour pas sur au aux avec ce il elle ne se plus par sont été mais ou nous vous cette ces son sa ses leur ont aussi être très où',
  de: 'der die das und ist nicht ein eine zu den dem mit von sich auf für im des auch es an als wie wir ich sie er nach bei aus hat wird werden oder aber noch vor über einen einer sind dass',
  es: 'el los las del que y en por con una para es se su al como más pero sus ya este está son entre cuando muy sin sobre también fue hay ha desde todo durante contra otros ese esta ante ellos',
  pt: 'o os as do da dos das que e em no na nos um uma para com não é por mais ao à se seu sua foi são como mas também pelo pela já ele ela muito quando isso entre está sobre pelos',
  ru: 'и в не на что с по как это он она к из за о от для его так но у то же все был была были также при который которые этого уже или если только мы они',
};

export const LANGUAGES = Object.keys(LISTS);

const STOPWORDS = new Map<string, Set<string>>(
  Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);
const ALL = new Set(Object.values(LISTS).flatMap((w) => w.split(' ')));

/** True when the (lower-case) word is a function word of any supported language. */
export function isKnownStopword(word: string): boolean {
  return ALL.has(word);
}

/** Minimum function-word hits before the word count answers at all; a headline alone is not enough. */
const MIN_HITS = 5;
/** The leader must beat the runner-up by this factor (Italian, Spanish and Portuguese share many words). */
const MIN_LEAD = 1.3;
/** Function words are roughly a third of running prose; under ~10% the text is not in that language. */
const MIN_SHARE = 0.1;
/** Enough words to decide; keeps the cost flat for long articles. */
const MAX_WORDS = 5000;

/** The function-word count's verdict, or null: one of LANGUAGES, clearly ahead. */
export function stopwordLanguage(text: string): string | null {
  const words = (
    text
      .slice(0, MAX_WORDS * 12)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const scores = [...STOPWORDS].map(([lang, set]) => ({
    lang,
    hits: words.filter((w) => set.has(w)).length,
  }));
  scores.sort((a, b) => b.hits - a.hits);
  const [first, second] = scores;
  if (!first || first.hits < MIN_HITS || first.hits / words.length < MIN_SHARE) return null;
  if (second && first.hits < second.hits * MIN_LEAD) return null;
  return first.lang;
}

/** ISO 639-3 codes franc-min answers → the ISO 639-1 code BCP 47 uses; codes without one stay as they are. */
const TWO_LETTER: Record<string, string> = {
  eng: 'en',
  ita: 'it',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  srp: 'sr',
  hrv: 'hr',
  bos: 'bs',
  pol: 'pl',
  ces: 'cs',
  hun: 'hu',
  ron: 'ro',
  swe: 'sv',
  tur: 'tr',
  azj: 'az',
  kaz: 'kk',
  uzn: 'uz',
  ell: 'el',
  arb: 'ar',
  pes: 'fa',
  urd: 'ur',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ben: 'bn',
  pan: 'pa',
  guj: 'gu',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  sin: 'si',
  tha: 'th',
  mya: 'my',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  vie: 'vi',
  ind: 'id',
  zlm: 'ms',
  jav: 'jv',
  sun: 'su',
  tgl: 'tl',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  som: 'so',
  amh: 'am',
  kin: 'rw',
  run: 'rn',
  nya: 'ny',
  lin: 'ln',
  plt: 'mg',
  fuv: 'ff',
  qug: 'qu',
};

/**
 * Shorter texts get no guess (about a sentence: franc's trigrams need more than a headline). A Chinese,
 * Japanese or Korean character counts three: it carries about as much as a short word.
 */
const MIN_CHARS = 80;
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** franc's scores are relative (best = 1); a runner-up this close is a tie. */
const TIE = 0.03;

export function detectLanguage(text: string): string | null {
  const sample = text.replace(/\s+/gu, ' ').trim();
  if (sample.length + 2 * (sample.match(DENSE)?.length ?? 0) < MIN_CHARS) return null;
  const ranked = francAll(sample, { minLength: 1 });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  const tag = (code: string) => TWO_LETTER[code] ?? code;
  if (second && best[1] - second[1] < TIE) {
    const byWords = stopwordLanguage(sample);
    const tied = ranked.filter(([, score]) => best[1] - score < TIE).map(([code]) => tag(code));
    return byWords && tied.includes(byWords) ? byWords : null;
  }
  return fitsAlphabet(sample, tag(best[0])) ? tag(best[0]) : null;
}

/** A few foreign names are normal ("Łukasz" in French news); a tenth of the accents is another language. */
function fitsAlphabet(text: string, lang: string): boolean {
  const count = lettersOutside(text, lang);
  return !count || count.outside < 3 || count.outside / count.letters < 0.1;
}

/** "it_IT", "it-IT", "en", "pt-BR" → primary tag when it is a plausible ISO 639-1 code, else null. */
export function languageFromLocale(locale: string): string | null {
  const m = locale.trim().match(/^([a-z]{2})(?:[-_][A-Za-z]{2,4})?$/);
  return m ? m[1]! : null;
}
