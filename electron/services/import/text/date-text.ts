// Dates written in running text ("Publicado el 15 de abril de 2020", "19. Oktober 2019", "2019年10月19日",
// "Stand: 19.10.2019", "Updated 2020-03-23 06:55"): the first one in a short piece of text, in the page's language.
// Written-out dates go to chrono-node (a maintained parser with locales for de, fr, es, pt, it, nl, ja, zh, ru,
// sv and more; about half a millisecond per short text once a locale is warm). Numeric dates are read here, not by
// chrono: its English parser reads "07.01.2022" month first, and the page's language decides the order. A date
// counts only with its year written out: "Nov 19" or "3 days ago" say nothing without the day the page was saved.
import * as chrono from 'chrono-node';

export interface TextDate {
  iso: string;
  /** Whether a label before it says it is an update ("Updated", "Aktualisiert", "mis à jour"). */
  kind: 'published' | 'modified';
  /** Where the date starts in the text. */
  index: number;
}

/** No web page we read was published before this (htmldate's lower bound too). */
const MIN_DAY = '1995-01-01';

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day between 1995 and tomorrow (a page cannot be published after it was saved). */
export function isPlausibleDay(iso: string, now = Date.now()): boolean {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  const day = m[0];
  return day >= MIN_DAY && day <= new Date(now + 86_400_000).toISOString().slice(0, 10);
}

const LOCALES: Record<string, chrono.Chrono> = {
  de: chrono.de.strict,
  fr: chrono.fr.strict,
  es: chrono.es.strict,
  pt: chrono.pt.strict,
  it: chrono.it.strict,
  nl: chrono.nl.strict,
  ja: chrono.ja.strict,
  zh: chrono.zh.strict,
  ru: chrono.ru.strict,
  uk: chrono.uk.strict,
  sv: chrono.sv.strict,
  en: chrono.en.strict,
};

const ENGLISH_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

const UPDATE_LABEL =
  /(?:updated?|modified|last edited|aktualisiert|geändert|mis à jour|modifié|actualizado|atualizado|aggiornato|bijgewerkt|更新|обновлено)\W{0,3}(?:\p{L}+\W{1,3}){0,2}$/iu;

/** Numeric dates: ISO and year-first (2020-03-23, 2020/03/23, 2020.03.23), CJK (2019年10月19日), day first. */
const YEAR_FIRST = /(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
const CJK = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DAY_FIRST = /(?<![\d.])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d])/;

function ymd(y: string, m: string, d: string): string {
  return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

function numericDate(text: string, lang: string): { iso: string; index: number } | null {
  const found: Array<{ iso: string; index: number }> = [];
  let m = text.match(YEAR_FIRST);
  if (m) found.push({ iso: ymd(m[1]!, m[3]!, m[4]!), index: m.index! });
  m = text.match(CJK);
  if (m) found.push({ iso: ymd(m[1]!, m[2]!, m[3]!), index: m.index! });
  m = text.match(DAY_FIRST);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Day first everywhere but in US English, which writes month/day/year; the one reading that is a date
    // wins, and an English date that could be either is left alone.
    const usOrder = lang === 'en' && m[2] === '/';
    if (a > 12 || b > 12 || !usOrder)
      found.push({
        iso: a > 12 || !usOrder ? ymd(m[4]!, m[3]!, m[1]!) : ymd(m[4]!, m[1]!, m[3]!),
        index: m.index!,
      });
  }
  return found.sort((x, y) => x.index - y.index)[0] ?? null;
}

/** A written-out date with its year, by chrono in the page's language and then in English. */
function writtenDate(text: string, lang: string): { iso: string; index: number } | null {
  // chrono is the slow part: only texts with a year and a word (a month's name) go to it.
  if (!/(?:19|20)\d{2}/.test(text) || !/\p{L}{3}|[年月]/u.test(text)) return null;
  // English as a second try only where an English month name may stand (each try costs).
  const english = lang !== 'en' && ENGLISH_MONTH.test(text) ? LOCALES.en : undefined;
  const parsers = [LOCALES[lang], english].filter((p) => p !== undefined);
  for (const parser of parsers) {
    for (const r of parser.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
      const y = r.start.get('year');
      // The year must be written, as four digits of their own ("20236" is two dates glued, not a year).
      const written = new RegExp(`(?<!\\d)${y}(?!\\d)|${y}年`);
      if (!written.test(r.text) || !r.start.isCertain('day') || !r.start.isCertain('month')) continue;
      const mo = r.start.get('month');
      const d = r.start.get('day');
      if (y && mo && d) return { iso: `${y}-${pad(mo)}-${pad(d)}`, index: r.index };
    }
  }
  return null;
}

/** The first date in a short text (a date line, a byline), with the label before it, or null. */
export function findDateInText(text: string, lang: string | null): TextDate | null {
  const l = (lang ?? 'en').toLowerCase().split(/[-_]/)[0]!;
  const numeric = numericDate(text, l);
  // A written-out date cannot start before a numeric one found at the very start.
  const written = numeric && numeric.index <= 2 ? null : writtenDate(text, l);
  const found = [numeric, written]
    .filter((x): x is { iso: string; index: number } => x !== null && isPlausibleDay(x.iso))
    .sort((a, b) => a.index - b.index)[0];
  if (!found) return null;
  const before = text.slice(Math.max(0, found.index - 40), found.index);
  return { ...found, kind: UPDATE_LABEL.test(before) ? 'modified' : 'published' };
}

/** Words that announce a publication date, and (second group) an update, in the languages of the pages we read. */
const DATE_LABEL =
  /(?:^|[^\p{L}])(?:(veröffentlicht|erstellt|erschienen|datum|stand|publiziert|published|posted|publication date|date|publié|mise en ligne|mis en ligne|publication|publicado|publicación|fecha|pubblicato|data|gepubliceerd|geplaatst|publicerad|opublikowano|опубликовано|发布|發佈|投稿|公開)|(aktualisiert|zuletzt geändert|updated|last updated|last modified|modified|mis à jour|modifié|actualizado|atualizado|aggiornato|bijgewerkt|uppdaterad|обновлено|更新))(?![\p{L}])/giu;
/** What may stand between a label and its date: ": ", " am ", " le ", " on ", " el ", " il ", "(" and the like. */
const LABEL_GAP = /^\s*(?::|\s|am|an|le|on|el|em|il|den|op|the|på|de|于|\()*\s*$/iu;

/** A date right after a label ("Datum: 03.11.2021", "Erstellt am 30.01.2022", "Publié le 29 juin 2019"). */
export function findLabelledDate(text: string, lang: string | null): TextDate | null {
  for (const m of text.matchAll(DATE_LABEL)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const found = findDateInText(rest, lang);
    if (found && LABEL_GAP.test(rest.slice(0, found.index)))
      return { iso: found.iso, kind: m[2] ? 'modified' : 'published', index: m.index };
  }
  return null;
}

/** Whether a text holds a date label at all (a cheap test before reading its element). */
const HAS_DATE_LABEL = new RegExp(DATE_LABEL.source, 'iu');
export const hasDateLabel = (text: string): boolean => HAS_DATE_LABEL.test(text);
