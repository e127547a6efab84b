// Bytes → normalised text. Order matters: known binary signatures first (so the reason names the type),
// then byte-order marks, then strict UTF-8, and only then statistical detection, whose every candidate is
// decoded and checked for plausibility, because jschardet alone often mistakes short Western European text
// for Cyrillic or an old DOS code page.
import iconv from 'iconv-lite';
import { detectAll } from 'jschardet';
import { knownBinaryType, looksBinary, utf16WithoutBom } from './binary';
import { isKnownStopword } from './language';
import { ImportRefusal } from './refusal';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "utf-8", "windows-1252". */
  encoding: string;
}

const UNDECODABLE = 'not valid text in any supported encoding';
/** Candidates are judged on a prefix: a plausibility check does not need the whole of a 20 MB file. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of suspicious characters above which a decoding is rejected as garbage. */
const MAX_PENALTY = 0.08;

/** Maps jschardet's names (lower case, without separators) to iconv-lite's; anything else is not tried. */
function iconvName(detected: string): string | null {
  const k = detected.toLowerCase().replace(/[-_ ]/g, '');
  const windows = k.match(/^(?:windows|cp)(125[0-8])$/);
  const iso = k.match(/^iso8859(\d{1,2})$/);
  const fixed: Record<string, string> = {
    koi8r: 'koi8-r', koi8u: 'koi8-u', maccyrillic: 'maccyrillic', macroman: 'macroman', ibm866: 'cp866', cp866: 'cp866',
    shiftjis: 'cp932', cp932: 'cp932', shiftjis2004: 'cp932', eucjp: 'euc-jp', eucjis2004: 'euc-jp',
    gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', big5: 'big5hkscs', big5hkscs: 'big5hkscs',
    euckr: 'cp949', cp949: 'cp949', tis620: 'cp874', cp874: 'cp874',
  };
  const name = windows ? `windows-${windows[1]}` : iso ? `iso-8859-${iso[1]}` : fixed[k];
  return name && iconv.encodingExists(name) ? name : null;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** Script of a letter; null for characters shared by scripts (marks, "ー", digits), which never mix. */
function scriptOf(ch: string): string | null {
  if (!/\p{L}/u.test(ch) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'other';
}

/**
 * How implausible a decoding looks, as a share of the non-space characters: replacement characters and
 * controls weigh triple, unusual symbols single, and every letter of a word mixing scripts ("cittа" with a
 * Cyrillic а is what a wrong code page produces) single. Also counts stopwords containing non-ASCII letters
 * ("è", "più", "für", "и"), the best evidence between code pages that both yield letters.
 */
export function judgeDecoding(text: string): { penalty: number; nonAsciiStopwords: number } {
  const nonSpace = text.replace(/\s+/gu, '').length || 1;
  const bad = (text.match(/[\uFFFD\p{Co}\p{Cn}\p{Cs}]|(?![\t\n\r\f\v])\p{Cc}/gu) ?? []).length;
  const symbols = (text.match(/(?![+=<>|~^`$€£¥©®°×÷§])\p{S}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  let mixed = 0;
  let nonAsciiStopwords = 0;
  for (const word of text.match(/[^\s\p{P}\p{S}\p{N}]+/gu) ?? []) {
    if (/^\p{ASCII}*$/u.test(word)) continue;
    const scripts = new Set(Array.from(word, scriptOf).filter((x) => x !== null));
    if (scripts.size > 1) mixed += word.length;
    else if (isKnownStopword(word.toLowerCase())) nonAsciiStopwords++;
  }
  // Prose is mostly letters; garbage from a wrong code page is heavy on symbols and punctuation.
  const letterShortfall = Math.max(0, 0.5 - letters / nonSpace);
  return { penalty: (bad * 3 + symbols + mixed) / nonSpace + letterShortfall, nonAsciiStopwords };
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

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

function fromBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c, d] = bytes;
  const must = (text: string | null, encoding: string): DecodedText => {
    if (text === null) throw new ImportRefusal(`${UNDECODABLE} (invalid ${encoding} after its byte-order mark)`);
    return { text, encoding };
  };
  if (a === 0xef && b === 0xbb && c === 0xbf) return must(strictDecode(bytes.subarray(3), 'utf-8'), 'utf-8');
  // UTF-32 LE's mark begins like UTF-16 LE's, so it is tested first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { text: decodeUtf32(bytes.subarray(4), true), encoding: 'utf-32le' };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { text: decodeUtf32(bytes.subarray(4), false), encoding: 'utf-32be' };
  if (a === 0xff && b === 0xfe) return must(strictDecode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (a === 0xfe && b === 0xff) return must(strictDecode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  return null;
}

/** Encodings with more than one byte per character; their decoders reject malformed input themselves. */
const MULTI_BYTE = new Set(['cp932', 'euc-jp', 'gb18030', 'big5hkscs', 'cp949']);
/** Detector confidence that is evidence on its own (real Greek, Hebrew, Arabic or Thai text scores 0.3–0.6). */
const CONFIDENT = 0.25;

/**
 * A single-byte code page turns any bytes into letters, so its output also needs positive evidence: mostly
 * ASCII letters (the code page then only decides a few accents), recognised function words, or a confident
 * detector. Random high bytes have none of these.
 */
function hasEvidence(name: string, text: string, confidence: number, nonAsciiStopwords: number): boolean {
  if (MULTI_BYTE.has(name) || confidence >= CONFIDENT || nonAsciiStopwords > 0) return true;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const asciiLetters = text.match(/[A-Za-z]/g)?.length ?? 0;
  return letters > 0 && asciiLetters / letters >= 0.5;
}

/** Picks the most plausible legacy encoding among jschardet's guesses (plus windows-1252), or refuses. */
function fromDetection(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = new Map<string, number>();
  for (const r of detectAll(sample, { minimumThreshold: 0 })) {
    const name = r.encoding ? iconvName(r.encoding) : null;
    if (name && !candidates.has(name)) candidates.set(name, r.confidence);
    if (candidates.size >= 8) break;
  }
  if (!candidates.has('windows-1252')) candidates.set('windows-1252', 0);
  let best: { name: string; rank: number; text: string } | null = null;
  for (const [name, confidence] of candidates) {
    const text = decodeWith(sample, name);
    const { penalty, nonAsciiStopwords } = judgeDecoding(text);
    if (penalty > MAX_PENALTY || !hasEvidence(name, text, confidence, nonAsciiStopwords)) continue;
    // A few recognised words outweigh a little noise; ties keep the detector's order.
    const rank = penalty - 0.01 * Math.min(nonAsciiStopwords, 5);
    if (!best || rank < best.rank) best = { name, rank, text };
    // Code pages that agree on every byte present (é is 0xE9 in a dozen of them): name the common one.
    else if (name === 'windows-1252' && text === best.text) best = { name, rank, text };
  }
  if (!best) throw new ImportRefusal(UNDECODABLE);
  return { text: decodeWith(bytes, best.name), encoding: best.name };
}

/** NFC, "\n" line ends, no byte-order mark, no stray control characters (form feeds become line breaks). */
export function normalizeText(text: string): string {
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
  let decoded = fromBom(bytes);
  if (!decoded) {
    const utf16 = utf16WithoutBom(bytes);
    const text = utf16 ? strictDecode(bytes, utf16) : null;
    if (utf16 && text !== null && judgeDecoding(text.slice(0, SAMPLE_BYTES)).penalty <= MAX_PENALTY) decoded = { text, encoding: utf16 };
  }
  if (!decoded) {
    if (looksBinary(bytes)) throw new ImportRefusal('not a text file (binary data)');
    const utf8 = strictDecode(bytes, 'utf-8');
    decoded = utf8 !== null ? { text: utf8, encoding: 'utf-8' } : fromDetection(bytes);
  }
  const text = normalizeText(decoded.text);
  if (!/\S/u.test(text)) throw new ImportRefusal('empty file (whitespace only)');
  return { text, encoding: decoded.encoding };
}
