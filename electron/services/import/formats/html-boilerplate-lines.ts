// Boilerplate lines that Readability kept and whose markup says nothing (html-boilerplate.ts has removed what
// the markup names): share bars, navigation and breadcrumb lines, tag lists, "Leggi anche" / "You may also like"
// and the headlines after them, the byline-and-date line at the top, and photo captions ending with their
// credit ("(Photo: Reuters)", "Foto Ansa"), which move to the article's captions. The cues are words and
// shapes of whole lines (html-boilerplate-words.ts), in several languages; a paragraph of running text is never
// removed for a word it contains.
import {
  BYLINE_START,
  BYLINE_WORD,
  CRUMB_LABEL,
  DATE_LABEL,
  HOME_WORDS,
  NAV_PHRASES,
  READING_TIME,
  RELATED_LABELS,
  SHARE_GLUE,
  SHARE_NETWORKS,
  SHARE_VERBS,
  TAG_LABELS,
} from './html-boilerplate-words';
import { wordCount } from '../text/line-helpers';

/** Lines of a tag list or a box of headlines are short: a few words, or a headline. */
const MAX_TAG_WORDS = 5;
const MAX_HEADLINE_WORDS = 25;
/** How far down the byline and date lines may stand (after a kicker, the title, a standfirst). */
const HEAD_LINES = 4;
/** The longest line any rule here removes (a caption with its credit). */
const MAX_LINE = 400;

const SEPARATORS = /\s*(?:[|/•·›»>→–—]|\s-\s)\s*/u;

/** "Whatsapp Facebook Pint", "Share on Twitter", "Condividi": share words and their glue, nothing else. */
function isShareLine(line: string): boolean {
  if (line.length > 120) return false;
  const ws = line
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  if (ws.length === 0 || ws.length > 12) return false;
  const verbs = ws.filter((w) => SHARE_VERBS.has(w)).length;
  const networks = ws.filter((w) => SHARE_NETWORKS.has(w)).length;
  return (
    (verbs > 0 || networks > 1) &&
    ws.every((w) => SHARE_VERBS.has(w) || SHARE_NETWORKS.has(w) || SHARE_GLUE.has(w))
  );
}

