// Web archives (.mhtml, .mht): a MIME multipart/related message holding the page and its resources, as saved by
// Chrome ("Webpage, single file"), Edge, Internet Explorer or Word. The first text/html part (or the one the
// root's "start" parameter names) is the page; its Content-Location is its URL. Resources are ignored.
import { ImportRefusal } from '../refusal';
import { extractHtml } from './html';
import { decodeHtmlBytes } from './html-decode';
import type { FormatExtractor } from './types';

export interface MimePart {
  headers: Map<string, string>;
  /** The body as a binary string (one character per byte), before its transfer encoding is undone. */
  body: string;
}

interface ContentType {
  type: string;
  params: Map<string, string>;
}

/** multipart inside multipart inside…: real archives nest two levels at most. */
const MAX_NESTING = 4;
const malformed = (why: string) => new ImportRefusal(`not a valid MHTML archive (${why})`);

/** Header block → lower-case name → unfolded value (the first occurrence of each name). */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (/^[!-9;-~]+$/.test(name) && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits headers from body at the first blank line; null when there is no header block at all. */
function splitEntity(raw: string): MimePart | null {
  const m = raw.match(/\r?\n\r?\n/);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index! + m[0].length) : '';
  const headers = parseHeaders(head);
  return headers.size > 0 ? { headers, body } : null;
}

export function parseContentType(value: string | undefined): ContentType {
  const [type = '', ...rest] = (value ?? '').split(';');
  const params = new Map<string, string>();
  // Parameters: name=token or name="quoted string"; a semicolon inside quotes does not split.
  const re = /([\w.*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (const m of rest.join(';').matchAll(re))
    params.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
  return { type: type.trim().toLowerCase(), params };
}

/** The parts between "--boundary" delimiter lines (preamble and epilogue dropped). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`);
  while (pos >= 0) {
    const at = body[pos] === '\n' ? pos + 1 : pos;
    if (start >= 0) parts.push(body.slice(start, at).replace(/\r?\n$/, ''));
    const after = at + delimiter.length;
    if (body.startsWith('--', after)) return parts;
    const eol = body.indexOf('\n', after);
    if (eol < 0) return parts;
    start = eol + 1;
    pos = body.indexOf(`\n${delimiter}`, start - 1);
  }
  // No closing delimiter (a truncated file): keep what was there.
  if (start >= 0 && start < body.length) parts.push(body.slice(start));
  return parts;
}

/** Undoes the Content-Transfer-Encoding; returns the part's bytes. */
export function decodeTransfer(body: string, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    // Whitespace ending a hard line was added in transport (RFC 2045 §6.7); "=" ending a line is a soft break.
    const text = body
      .replace(/[ \t]+(?=\r?\n)/g, '')
      .replace(/=[ \t]*\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** Depth-first list of the leaf parts of a MIME entity. */
function leaves(entity: MimePart, depth: number): MimePart[] {
  const ct = parseContentType(entity.headers.get('content-type'));
  if (!ct.type.startsWith('multipart/')) return [entity];
  if (depth >= MAX_NESTING) return [];
  const boundary = ct.params.get('boundary');
  if (!boundary) throw malformed('multipart without a boundary');
  const out: MimePart[] = [];
  for (const raw of splitMultipart(entity.body, boundary)) {
    const part = splitEntity(raw);
    if (part) out.push(...leaves(part, depth + 1));
  }
  return out;
}

export interface MhtmlPage {
  /** The decoded HTML source of the page. */
  html: string;
  /** Content-Location of the page part, or the archive's Snapshot-Content-Location. */
  url: string | null;
}

/** The page inside an MHTML archive. Throws ImportRefusal when the bytes are not one. */
export function parseMhtml(bytes: Uint8Array): MhtmlPage {
  if (bytes.length === 0) throw new ImportRefusal('empty file');
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const root = splitEntity(raw);
  if (!root || !root.headers.has('content-type')) throw malformed('no MIME headers');
  const rootType = parseContentType(root.headers.get('content-type'));
  const parts = leaves(root, 0);
  if (parts.length === 0) throw malformed('no parts');
  const start = rootType.params.get('start');
  const isHtml = (p: MimePart) => parseContentType(p.headers.get('content-type')).type === 'text/html';
  const page =
    (start && parts.find((p) => p.headers.get('content-id') === start && isHtml(p))) || parts.find(isHtml);
  if (!page) throw malformed('no HTML part');
  const ct = parseContentType(page.headers.get('content-type'));
  const pageBytes = decodeTransfer(page.body, page.headers.get('content-transfer-encoding'));
  const { text } = decodeHtmlBytes(pageBytes, ct.params.get('charset'));
  const location =
    page.headers.get('content-location') ?? root.headers.get('snapshot-content-location') ?? null;
  return { html: text, url: location && /^https?:\/\//i.test(location) ? location : null };
}

export const mhtmlFormat: FormatExtractor = {
  extensions: ['.mhtml', '.mht'],
  name: 'web archive',
  extract: (label, bytes) => {
    const { html, url } = parseMhtml(bytes);
    return [{ label, bytes, article: extractHtml(html, { url: url ?? undefined }) }];
  },
};
