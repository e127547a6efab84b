// Date parsing for article metadata. Results are ISO 8601: a full timestamp with its offset when the source
// gives one ("2022-01-07T14:26+0100" → "2022-01-07T14:26:00+01:00"), otherwise a calendar date. A time
// without an offset is dropped rather than guessed, since the reader's zone is not the outlet's.

const MONTH_NAMES: Array<[number, string]> = [
  [1, 'january jan gennaio gen janvier janv januar jänner enero janeiro'],
  [2, 'february feb febbraio février févr fevrier februar febrero fevereiro fev'],
  [3, 'march mar marzo mars märz marz março marco'],
  [4, 'april apr aprile avril abril'],
  [5, 'may maggio mag mai mayo maio'],
  [6, 'june jun giugno giu juin juni junio junho'],
  [7, 'july jul luglio lug juillet juil juli julio julho'],
  [8, 'august aug agosto ago août aout'],
  [9, 'september sep sept settembre set septembre september septiembre setiembre setembro'],
  [10, 'october oct ottobre ott octobre oktober okt octubre outubro out'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec dicembre dic décembre decembre dezember dez diciembre dezembro'],
];
const MONTHS = new Map<string, number>(
  MONTH_NAMES.flatMap(([n, names]) => names.split(' ').map((name) => [name, n] as [string, number])),
);

const WEEKDAY =
  /^(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lun|mar|mer|gio|ven|sab|dom|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s+/;

/** Labels before a date line; the second group tells an update from a publication. */
const LABEL =
  /^(?:(pubblicato|published|publié|publicado|veröffentlicht|data|date|posted)|(aggiornato|updated|modificato|modified|mis à jour|actualizado|aktualisiert|ultimo aggiornamento|last updated))\s*(?:il|on|le|el|em|am)?\s*:?\s*/;

/** A trailing clock time, with an optional connector before it and an optional zone after it. */
const TRAILING_TIME =
  /[\s,–—|-]*(?:(?:ore|alle|at|um|à|a las|às|h)\s*)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:\(?(?:utc|gmt|cet|cest|msk|edt|est|pdt|pst|bst)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2}|z)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** ISO 8601 date or timestamp as scrapers write it (offset "+0100", "+01:00" or "Z"). */
export function parseIsoDate(s: string): string | null {
  const m = s
    .trim()
    .match(
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i,
    );
  if (!m) return null;
  const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date || m[4] === undefined) return date;
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const zone = m[7];
  if (!zone) return date;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offset}`;
}

function monthOf(word: string): number | null {
  return MONTHS.get(word.replace(/\.$/, '')) ?? null;
}

/** Numeric and written-out dates without a clock time. */
function parseBareDate(s: string): string | null {
  const iso = parseIsoDate(s);
  if (iso) return iso;
  let m = s.match(/^(\d{1,2})(?:°|º|\.|st|nd|rd|th|er)?\s+(?:de\s+)?(\p{L}+\.?)\s+(?:de\s+)?(\d{4})$/u);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? calendarDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = s.match(/^(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? calendarDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m = s.match(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.match(/^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    // Day first, as in every supported language but US English; month first only when nothing else fits.
    return calendarDate(y, b, a) ?? calendarDate(y, a, b);
  }
  return null;
}

/**
 * Parses a date written on its own: "10 gennaio 2022", "January 10, 2022", "10 Jan 2022", "07.01.2022",
 * "2022-01-07T14:26+0100", optionally after a weekday and before a clock time. Null when it is not a date.
 */
export function parseDate(input: string): string | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  // "mar" is both Tuesday (it) and March (en), so the weekday is only dropped when that helps.
  for (const c of new Set([s, s.replace(WEEKDAY, '')])) {
    const iso =
      parseBareDate(c) ?? (TRAILING_TIME.test(c) ? parseBareDate(c.replace(TRAILING_TIME, '')) : null);
    if (iso) return iso;
  }
  return null;
}

export interface DateLine {
  iso: string;
  /** Whether a label said it is the update time ("Aggiornato il …"); unlabelled dates count as published. */
  kind: 'published' | 'modified';
}

/** A whole line that is a date, possibly labelled ("Pubblicato il 10 gennaio 2022", "Updated: Jan 10, 2022"). */
export function parseDateLine(line: string): DateLine | null {
  const s = line.trim().toLowerCase();
  if (s.length > 80) return null;
  const label = s.match(LABEL);
  const iso = parseDate(label ? s.slice(label[0].length) : s);
  if (!iso) return null;
  return { iso, kind: label?.[2] ? 'modified' : 'published' };
}

/** Chronological order of two results of parseDate (dates count as midnight UTC). */
export function compareIsoDates(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
