// Bytes → normalised text. Order matters: known binary signatures first (so the reason names the type),
// then byte-order marks, then UTF-16/32 without one, then ISO-2022 (7-bit, so before anything that accepts
// ASCII), then strict UTF-8, and only then statistical detection
// (encoding-detect.ts), whose every candidate is decoded and judged for plausibility. The decoded text then
// has mis-decodings made before it reached us repaired (mojibake.ts) and is normalised.
import { detectAll } from 'jschardet';
import { knownBinaryType, looksBinary, utf16WithoutBom } from './binary-signatures';
import { detectLegacy, MAX_PENALTY, SAMPLE_BYTES } from './detect';
import { decodeIso2022, iso2022Kind } from './iso2022';
import { judgeDecoding } from './judge';
import { repairMojibake } from './mojibake';
import { ImportRefusal } from '../refusal';

export { judgeDecoding } from './judge';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "utf-8", "windows-1252", "utf-16le". */
  encoding: string;
  /**
   * 0–1. Byte-order marks and valid UTF-8 are (near) certain; for a legacy encoding it is how clearly the
   * chosen decoding beat the other plausible ones (0.5 means a coin toss between two readings).
   */
  confidence: number;
  /** True when mis-decoded text ("Ã¨" for "è") inside the file was repaired. */
  repaired: boolean;
}

type Decoded = Omit<DecodedText, 'repaired'>;

const UNDECODABLE = 'not valid text in any supported encoding';
/** Valid UTF-8 with non-ASCII characters is almost never anything else; ASCII is valid everything. */
const UTF8_CONFIDENCE = 0.99;

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new ImportRefusal(UNDECODABLE);
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4 !== 0) throw new ImportRefusal(UNDECODABLE);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function strictDecode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function fromBom(bytes: Uint8Array): Decoded | null {
  const [a, b, c, d] = bytes;
  const must = (text: string | null, encoding: string): Decoded => {
    if (text === null)
      throw new ImportRefusal(`${UNDECODABLE} (invalid ${encoding} after its byte-order mark)`);
    return { text, encoding, confidence: 1 };
  };
  if (a === 0xef && b === 0xbb && c === 0xbf) return must(strictDecode(bytes.subarray(3), 'utf-8'), 'utf-8');
  // UTF-32 LE's mark begins like UTF-16 LE's, so it is tested first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0)
    return { text: decodeUtf32(bytes.subarray(4), true), encoding: 'utf-32le', confidence: 1 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    return { text: decodeUtf32(bytes.subarray(4), false), encoding: 'utf-32be', confidence: 1 };
  if (a === 0xff && b === 0xfe) return must(strictDecode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (a === 0xfe && b === 0xff) return must(strictDecode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  return null;
}

/**
 * Plausible text, or null: the check that a reading without a byte-order mark is not garbage. Letters, if
 * any, must mostly fit one alphabet: six odd bytes read as UTF-16 are valid but rare CJK ideographs.
 */
function plausible(text: string | null): string | null {
  if (text === null) return null;
  const j = judgeDecoding(text.slice(0, SAMPLE_BYTES));
  return j.penalty <= MAX_PENALTY && (j.letters === 0 || j.fit >= 0.5) ? text : null;
}

/**
 * UTF-16 or UTF-32 without a byte-order mark. Mostly-ASCII text shows as NULs in every other byte
 * (binary.ts); CJK text in UTF-16 has few NULs, so when NULs are present at all the detector is asked too.
 */
function fromUnmarkedUtf16or32(bytes: Uint8Array): Decoded | null {
  const utf16 = utf16WithoutBom(bytes);
  const text = utf16 ? plausible(strictDecode(bytes, utf16)) : null;
  if (utf16 && text !== null) return { text, encoding: utf16, confidence: 0.9 };
  if (!bytes.subarray(0, SAMPLE_BYTES).includes(0)) return null;
  const top = detectAll(bytes.subarray(0, SAMPLE_BYTES))[0];
  const m = top?.encoding?.toLowerCase().match(/^utf-(16|32)-(le|be)$/);
  if (!top || !m || top.confidence < 0.5) return null;
  const encoding = `utf-${m[1]}${m[2]}` as 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
  let decoded: string | null;
  try {
    decoded =
      m[1] === '32'
        ? decodeUtf32(bytes, m[2] === 'le')
        : strictDecode(bytes, encoding as 'utf-16le' | 'utf-16be');
  } catch {
    decoded = null;
  }
  const checked = plausible(decoded);
  return checked === null ? null : { text: checked, encoding, confidence: Math.min(0.95, top.confidence) };
}

/**
 * Mojibake repaired, then NFC, "\n" line ends, no byte-order mark, no stray control characters (form feeds
 * become line breaks). Repair comes first: it turns C1 controls from a windows-1252 file read as Latin-1
 * ("\x93") into the punctuation they stand for, where the control-character cleanup would delete them.
 */
export function normalizeText(text: string): string {
  return normalizeOnly(repairMojibake(text).text);
}

function normalizeOnly(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .normalize('NFC');
}

/** Throws ImportRefusal for empty, binary or undecodable input. Size is checked by the caller. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportRefusal('empty file');
  const type = knownBinaryType(bytes);
  if (type) throw new ImportRefusal(`not a text file (${type})`);
  let decoded = fromBom(bytes) ?? fromUnmarkedUtf16or32(bytes);
  if (!decoded) {
    // ISO-2022 is 7-bit, so it must be recognised before it passes for ASCII, and its shift controls (SO, SI)
    // before they pass for binary data.
    const kind = iso2022Kind(bytes);
    const iso = kind ? plausible(decodeIso2022(bytes, kind)) : null;
    if (kind && iso !== null) decoded = { text: iso, encoding: kind, confidence: 0.95 };
  }
  if (!decoded) {
    if (looksBinary(bytes)) throw new ImportRefusal('not a text file (binary data)');
    const utf8 = strictDecode(bytes, 'utf-8');
    decoded =
      utf8 !== null
        ? { text: utf8, encoding: 'utf-8', confidence: /[^\p{ASCII}]/u.test(utf8) ? UTF8_CONFIDENCE : 1 }
        : detectLegacy(bytes);
  }
  if (!decoded) throw new ImportRefusal(UNDECODABLE);
  const repair = repairMojibake(decoded.text);
  const text = normalizeOnly(repair.text);
  if (!/\S/u.test(text)) throw new ImportRefusal('empty file (whitespace only)');
  return { text, encoding: decoded.encoding, confidence: decoded.confidence, repaired: repair.repaired };
}
