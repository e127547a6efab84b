// Statistical detection for bytes that are neither marked (BOM) nor valid UTF-8. jschardet 4 (a port of
// chardet 7) proposes candidates with confidences; every candidate is decoded and judged, because the
// detector alone mistakes sibling code pages for each other (ISO-8859-13 for ISO-8859-15 in Estonian, Greek
// for Hebrew at a few hundred bytes) and its CJK gate drops short or repetitive Chinese and Japanese files.
import iconv from 'iconv-lite';
import { detectAll } from 'jschardet';
import { iconvName } from './charset-names';
import { judgeDecoding, type Judgement } from './judge';

export interface Detection {
  text: string;
  encoding: string;
  /** 0–1: how clearly the winner beat the other plausible decodings (1 when none was plausible). */
  confidence: number;
}

/** Candidates are judged on a prefix: a plausibility check does not need the whole of a 20 MB file. */
export const SAMPLE_BYTES = 64 * 1024;
/** Share of suspicious characters above which a decoding is rejected as garbage. */
export const MAX_PENALTY = 0.08;
/** Encodings with more than one byte per character; their decoders reject malformed input themselves. */
const MULTI_BYTE = new Set(['cp932', 'euc-jp', 'gb18030', 'big5hkscs', 'cp949']);
/**
 * Always tried, whatever the detector says: windows-1252 because it is the commonest legacy encoding of
 * all, the CJK encodings because the detector's structural gate drops them for short or repetitive text
 * (a line of "呵呵哒" repeated) although their decoders are strict enough to rule themselves out.
 */
const ALWAYS = ['windows-1252', 'gb18030', 'cp932', 'euc-jp', 'big5hkscs', 'cp949'];
/** Detector confidence that is evidence on its own (real Greek, Hebrew, Arabic or Thai text scores 0.3–0.6). */
const CONFIDENT = 0.25;
/** How much a letter outside the best-fitting alphabet costs, in units of detector confidence. */
const FIT_WEIGHT = 1;
/** How much suspicious characters cost, in the same units. */
const PENALTY_WEIGHT = 2;
/**
 * What a strict multi-byte decoder accepting the bytes is worth when what it yields are everyday characters
 * of one CJK system: random bytes rarely form valid sequences, and almost never ones that land on the
 * common characters. Single-byte code pages turn the same bytes into plausible-looking Cyrillic or Thai
 * letters, so without this a repeated "日本語" can read as Russian.
 */
const MULTI_BYTE_BONUS = 0.3;
/** Cost of each character no real text contains (C1 controls, unassigned code points), up to five. */
const GARBAGE_WEIGHT = 0.1;
/** windows-1252 is the commonest legacy encoding by far: between readings that score alike, it wins. */
const CP1252_PRIOR = 0.02;
/** Sharpness of the softmax that turns score gaps into the reported confidence. */
const CONFIDENCE_SHARPNESS = 10;

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** The detector's candidates as iconv-lite names with their confidences, best first, plus ALWAYS. */
function candidates(sample: Uint8Array): Map<string, number> {
  const found = new Map<string, number>();
  const results = detectAll(sample, { minimumThreshold: 0 });
  const top = results[0]?.confidence ?? 0;
  for (const r of results) {
    const name = r.encoding ? iconvName(r.encoding) : null;
    // UTF-* cannot be right here (BOMs and valid UTF-8 were handled before); far weaker guesses only cost time.
    if (!name || name.startsWith('utf-') || found.has(name) || r.confidence < top / 3) continue;
    found.set(name, r.confidence);
    if (found.size >= 24) break;
  }
  // The detector knows windows-1258 but not VISCII, the other Vietnamese code page of the 1990s; VISCII
  // makes letters of every byte, so it is only tried when the detector already reads Vietnamese.
  if (results[0]?.language === 'vi') found.set('viscii', 0);
  for (const name of ALWAYS) if (!found.has(name)) found.set(name, 0);
  return found;
}

/**
 * A single-byte code page turns any bytes into letters, so its output also needs positive evidence: mostly
 * ASCII letters (the code page then only decides a few accents), recognised function words, letters that
 * one alphabet explains, or a confident detector. Random high bytes have none of these. A multi-byte decoding
 * needs its letters to be everyday characters of one CJK system.
 */
function hasEvidence(name: string, text: string, confidence: number, j: Judgement): boolean {
  if (MULTI_BYTE.has(name)) return j.letters === 0 || j.fit >= 0.5;
  if (confidence >= CONFIDENT || (j.letters >= 3 && j.fit >= 0.9)) return true;
  // Function words count only among letters of one alphabet: one-letter ones ("и", "в") turn up in noise.
  if (j.nonAsciiStopwords > 0 && j.fit >= 0.8) return true;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const asciiLetters = text.match(/[A-Za-z]/g)?.length ?? 0;
  return letters > 0 && asciiLetters / letters >= 0.5;
}

interface Scored {
  names: string[];
  text: string;
  score: number;
}

/** Picks the most plausible legacy encoding, or null when no candidate decodes to plausible text. */
export function detectLegacy(bytes: Uint8Array): Detection | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // Candidates that decode the sample identically are one reading; it keeps its best confidence.
  const readings = new Map<string, Scored>();
  for (const [name, confidence] of candidates(sample)) {
    const text = decodeWith(sample, name);
    const seen = readings.get(text);
    if (seen) {
      seen.names.push(name);
      continue;
    }
    const j = judgeDecoding(text);
    if (j.penalty > MAX_PENALTY || !hasEvidence(name, text, confidence, j)) continue;
    // A few recognised words outweigh a little noise; letters from a second alphabet cost the most.
    const misfit = j.letters > 0 ? 1 - j.fit : 0;
    const cjk = MULTI_BYTE.has(name)
      ? MULTI_BYTE_BONUS * Math.max(0, 2 * j.fit - 1) * Math.min(1, j.letters / 10)
      : 0;
    const prior = name === 'windows-1252' ? CP1252_PRIOR : 0;
    const costs = FIT_WEIGHT * misfit + PENALTY_WEIGHT * j.penalty + GARBAGE_WEIGHT * Math.min(j.garbage, 5);
    const score = confidence + prior + cjk - costs + 0.02 * Math.min(j.nonAsciiStopwords, 5);
    readings.set(text, { names: [name], text, score });
  }
  const ranked = [...readings.values()].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return null;
  const weights = ranked.map((r) => Math.exp(CONFIDENCE_SHARPNESS * (r.score - best.score)));
  const confidence = Math.round((1 / weights.reduce((a, b) => a + b, 0)) * 100) / 100;
  // Code pages that agree on every byte present (é is 0xE9 in a dozen of them): name the common one.
  const encoding = best.names.includes('windows-1252') ? 'windows-1252' : best.names[0]!;
  return { text: decodeWith(bytes, encoding), encoding, confidence };
}
