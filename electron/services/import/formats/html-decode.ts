// Bytes of a saved web page → text. A byte-order mark wins, then the charset the transport declared (an
// MHTML part's Content-Type), then the page's own <meta charset> / http-equiv / XML declaration, and only
// then decodeText's statistical detection. Two common lies are caught: a page declaring UTF-8 whose bytes are
// not UTF-8 goes to detection, and a page declaring a legacy code page whose bytes are valid, non-ASCII UTF-8
// (a page re-saved by a browser or an editor without fixing its meta tag) is read as UTF-8.
import iconv from 'iconv-lite';
import { knownBinaryType, looksBinary, utf16WithoutBom } from '../encoding/binary-signatures';
import { decodeText, normalizeText } from '../encoding/decode';
import { ImportRefusal } from '../refusal';

/** Where browsers look for a <meta charset>: the spec says 1024 bytes; real pages put long comments first. */
const PRESCAN_BYTES = 8 * 1024;

/** WHATWG Encoding labels that iconv-lite does not spell the same way, and the spec's deliberate remaps. */
const LABELS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  // A <meta> cannot truthfully declare UTF-16 (the prescan read it as ASCII), so the spec reads it as UTF-8.
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
  unicode: 'utf-8',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  l1: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp819: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  shift_jis: 'cp932',
  sjis: 'cp932',
  'x-sjis': 'cp932',
  ms_kanji: 'cp932',
  'windows-31j': 'cp932',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  big5: 'big5hkscs',
  'big5-hkscs': 'big5hkscs',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'windows-949': 'cp949',
};

/** iconv-lite name for a charset label, or null when it is unknown (the label is then ignored). */
export function charsetFromLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const k = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!k) return null;
  const mapped = LABELS[k] ?? k;
  return iconv.encodingExists(mapped) ? mapped : null;
}

/** The charset a page declares in its first kilobytes (<meta charset>, http-equiv Content-Type, <?xml encoding>). */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one character, so offsets and ASCII markup survive whatever the real encoding.
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES),
  ).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (direct && !/\bcontent\s*=/i.test(tag.slice(0, direct.index))) {
      const cs = charsetFromLabel(direct[1]);
      if (cs) return cs;
    }
    if (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const inContent = tag.match(/\bcontent\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/i);
      const cs = charsetFromLabel(inContent?.[1]);
      if (cs) return cs;
    }
  }
  return xml ? charsetFromLabel(xml[1]) : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

export interface DecodedPage {
  text: string;
  /** The encoding the bytes were read as ("utf-8", "windows-1252"). */
  encoding: string;
}

/**
 * Decodes a web page. `transportCharset` is what a container said about the bytes (it outranks the page's own
 * declaration, as an HTTP header does). Throws ImportRefusal for empty, binary or undecodable input.
 */
export function decodeHtmlBytes(bytes: Uint8Array, transportCharset?: string | null): DecodedPage {
  if (bytes.length === 0) throw new ImportRefusal('empty file');
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Byte-order marks and BOM-less UTF-16 are decodeText's business; so is every undeclared page.
  if (bom || utf16WithoutBom(bytes)) return decodeText(bytes);
  const declared = charsetFromLabel(transportCharset) ?? sniffDeclaredCharset(bytes);
  if (!declared) return decodeText(bytes);
  const type = knownBinaryType(bytes);
  if (type) throw new ImportRefusal(`not a text file (${type})`);
  if (looksBinary(bytes)) throw new ImportRefusal('not a text file (binary data)');
  let decoded: DecodedPage;
  const utf8 = strictUtf8(bytes);
  if (declared === 'utf-8') {
    // Declared UTF-8 but not UTF-8: the declaration is wrong, so detection decides.
    if (utf8 === null) return decodeText(bytes);
    decoded = { text: utf8, encoding: 'utf-8' };
  } else if (utf8 !== null && hasNonAscii(bytes)) {
    decoded = { text: utf8, encoding: 'utf-8' };
  } else {
    decoded = {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared),
      encoding: declared,
    };
  }
  const text = normalizeText(decoded.text);
  if (!/\S/u.test(text)) throw new ImportRefusal('empty file (whitespace only)');
  return { text, encoding: decoded.encoding };
}
