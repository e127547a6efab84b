// Near-duplicate detection for syndicated and re-scraped articles: the same wire story on several sites, or
// the same page scraped twice with a different footer. Pure: no I/O.
//
// - Text → words: NFKC, lower case, anything but letters and digits is a separator (punctuation and quote
//   styles differ between sites; casing differs between headline styles).
// - Words → 5-word shingles, each hashed to 32 bits (a set: repeated phrases count once).
// - Shingles → MinHash: for each of 128 bijective 32-bit mixers, the minimum over the shingles. Two
//   signatures agree at a position with probability = the Jaccard similarity of the two shingle sets. Only
//   the low 16 bits of each minimum are kept (b-bit MinHash): two different minima then agree by chance
//   with probability 2^-16, which is negligible, and the signature is 256 bytes (344 base64 characters).
// - LSH: the signature is cut into 32 bands of 4 values; articles sharing any band are candidates
//   (probability 1 − (1 − J⁴)³² of becoming one: 0.87 at J = 0.5, 0.99 at J = 0.6, ≈1 from J = 0.7),
//   and a candidate is confirmed when the estimated Jaccard of the full signatures reaches the threshold.
//
// The threshold (0.5) was chosen with tests/unit/services/near-duplicates.test.ts. On a 310-word wire story the
// variants score (exact Jaccard / MinHash estimate): another footer 0.94/0.96, another outlet's footer and
// related links 0.84/0.81, a dateline header 0.99/0.98, light edits to every 25th word 0.67/0.68, the last
// paragraph dropped plus a footer 0.78/0.76, header + footer + edits 0.75/0.74; a 75-word story under two
// different agency footers 0.80/0.81. A different story on the same topic by the same agency (same people,
// institutions, stock phrases and one shared quote) scores 0.07/0.10, 0.13 with the same footer, and a
// follow-up quoting two paragraphs of the original 0.14/0.20. 0.5 sits in the middle of that gap, with room
// for the estimate's error (standard error ≤ 0.044 at 128 hashes).

export const SHINGLE_WORDS = 5;
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity of the shingle sets at and above which two articles are near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
/** Texts with fewer shingles than this are too short to compare meaningfully (a caption, a headline). */
export const MIN_SHINGLES = 12;
/** Names the parameters; a stored signature with another scheme is recomputed, never compared. */
export const SIGNATURE_SCHEME = `minhash-w${SHINGLE_WORDS}-k${NUM_HASHES}-b16`;

/** A MinHash signature: NUM_HASHES 16-bit values. */
export type Signature = Uint16Array;

/** Words of a text, normalised for comparison. */
export function normalizedWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** murmur3's 32-bit finaliser: a bijection of 32-bit integers with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units, finalised. */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** The distinct 32-bit hashes of the text's SHINGLE_WORDS-word shingles (one shingle for a shorter text). */
export function shingleHashes(text: string): Uint32Array {
  const words = normalizedWords(text).map(hashWord);
  if (words.length === 0) return new Uint32Array(0);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) {
    let h = SHINGLE_WORDS;
    for (let j = i; j < Math.min(words.length, i + SHINGLE_WORDS); j++) {
      h = Math.imul(h ^ words[j]!, 0x9e3779b1);
      h = (h << 13) | (h >>> 19);
    }
    out.add(fmix32(h));
  }
  return Uint32Array.from(out);
}

/** Seeds of the NUM_HASHES mixers: a fixed sequence (signatures are stored, so they must never change). */
const SEEDS = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let s = 0x2545f491;
  for (let i = 0; i < NUM_HASHES; i++) {
    s = fmix32((s + 0x9e3779b9) >>> 0);
    seeds[i] = s;
  }
  return seeds;
})();

/** MinHash signature of a set of shingle hashes; null for a set too small to compare. */
export function minhash(shingles: Uint32Array): Signature | null {
  if (shingles.length < MIN_SHINGLES) return null;
  const mins = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let k = 0; k < shingles.length; k++) {
    const x = shingles[k]!;
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = fmix32((x ^ SEEDS[i]!) >>> 0);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  const sig = new Uint16Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) sig[i] = mins[i]! & 0xffff;
  return sig;
}

