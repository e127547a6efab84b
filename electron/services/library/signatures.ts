// The near-duplicate signatures of the stored articles (MinHash: ../near-duplicates.ts), kept in
// near-duplicates.json beside the index rather than in articles.json: they are 344 characters per article,
// which would more than double the index that every import and delete rewrites and that articles.list
// sends to the renderer, and only an import needs them. The file is derived data: it is loaded at the first
// import after opening, signatures missing from it (a library from before it existed, a crash between the
// index write and this one) are computed from the stored texts, and a file that cannot be read is rebuilt
// the same way.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs-atomic';
import {
  NEAR_DUPLICATE_THRESHOLD,
  NearDuplicateIndex,
  SIGNATURE_SCHEME,
  comparableText,
  decodeSignature,
  encodeSignature,
  signatureOf,
  type NearMatch,
  type Signature,
} from '../near-duplicates';
import type { StoredText } from './store';

export const SIGNATURES_FILE = 'near-duplicates.json';

interface SignaturesFile {
  scheme: string;
  /** Article id → base64 signature; "" for an article too short to compare. */
  signatures: Record<string, string>;
}

export interface SignaturesDeps {
  dir: string;
  /** The ids of the stored articles, in import order. */
  ids(): string[];
  /** The stored text of one article, from disk. */
  readText(id: string): Promise<StoredText>;
}

/** The library's signatures: the LSH index, and what near-duplicates.json holds. */
export function createSignatures({ dir, ids, readText }: SignaturesDeps) {
  const path = join(dir, SIGNATURES_FILE);
  const index = new NearDuplicateIndex();
  const stored = new Map<string, string>();
  let loading: Promise<void> | null = null;

  async function load(): Promise<void> {
    let file: Partial<SignaturesFile> = {};
    try {
      file = JSON.parse(await readFile(path, 'utf8')) as Partial<SignaturesFile>;
    } catch {
      // Missing or unreadable: every signature is recomputed below.
    }
    const saved =
      file.scheme === SIGNATURE_SCHEME && file.signatures && typeof file.signatures === 'object'
        ? file.signatures
        : {};
    const missing: string[] = [];
    // Index order is import order, so the earliest article of a story is indexed (and preferred) first.
    for (const id of ids()) {
      const s = Object.hasOwn(saved, id) ? saved[id] : undefined;
      const sig = s ? decodeSignature(s) : null;
      if (sig) {
        index.add(id, sig);
        stored.set(id, s!);
      } else if (s === '') stored.set(id, '');
      else missing.push(id);
    }
    if (missing.length === 0) return;
    const computed = new Map<string, Signature | null>();
    for (let i = 0; i < missing.length; i += 32) {
      await Promise.all(
        missing.slice(i, i + 32).map(async (id) => {
          try {
            computed.set(id, signatureOf(comparableText(await readText(id))));
          } catch {
            // An article whose text cannot be read is simply not compared.
          }
        }),
      );
    }
    for (const id of missing) {
      if (!computed.has(id)) continue;
      const sig = computed.get(id)!;
      if (sig) index.add(id, sig);
      stored.set(id, sig ? encodeSignature(sig) : '');
    }
    await save();
  }

  async function save(): Promise<void> {
    const live = new Set(ids());
    const signatures: Record<string, string> = {};
    for (const [id, s] of stored) if (live.has(id)) signatures[id] = s;
    try {
      await writeFileAtomic(
        path,
        JSON.stringify({ scheme: SIGNATURE_SCHEME, signatures } satisfies SignaturesFile),
      );
    } catch {
      // Derived data: what is missing is recomputed at the next open.
    }
  }

  return {
    /** Load (or rebuild) the signatures once; every import batch waits for it. */
    ready(): Promise<void> {
      loading ??= load().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return loading;
    },
    /** The stored article closest to `sig` at the near-duplicate threshold, among those `live` accepts. */
    bestMatch(sig: Signature, live: (id: string) => boolean): NearMatch | null {
      return index.bestMatch(sig, NEAR_DUPLICATE_THRESHOLD, live);
    },
    /** Record the signatures of a batch that is now in the index, and save them. */
    async commit(added: ReadonlyArray<{ id: string; sig: Signature | null }>): Promise<void> {
      for (const { id, sig } of added) {
        if (sig) index.add(id, sig);
        stored.set(id, sig ? encodeSignature(sig) : '');
      }
      if (added.length) await save();
    },
  };
}

export type Signatures = ReturnType<typeof createSignatures>;
