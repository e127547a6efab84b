// E-mail messages (.eml), such as newsletters and articles forwarded by colleagues, through postal-mime.
// Subject → title, sender → author and outlet (the sender's domain), Date header → published with its own
// offset. The text/plain body is preferred; an HTML-only message goes through the HTML extractor. Document
// attachments (a PDF, a .docx, a zip…) are extracted as articles of their own through the registry.
import PostalMime from 'postal-mime';
import type { Outlet, ParsedArticle } from '../../../../shared/domain/types';
import { knownBinaryType, looksBinary } from '../encoding/binary-signatures';
import { isBoilerplate } from '../text/boilerplate';
import { parseDateLine, parseIsoDate } from '../text/dates';
import { detectLanguage, languageFromLocale } from '../text/language';
import { UNKNOWN_OUTLET, hostOfUrl, outletFromDomain } from '../text/outlet-clues';
import { ImportRefusal } from '../refusal';
import { URL_RE, cleanInline } from '../text/line-helpers';
import { parsePage } from './dom';
import { extractHtml } from './html';
import type { ExtractedItem, FormatExtractor } from './types';
import { LABEL_SEPARATOR } from '../../../../shared/domain/file-labels';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  ut: '+00:00',
  gmt: '+00:00',
  z: '+00:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

/** RFC 5322 date ("Fri, 7 Jan 2022 14:26:00 +0100") → "2022-01-07T14:26:00+01:00", keeping the sender's offset. */
export function parseMailDate(value: string): string | null {
  const m = value
    .trim()
    .match(
      /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?/i,
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const date = month
    ? parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`)
    : null;
  if (!date) return null;
  // "-0000" is UTC from a sender that does not know its own zone: the instant is still exact.
  const zone = m[7]
    ? m[7] === '-0000'
      ? '+00:00'
      : /^[+-]/.test(m[7])
        ? `${m[7].slice(0, 3)}:${m[7].slice(3)}`
        : ZONES[m[7].toLowerCase()]
    : undefined;
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (!zone || hh > 23 || mm > 59 || ss > 60) return date;
  const pad = (n: number) => String(Math.min(n, 59)).padStart(2, '0');
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${zone}`;
}

const FREE_MAIL =
  /(?:^|\.)(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|libero|virgilio|tiscali|alice|tin|icloud|me|aol|proton|protonmail|gmx|yandex|mail|web|fastwebnet)\.[a-z.]+$/i;
/** Mailing subdomains in front of the outlet's own domain ("newsletter.ilpost.it"). */
const MAIL_SUBDOMAIN =
  /^(?:news|newsletter|newsletters|mail|email|e|m|mailing|mailer|info|noreply|no-reply|notifiche|lists?)\./i;

function senderOutlet(address: string | undefined): Outlet {
  const domain = address?.split('@')[1]?.toLowerCase();
  if (!domain || FREE_MAIL.test(domain)) return UNKNOWN_OUTLET;
  const trimmed = domain.replace(MAIL_SUBDOMAIN, '');
  return outletFromDomain(trimmed.includes('.') ? trimmed : domain);
}

const SUBJECT_PREFIX = /^(?:(?:fwd?|fw|tr|wg|rv|re|r|aw|sv|i)\s*:\s*)+/i;
const VIEW_ONLINE =
  /view (?:it |this (?:email |e-mail |message )?)?(?:in|on) (?:your |a )?(?:browser|web)|view online|read online|web version|visualizza (?:nel|sul|in) (?:tuo )?browser|versione (?:web|online)|leggi (?:online|sul web)/i;
/** Header lines of a forwarded message block ("Da: …", "Subject: …") and its separator. */
const FORWARD_LINE =
  /^(?:-{2,}\s*(?:forwarded message|messaggio inoltrato|original message|messaggio originale)\s*-{2,}|(?:from|da|to|a|cc|date|data|sent|inviato|subject|oggetto):\s.*)$/i;

/** The text part as paragraphs: quoted text, signatures and forward headers go, wrapped lines join. */
function textParagraphs(text: string): string[] {
  const body = text.replace(/\r\n?/g, '\n').split(/\n-- \n/)[0]!;
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      cleanInline(
        block
          .split('\n')
          .filter((l) => !/^\s*>/.test(l) && !FORWARD_LINE.test(l.trim()))
          .join(' '),
      ),
    )
    .filter((p) => p && !isBoilerplate(p) && !(VIEW_ONLINE.test(p) && p.length < 200));
}

/** The "view in browser" link of a newsletter, from the HTML or the text part. */
function viewOnlineUrl(html: string | undefined, text: string | undefined): string | null {
  if (html) {
    const document = parsePage(html);
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (VIEW_ONLINE.test(a.textContent ?? '') && hostOfUrl(href)) return href;
    }
  }
  const lines = (text ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!VIEW_ONLINE.test(lines[i]!)) continue;
    const url = `${lines[i]} ${lines[i + 1] ?? ''}`.match(URL_RE)?.[0];
    if (url) return url;
  }
  return null;
}

