// The publication day written into a page's address: "/2020/03/23/", "/2020-12-24-title", "_20200316_",
// "/20200316/", "/29-10-2021". A strong signal (publishers put the day the article went out into its address and do not change
// it afterwards), but only when the three parts are there: "/2020/03/" names a month, never a day, and is not
// turned into one. Hand-written: no URL date library handles the several layouts and their traps (ids and
// prices that look like dates), and these few patterns are the whole job.
import { isPlausibleDay } from '../text/date-text';

/** The address of a saved page, from its "saved from url=(0048)https://…" comment (browsers write it on save). */
export function savedFromUrl(html: string): string | null {
  const m = html.slice(0, 4096).match(/<!--\s*saved from url=\(\d+\)\s*(https?:\/\/[^\s>]+?)\s*-->/i);
  return m ? m[1]! : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Year, month and day as separate path parts or joined by - or _ ("2020/03/23", "2020-03-23", "2020_03_23"); one
 * digit only as a whole path part (Squarespace's "/2017/7/12/"), never in "/2023/10/3-fragen".
 */
const SEPARATED =
  /(?:^|[/_.-])((?:19|20)\d{2})([/_-])(0[1-9]|1[0-2]|[1-9](?=\/))\2(0[1-9]|[12]\d|3[01]|[1-9](?=\/))(?=$|[/_.?#-])/;
/** Day first, with dashes only ("/29-10-2021", "/23-01-2022-title"): the order every language but US English uses. */
const DAY_FIRST = /(?:^|[/_.])(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d{2})(?=$|[/_.?#-])/;
/** Eight digits standing alone in a path part or between separators ("/20200316/", "-20200316-", "_20200316.html"). */
const JOINED = /(?:^|[/_=.-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.?#&-])/;

/** The calendar day a URL's path (and query) names, or null. Only full dates count; a month alone is no day. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  // The host carries no date, and a number in it ("web2020") must not start one.
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '');
  for (const re of [SEPARATED, JOINED, DAY_FIRST]) {
    const m = path.match(re);
    if (!m) continue;
    const [y, mo, d] =
      re === SEPARATED ? [m[1], m[3], m[4]] : re === JOINED ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
    const iso = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
    if (isPlausibleDay(iso)) return iso;
  }
  return null;
}
