// Scrapers that concatenate the text of <p> and <h2> elements without a separator leave lines such as
// "…Tokayev.Il tema…" or "La situazione in KazakistanLe proteste…". Each glue point is a lost paragraph
// break, so the line is split there. The rules are deliberately conservative: a missed split leaves two
// paragraphs joined, a wrong one cuts a name ("McDonald", "iPhone", "U.S.A.") or a number in half.

const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '»', '’', ')', ']']);
const OPENERS = new Set(['“', '«', '‘', '(', '"']);

/** Words that end with a full stop without ending a sentence (compared in lower case). */
const ABBREVIATIONS = new Set(
  'sig sigg dott dr prof ing avv on mr mrs ms st jr sr gen col sen rep gov inc co ltd corp vs etc ecc pag art fig mt ca cfr nr no vol ed pp p n op cit approx'.split(
    ' ',
  ),
);

/** Capitalised words that can open a sentence: function words of the supported languages. */
const STARTERS = new Set(
  (
    'il lo la i gli le un una uno l dell all nell sull dall è e ma in nel nella per con secondo dopo oggi ieri ' +
    'da dal dalla questo questa anche non se già the a an in on at this that these it he she they we but and as after according ' +
    'le la les un une des il elle ils en au dans pour ce cette mais selon der die das ein eine es er sie im am nach in ' +
    'el los las un una en por para pero según o os as um uma em no na para mas segundo'
  ).split(' '),
);

/** Real words with an inner capital whose tail happens to be a starter. */
const CAMEL_WORDS = new Set([
  'linkedin',
  'checkin',
  'login',
  'signin',
  'plugin',
  'addon',
  'builtin',
  'hashtagin',
]);

// ASCII answered without a regular expression (same result): splitGlued asks about every character.
const isUpper = (c: string | undefined) =>
  c !== undefined && (c < '\u0080' ? c >= 'A' && c <= 'Z' : /\p{Lu}/u.test(c));
const isLower = (c: string | undefined) =>
  c !== undefined && (c < '\u0080' ? c >= 'a' && c <= 'z' : /\p{Ll}/u.test(c));
const isLetter = (c: string | undefined) =>
  c !== undefined && (c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : /\p{L}/u.test(c));

/** The whitespace-delimited token around index i: URLs and e-mail addresses are never split. */
function tokenAt(s: string, i: number): string {
  let a = i;
  let b = i;
  while (a > 0 && !/\s/.test(s[a - 1]!)) a--;
  while (b < s.length && !/\s/.test(s[b]!)) b++;
  return s.slice(a, b);
}

const isAddress = (token: string) =>
  token.includes('@') || token.includes('://') || /(^|\W)www\./i.test(token);

/** Letters directly before index i. */
function wordBefore(s: string, i: number): string {
  let a = i;
  while (a > 0 && isLetter(s[a - 1])) a--;
  return s.slice(a, i);
}

/** Letters from index i on. */
function wordFrom(s: string, i: number): string {
  let b = i;
  while (b < s.length && isLetter(s[b])) b++;
  return s.slice(i, b);
}

/** A capitalised word starts at i: "Il", "Peskov", a one-letter word ("A", "È") or an elision ("L’Onu"). */
function capitalisedWordAt(s: string, i: number): boolean {
  if (!isUpper(s[i])) return false;
  const next = s[i + 1];
  return isLower(next) || next === undefined || /[\s'’,;:]/.test(next);
}

/** Index where the sentence ending at the terminal mark p is glued to the next one, or -1. */
function punctuationGlue(s: string, p: number, segmentStart: number): number {
  const word = wordBefore(s, p);
  // Initials and abbreviations: "U.S.A", "J.R.R.Tolkien", "Sig.Rossi", "e.g.".
  if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase())) return -1;
  if (isAddress(tokenAt(s, p))) return -1;
  let k = p + 1;
  // A straight quote right after the mark closes the sentence's quotation when one is open, else opens the next.
  for (;;) {
    const c = s[k];
    if (c !== undefined && CLOSERS.has(c)) k++;
    else if (c === '"' && (s.slice(segmentStart, k).split('"').length - 1) % 2 === 1) k++;
    else break;
  }
  const start = OPENERS.has(s[k]!) ? k + 1 : k;
  return capitalisedWordAt(s, start) ? k : -1;
}

/** Index of a lower→upper glue ("KazakistanLe proteste") when the tail is a sentence opener, else -1. */
function caseGlue(s: string, i: number): number {
  if (!isLower(s[i - 1]) || !capitalisedWordAt(s, i)) return -1;
  const head = wordBefore(s, i);
  const tail = wordFrom(s, i);
  // Short heads are name prefixes ("Mc", "Mac", "Di", "De", "i" of iPhone).
  if (head.length < 4 || !/\p{L}/u.test(head[0]!)) return -1;
  if (CAMEL_WORDS.has((head + tail).toLowerCase())) return -1;
  const elided = /^(L|D|C|J|N|S|Qu|Dell|All|Nell|Sull|Dall|Un)['’]/u.test(s.slice(i, i + 6));
  if (!elided && !STARTERS.has(tail.toLowerCase())) return -1;
  // The starter must begin running text, not be the end of a camel-cased name followed by punctuation.
  if (!elided && !/^\s+\p{L}/u.test(s.slice(i + tail.length, i + tail.length + 3))) return -1;
  if (isAddress(tokenAt(s, i))) return -1;
  return i;
}

/** Splits a line at every glue point; pieces are trimmed and never empty. */
export function splitGlued(line: string): string[] {
  const cuts: number[] = [];
  let segmentStart = 0;
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    let cut = -1;
    if (TERMINAL.has(c) && i + 1 < line.length && !/\s/.test(line[i + 1]!)) {
      // Only the last mark of a run ("?!", "...") is considered.
      if (TERMINAL.has(line[i + 1]!)) continue;
      cut = punctuationGlue(line, i, segmentStart);
    } else if (isUpper(c)) {
      cut = caseGlue(line, i);
    }
    if (cut > segmentStart) {
      cuts.push(cut);
      segmentStart = cut;
      i = Math.max(i, cut - 1);
    }
  }
  const pieces: string[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const piece = line.slice(from, cut).trim();
    if (piece) pieces.push(piece);
    from = cut;
  }
  return pieces;
}