/** Attachments that may hold articles; images, media and inline parts of the HTML are not. */
const isDocumentAttachment = (a: { filename: string | null; mimeType: string; related?: boolean }) =>
  !!a.filename && !a.related && !/^(?:image|audio|video|font)\//.test(a.mimeType);

export const emlFormat: FormatExtractor = {
  extensions: ['.eml'],
  name: 'e-mail message',
  async extract(label, bytes, ctx) {
    if (bytes.length === 0) throw new ImportRefusal('empty file');
    const type = knownBinaryType(bytes);
    if (type) throw new ImportRefusal(`not an e-mail message (${type})`);
    if (looksBinary(bytes)) throw new ImportRefusal('not an e-mail message (binary data)');
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^\s+/, '');
    if (!/^(?:From .*\r?\n)?[\x21-\x39\x3b-\x7e]+:/.test(head))
      throw new ImportRefusal('not an e-mail message (no header lines)');
    let email: Awaited<ReturnType<typeof PostalMime.parse>>;
    try {
      email = await PostalMime.parse(bytes, {
        maxNestingDepth: 32,
        maxHeadersSize: 1024 * 1024,
        attachmentEncoding: 'arraybuffer',
      });
    } catch (err) {
      throw new ImportRefusal(
        `malformed e-mail message (${err instanceof Error ? err.message.slice(0, 160) : String(err)})`,
      );
    }
    if (!email.headers.some((h) => ['from', 'subject', 'date', 'to', 'message-id'].includes(h.key))) {
      throw new ImportRefusal('not an e-mail message (no From, To, Subject or Date header)');
    }
    const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
    // postal-mime reads what is there; a multipart message cut short lacks its closing boundary.
    const boundary = header('content-type')?.match(
      /^\s*multipart\/[^;]*;(?:.*;)?\s*boundary="?([^";]+)"?/is,
    )?.[1];
    if (boundary && !new TextDecoder('latin1').decode(bytes).includes(`--${boundary.trim()}--`)) {
      throw new ImportRefusal('truncated e-mail message (its last part is missing)');
    }
    const from = email.from && 'address' in email.from && email.from.address ? email.from : null;
    const listPost = header('list-post')?.match(/<(https?:\/\/[^>]+)>/)?.[1] ?? null;
    const url = viewOnlineUrl(email.html, email.text) ?? listPost;
    const items: ExtractedItem[] = [];

    let article: ParsedArticle | null = null;
    let reason = 'no article text found in the message';
    const paragraphs = email.text ? textParagraphs(email.text) : [];
    if (paragraphs.some((p) => /[\p{L}\p{N}]/u.test(p))) {
      const title = cleanInline((email.subject ?? '').replace(SUBJECT_PREFIX, '')) || paragraphs.shift()!;
      // A date line at the top of the text repeats the Date header, in words.
      while (paragraphs.length > 1 && parseDateLine(paragraphs[0]!)) paragraphs.shift();
      if (paragraphs.length > 0) {
        article = {
          title,
          outlet: UNKNOWN_OUTLET,
          url,
          published: null,
          modified: null,
          language: null,
          author: null,
          lead: '',
          paragraphs,
        };
      }
    } else if (email.html) {
      try {
        article = extractHtml(email.html, url ? { url } : {});
        const subject = cleanInline((email.subject ?? '').replace(SUBJECT_PREFIX, ''));
        if (subject) article.title = subject;
      } catch (err) {
        if (!(err instanceof ImportRefusal)) throw err;
        reason = `no article text found in the message (${err.reason})`;
      }
    }
    if (article) {
      const sender = senderOutlet(from?.address);
      const date = header('date');
      article.author = cleanInline(from?.name ?? '') || from?.address || article.author;
      article.outlet = sender.domain
        ? sender
        : article.url && hostOfUrl(article.url)
          ? outletFromDomain(hostOfUrl(article.url)!)
          : article.outlet;
      const sent =
        (date && parseMailDate(date)) ||
        (email.date ? parseIsoDate(email.date.replace(/\.\d+Z$/, 'Z')) : null);
      if (sent) {
        article.published = sent;
        article.publishedFrom = 'meta';
      }
      const lang = header('content-language');
      article.language =
        (lang && languageFromLocale(lang.split(',')[0]!)) ||
        article.language ||
        detectLanguage([article.title, ...article.paragraphs].join('\n'));
      items.push({ label, bytes, article });
    }
    for (const a of email.attachments.filter(isDocumentAttachment)) {
      const content =
        typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
      const name = a.filename!.split(/[/\\]/).pop() || 'attachment';
      items.push(...(await ctx.extractNested(`${label}${LABEL_SEPARATOR}${name}`, content)));
    }
    if (items.length === 0) throw new ImportRefusal(reason);
    return items;
  },
};