/** "Sign In / Home / Subscribe": navigation phrases alone, one or several. */
function isNavLine(line: string): boolean {
  if (line.length > 120) return false;
  const parts = line
    .toLowerCase()
    .split(SEPARATORS)
    .map((p) => p.replace(/[^\p{L}\p{N}' -]+/gu, '').trim())
    .filter(Boolean);
  return parts.length > 0 && parts.length <= 10 && parts.every((p) => NAV_PHRASES.has(p));
}

/** "Home › News › World", "You are here: Home / Showbiz / …". */
function isCrumbLine(line: string): boolean {
  if (line.length > 300 || !/[›»>→/|]/u.test(line)) return false;
  const labelled = CRUMB_LABEL.test(line);
  const trail = line.replace(CRUMB_LABEL, '').trim();
  const parts = trail.split(/\s*[›»>→/|]\s*/u).filter(Boolean);
  if (parts.length < 2 || parts.length > 8) return false;
  if (labelled) return true;
  // Without the label: short parts, starting from the home page, joined by an arrow-like separator.
  return (
    /[›»>→]/u.test(trail) &&
    HOME_WORDS.test(parts[0]!.trim()) &&
    parts.slice(0, -1).every((p) => wordCount(p, 5) <= 4)
  );
}

/** A line that reads like a headline or a tag, not a paragraph of the story (no sentence inside). */
const isListItem = (line: string, maxWords: number) =>
  wordCount(line, maxWords + 1) <= maxWords &&
  !/[.!?]\s+\p{Lu}/u.test(line) &&
  !/[.!…:;]["”»’)]?$/u.test(line) &&
  !line.includes('\n');

/** "Tags: Russia, Kazakhstan": the label and its list on one line. */
function isTagLine(line: string): boolean {
  const m = TAG_LABELS.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length).trim();
  if (!rest) return true;
  // The label must be a label (followed by a colon), not a sentence's first word ("Topics covered include…").
  if (!/[:：]\s*$/u.test(m[0])) return false;
  return rest.split(/\s*[,;|·•]\s*/u).every((t) => wordCount(t, MAX_TAG_WORDS + 1) <= MAX_TAG_WORDS);
}

/** A related-stories heading alone ("You may also like", "LEGGI ANCHE", "Te recomendamos ⬇"). */
function isRelatedHeading(line: string): boolean {
  const m = RELATED_LABELS.exec(line);
  return !!m && /^[\s:：.…⬇↓▼»>-]*$/u.test(line.slice(m[0].length));
}

/** "Leggi anche: <headline>", "READ MORE: <headline>": one related link printed inside the story. */
function isRelatedLink(line: string): boolean {
  const m = RELATED_LABELS.exec(line);
  return !!m && /^\s*[:：|»>-]/u.test(line.slice(m[0].length)) && isListItem(line, MAX_HEADLINE_WORDS + 4);
}

/** A date-like token: digits with separators, or a year next to a number (for the byline-and-date line). */
const HAS_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b/u;

/** "By Jane Doe | March 25, 2015 at 3:46 PM", "Posted by: Ed de Leon on February 18, 2020", "ETMarkets.com|". */
function isBylineLine(line: string, author: string | null): boolean {
  if (line.length > 160 || line.includes('\n')) return false;
  const n = wordCount(line, 17);
  // "Von" alone, the name on the next line.
  if (BYLINE_WORD.test(line)) return true;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const a = author ? key(author) : '';
  if (BYLINE_START.test(line)) {
    const rest = line.replace(BYLINE_START, '');
    // "Von Risiken und Nebenwirkungen", "Di Maio ha detto": German nouns and Italian names start like a
    // byline; without the author's name, a date or a separator, such a line is kept.
    if (
      /^(?:von|di)\s/iu.test(line) &&
      !(a && key(line).includes(a)) &&
      !HAS_DATE.test(line) &&
      !/[|•·–—]/u.test(line)
    )
      return false;
    // A name: capitalised words (with "and", "e", "und", "et", "y", initials), then perhaps a date or outlet.
    const name = rest.split(/\s*(?:[|,•·–—]|\bon\b|\bil\b|\bam\b|\ble\b|\bel\b)\s*/u)[0] ?? '';
    return (
      wordCount(name, 7) <= 6 &&
      /^\p{Lu}/u.test(name) &&
      !/[.!?]$/u.test(line.trim()) &&
      (n <= 8 || HAS_DATE.test(line) || SEPARATORS.test(line))
    );
  }
  // "Tuesday 15 October 2019 by Bradley M. Kuhn": a date and "by" a capitalised name, nothing more.
  if (
    n <= 12 &&
    HAS_DATE.test(line) &&
    /\b(?:by|di|von|par|por)\s+\p{Lu}/u.test(line) &&
    !/[.!?]$/u.test(line)
  )
    return true;
  if (!author) return false;
  // The author's name alone, or with a date and separators around it.
  if (!a || !key(line).includes(a)) return false;
  // Besides the name, room for a date, a time and a label ("Updated"), not for a sentence.
  const short = n <= 16 && line.length <= author.length + 60;
  return key(line) === a || (short && HAS_DATE.test(line) && !/[.!?。]["”»」]?$/u.test(line));
}

const CUE =
  '(?:photos?|fotos?|images?|picture|pic|bild|bilder|imagen|immagin[ei]|photograph|fotograf[íi]a|cr[ée]dit(?:o| photo)?|illustration)';
/**
 * A photo caption ending with its credit: "(Photo: Reuters)", "(Bild: Hersteller)", "(©Adobe Stock)" in
 * brackets; "— Foto: Reprodução", "Image: VICKY LETA / MASHABLE", "Photo by Joan Bardeletti" after a colon, a
 * slash or "by"; "Foto Ansa" with the agency's capitalised name right after the word.
 */
const CREDIT_END = [
  new RegExp(`\\(\\s*(?:${CUE}\\s*(?:(?:by|di|von|de|par|por)\\s+|[:/]\\s*)|©\\s*)[^()]{2,80}\\)$`, 'iu'),
  new RegExp(
    `(?:^|[\\s—–|-])${CUE}(?:\\s+\\p{L}+)?\\s*(?:[:/]|\\s(?:by|di|von|de|par|por)\\s)\\s*[^().:]{2,80}$`,
    'iu',
  ),
  /(?:^|[\s—–|-])(?:[Ff]oto|FOTO|[Pp]hoto|PHOTO)\s+\p{Lu}[\p{L}.]+(?:\s*[/-]\s*\p{Lu}[\p{L}.]*)*$/u,
];

/** A cheap first look for CREDIT_END's words. */
const CREDIT_HINT = /foto|photo|imag|pic|bild|cr[ée]dit|illustr|©/i;

function isCaptionLine(line: string): boolean {
  if (!CREDIT_HINT.test(line)) return false;
  if (line.length > 400 || line.includes('\n') || wordCount(line, 61) > 60) return false;
  const t = line.trim();
  return CREDIT_END.some((re) => re.test(t));
}

/** "© Jan Bechberger" alone under a picture: a photo credit (a notice names rights, a year or a company). */
const isCreditLine = (line: string) =>
  /^©\s*\p{L}/u.test(line) && wordCount(line, 5) <= 4 && !/\b(?:19|20)\d\d\b|rights|reserved/iu.test(line);

/** "© 2020 Reuters", "Copyright © BizWest Media": a copyright notice alone. */
const isCopyrightLine = (line: string) =>
  /^(?:copyright\b|©|\(c\)\s)/iu.test(line) && wordCount(line, 26) <= 25 && !line.includes('\n');

/** "Updated: Jan 23, 2020, 10.45 AM IST", "Pubblicato il: 30 Settembre 2020 / Ultimo aggiornamento: …". */
function isLabelledDateLine(line: string): boolean {
  const m = DATE_LABEL.exec(line);
  if (!m || m[0].length >= line.length || line.length > 120) return false;
  const rest = line.slice(m[0].length);
  // The date comes first (or "by" the author): "Published in 2019, the report found…" is a sentence.
  const first = rest.split(/[\s,]/u, 1)[0]!;
  return (
    DATE_WORDS.test(rest) &&
    (/[:：]/u.test(m[0]) ||
      /^\d/u.test(first) ||
      /^by$/iu.test(first) ||
      DATE_WORDS.test(first) ||
      WEEKDAY.test(first))
  );
}

const WEEKDAY =
  /^(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|gio|ven|sab|dom|mon|die|mit|don|fre|sam|son|lun|mié|jue|vie|sáb)\p{L}*\.?$/iu;

/** A date written in digits or with a month's name, in the languages of the lexicons. */
const DATE_WORDS = new RegExp(
  `${HAS_DATE.source}|\\b(?:${[
    'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?',
    'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre',
    'januar|februar|märz|mai|juni|juli|oktober|dezember',
    'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|décembre',
    'enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre',
  ].join('|')})\\b`,
  'iu',
);

export interface CleanLines {
  paragraphs: string[];
  captions: string[];
}

/**
 * The paragraphs without the boilerplate lines; the caption lines found among them, with their credits. Never
 * removes every paragraph: when nothing would be left, the paragraphs are returned as they were.
 */
export function withoutBoilerplateLines(paragraphs: string[], author: string | null): CleanLines {
  const out: string[] = [];
  const captions: string[] = [];
  /** In a box of related headlines or a tag list: how many list lines may still follow. */
  let listLeft = 0;
  let listWords = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // Running text: longer than any line the rules below look for (most paragraphs end here).
    if (p.length > MAX_LINE) {
      listLeft = 0;
      out.push(p);
      continue;
    }
    if (listLeft > 0 && isListItem(p, listWords)) {
      listLeft--;
      continue;
    }
    listLeft = 0;
    const related = isRelatedHeading(p);
    if (related || (TAG_LABELS.test(p) && isTagLine(p) && wordCount(p, 4) <= 3)) {
      // The heading and the list after it (headlines, or tags). A heading that could be the article's own
      // ("Further reading", "Topics") goes only with a list after it, or when it points on (":", "…", "⬇").
      const maxWords = related ? MAX_HEADLINE_WORDS : MAX_TAG_WORDS;
      const next = paragraphs[i + 1];
      if ((next !== undefined && isListItem(next, maxWords)) || /[:：…⬇↓▼»>]\s*$|\.\.\.$/u.test(p)) {
        listLeft = 15;
        listWords = maxWords;
        continue;
      }
    }
    if (isShareLine(p) || isNavLine(p) || isCrumbLine(p) || isTagLine(p) || isRelatedLink(p)) continue;
    if (isCopyrightLine(p) && !isCreditLine(p)) continue;
    if (READING_TIME.test(p) || isLabelledDateLine(p)) continue;
    if (i < HEAD_LINES && out.length < HEAD_LINES && isBylineLine(p, author)) continue;
    if (isCaptionLine(p) || isCreditLine(p)) {
      captions.push(p);
      continue;
    }
    out.push(p);
  }
  if (!out.some((p) => /[\p{L}\p{N}]/u.test(p))) return { paragraphs, captions: [] };
  return { paragraphs: out, captions };
}