/** The body of an article as compared: lead and paragraphs (the title differs between outlets). */
export function comparableText(article: { lead: string; paragraphs: readonly string[] }): string {
  return [article.lead, ...article.paragraphs].join('\n');
}

export const signatureOf = (text: string): Signature | null => minhash(shingleHashes(text));

/** Share of positions where the signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** Exact Jaccard similarity of two shingle sets (for tests and calibration). */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of new Set(b)) if (sa.has(x)) inter++;
  const union = sa.size + new Set(b).size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Little-endian base64 of the signature, as stored. */
export function encodeSignature(sig: Signature): string {
  const bytes = new Uint8Array(NUM_HASHES * 2);
  for (let i = 0; i < NUM_HASHES; i++) {
    bytes[2 * i] = sig[i]! & 0xff;
    bytes[2 * i + 1] = sig[i]! >>> 8;
  }
  return Buffer.from(bytes).toString('base64');
}

/** The stored form back to a signature; null when it is not one. */
export function decodeSignature(s: string): Signature | null {
  if (typeof s !== 'string' || s.length !== Math.ceil((NUM_HASHES * 2) / 3) * 4) return null;
  const bytes = Buffer.from(s, 'base64');
  if (bytes.byteLength !== NUM_HASHES * 2) return null;
  const sig = new Uint16Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) sig[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return sig;
}

/** Band keys: one 32-bit hash of each band's ROWS values, salted with the band number. */
function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS; r++) h = fmix32((h ^ sig[b * ROWS + r]!) >>> 0) + r;
    keys.push(fmix32(h >>> 0));
  }
  return keys;
}

export interface NearMatch {
  id: string;
  jaccard: number;
}

/** An in-memory LSH index of signatures by id. */
export class NearDuplicateIndex {
  readonly #sigs = new Map<string, Signature>();
  /** Insertion order, so that among equally similar matches the earliest indexed one wins. */
  readonly #order = new Map<string, number>();
  #seq = 0;
  readonly #bands: Array<Map<number, string[]>> = Array.from({ length: BANDS }, () => new Map());

  get size(): number {
    return this.#sigs.size;
  }

  has(id: string): boolean {
    return this.#sigs.has(id);
  }

  get(id: string): Signature | undefined {
    return this.#sigs.get(id);
  }

  entries(): IterableIterator<[string, Signature]> {
    return this.#sigs.entries();
  }

  add(id: string, sig: Signature): void {
    if (this.#sigs.has(id)) this.remove(id);
    this.#sigs.set(id, sig);
    this.#order.set(id, this.#seq++);
    bandKeys(sig).forEach((key, b) => {
      const bucket = this.#bands[b]!.get(key);
      if (bucket) bucket.push(id);
      else this.#bands[b]!.set(key, [id]);
    });
  }

  remove(id: string): void {
    const sig = this.#sigs.get(id);
    if (!sig) return;
    this.#sigs.delete(id);
    this.#order.delete(id);
    bandKeys(sig).forEach((key, b) => {
      const bucket = this.#bands[b]!.get(key);
      if (!bucket) return;
      const rest = bucket.filter((x) => x !== id);
      if (rest.length) this.#bands[b]!.set(key, rest);
      else this.#bands[b]!.delete(key);
    });
  }

  /** Ids sharing at least one band with the signature. */
  candidates(sig: Signature): Set<string> {
    const out = new Set<string>();
    bandKeys(sig).forEach((key, b) => {
      for (const id of this.#bands[b]!.get(key) ?? []) out.add(id);
    });
    return out;
  }

  /**
   * The most similar indexed article at or above the threshold (ties: the one indexed first), or null.
   * `accept` can rule out ids (an article deleted since it was indexed).
   */
  bestMatch(
    sig: Signature,
    threshold = NEAR_DUPLICATE_THRESHOLD,
    accept: (id: string) => boolean = () => true,
  ): NearMatch | null {
    let best: NearMatch | null = null;
    for (const id of this.candidates(sig)) {
      if (!accept(id)) continue;
      const jaccard = estimateJaccard(sig, this.#sigs.get(id)!);
      if (jaccard < threshold) continue;
      if (
        !best ||
        jaccard > best.jaccard ||
        (jaccard === best.jaccard && this.#order.get(id)! < this.#order.get(best.id)!)
      )
        best = { id, jaccard };
    }
    return best;
  }
}
