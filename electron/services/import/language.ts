// A small, honest language guesser: counts frequent function words of each supported language and answers
// only when one language clearly leads. It knows it/en/fr/de/es/ru/pt and nothing else, so for any other
// language, or too little text, it returns null rather than a wrong tag.

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

const STOPWORDS = new Map<string, Set<string>>(Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(' '))]));
const ALL = new Set(Object.values(LISTS).flatMap((w) => w.split(' ')));

/** True when the (lower-case) word is a function word of any supported language. */
export function isKnownStopword(word: string): boolean {
  return ALL.has(word);
}

/** Minimum function-word hits before answering at all; a headline alone is not enough. */
const MIN_HITS = 5;
/** The leader must beat the runner-up by this factor (Italian, Spanish and Portuguese share many words). */
const MIN_LEAD = 1.3;
/** Function words are roughly a third of running prose; under ~10% the text is not in that language. */
const MIN_SHARE = 0.1;
/** Enough words to decide; keeps the cost flat for long articles. */
const MAX_WORDS = 5000;

export function detectLanguage(text: string): string | null {
  const words = (text.slice(0, MAX_WORDS * 12).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const scores = [...STOPWORDS].map(([lang, set]) => ({ lang, hits: words.filter((w) => set.has(w)).length }));
  scores.sort((a, b) => b.hits - a.hits);
  const [first, second] = scores;
  if (!first || first.hits < MIN_HITS || first.hits / words.length < MIN_SHARE) return null;
  if (second && first.hits < second.hits * MIN_LEAD) return null;
  return first.lang;
}

/** "it_IT", "it-IT", "en", "pt-BR" → primary tag when it is a plausible ISO 639-1 code, else null. */
export function languageFromLocale(locale: string): string | null {
  const m = locale.trim().match(/^([a-z]{2})(?:[-_][A-Za-z]{2,4})?$/);
  return m ? m[1]! : null;
}
