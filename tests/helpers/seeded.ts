// Deterministic test data: one seeded generator for every generated corpus (the bulk-import and folder
// drops, the bad-files run), so that a failing run can be repeated exactly, and the news vocabulary and
// outlets the generated articles are written with.

/** mulberry32 (the bench's generator): numbers in [0, 1), the same sequence for the same seed. */
export { createRng as mulberry32 } from '../../scripts/bench/text-gen';

/** Content words of news prose. */
export const NEWS_WORDS =
  `government minister officials report city council police court election vote party leader president budget
health hospital school water energy prices market bank company workers union strike protest army border talks agreement
week month year morning evening local national regional international economy growth inflation tax plan project road bridge
village river forest farmers harvest weather storm flood drought fire rescue team museum festival concert football match
club coach season players fans stadium ticket train airport flight ship port trade exports imports factory jobs wages
families children students teachers university research scientists study data survey poll results analysts experts
spokesperson statement interview press conference decision law reform proposal debate parliament committee hearing
investigation evidence witness lawyer judge trial sentence appeal prison release charges fraud corruption scandal
mayor governor region province district capital town streets residents neighbours community volunteers charity donations`
    .split(/\s+/)
    .filter(Boolean);

/** Outlets' domains, all in the built-in registry (shared/domain/outlet-registry.ts). */
export const NEWS_DOMAINS = [
  'reuters.com',
  'apnews.com',
  'bbc.co.uk',
  'theguardian.com',
  'ansa.it',
  'lemonde.fr',
  'dw.com',
  'aljazeera.com',
  'france24.com',
  'euronews.com',
];
