// Recognises the page furniture scrapers keep around an article: copyright and follow-us lines, contact
// lines, "read also" teasers and the comments heading. Patterns cover the supported languages.
import { EMAIL_RE, wordCount } from './line-helpers';

const COPYRIGHT =
  /^(?:©|\(c\)|copyright\b)|riproduzione riservata|all rights reserved|tutti i diritti riservati|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|все права защищены/i;
const FOLLOW =
  /^(?:segui|seguici|follow|suivez|folgen sie|síguenos|siga|подписывайтесь)\b.{0,80}\b(?:facebook|twitter|instagram|telegram|youtube|linkedin|tiktok|whatsapp|google news|x|vk|threads)\b/i;
const SHARE =
  /^(?:condividi|share|tweet|stampa|print|iscriviti alla newsletter|subscribe|newsletter|tags?\s*:)(?:\s.{0,40})?$/i;
const PHONE = /(?:^|\s)\+\d[\d ]{7,}\d(?:\s|$)/;

/** A heading after which everything is reader comments or the site footer. */
const STOP =
  /^(?:commenti|comments?|commentaires|kommentare|comentarios|comentários|комментарии|lascia un commento|leave a (?:comment|reply)|\d+ comment[io]?s?)\s*:?$/i;

/** "Leggi anche:" on its own line introduces a teaser title on the next line. */
const RELATED =
  /^(?:leggi anche|vedi anche|potrebbe interessarti|ti potrebbe interessare|read also|read more|see also|related(?: articles?)?|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|leia também|читайте также)\s*:?\s*/i;

/** Free mail providers: an address there says nothing about the outlet. */
const FREE_MAIL =
  /(?:^|\.)(?:gmail|googlemail|yahoo|hotmail|outlook|live|libero|virgilio|tiscali|alice|icloud|me|aol|proton|protonmail|gmx|mail|yandex|web)\.[a-z.]+$/i;

/** Page furniture is short; longer lines are not even tested, which keeps huge one-line files fast. */
const MAX_FURNITURE_CHARS = 400;

export const isStopLine = (line: string) => line.length <= MAX_FURNITURE_CHARS && STOP.test(line);

/** "Leggi anche:" alone ("marker") or with the teaser on the same line ("inline"). */
export function relatedMarker(line: string): 'marker' | 'inline' | null {
  if (line.length > MAX_FURNITURE_CHARS) return null;
  const m = line.match(RELATED);
  if (!m) return null;
  return m[0].length === line.length
    ? 'marker'
    : wordCount(line, 26) <= 25 && /:/.test(m[0])
      ? 'inline'
      : null;
}

/** Copyright, follow-us, share, contact (an e-mail or phone number in a short line) lines. */
export function isBoilerplate(line: string): boolean {
  if (line.length > MAX_FURNITURE_CHARS) return false;
  if (COPYRIGHT.test(line) || FOLLOW.test(line) || SHARE.test(line)) return true;
  const words = wordCount(line, 41);
  if (words <= 40 && new RegExp(EMAIL_RE.source, 'i').test(line)) return true;
  return words <= 15 && PHONE.test(line);
}

/**
 * Domains a boilerplate line names as the outlet's own: e-mail domains other than free mail, and bare
 * domains in follow-us lines ("Segui ilfogliettone.it su facebook").
 */
export function ownDomainsIn(line: string): string[] {
  const found: string[] = [];
  for (const m of line.matchAll(new RegExp(EMAIL_RE.source, 'gi'))) {
    const d = m[1]!.toLowerCase();
    if (!FREE_MAIL.test(d)) found.push(d);
  }
  if (FOLLOW.test(line)) {
    for (const m of line.matchAll(
      /\b((?:[a-z0-9-]+\.)+(?:com|it|org|net|ru|fr|de|es|pt|uk|eu|info|io|news|tv|ch|at|be|nl|pl|ua|us|co))\b/gi,
    )) {
      found.push(m[1]!.toLowerCase());
    }
  }
  return found;
}
