// Damaged page trees on which pdf.js used to leave a rejected promise nobody handled (its page-tree walk
// prefetches every top-level kid and awaits only those it walks past; see pdf.ts). The file must get its
// answer like any other, and no "Unhandled Rejection" may follow: it failed `npm test` at random (fuzz.test.ts
// draws new damage each run) and kills the extraction worker thread or the CLI. Each file is the fixture with
// a few bytes XOR-ed, the "flip" damage of fuzz.test.ts.
import { extract, fixture, HOSTILE_TIMEOUT, outcomes } from './helpers';

const NAME = 'articolo-libreoffice.pdf';
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

function flipped(flips: Array<[number, number]>): Uint8Array {
  const out = fixture(NAME);
  for (const [at, mask] of flips) out[at]! ^= mask;
  return out;
}

/** What extracting `bytes` answers, and every rejection reported unhandled meanwhile or just after. */
async function extractWatched(
  bytes: Uint8Array,
): Promise<{ answer: Array<[string, string]>; unhandled: string[] }> {
  const unhandled: string[] = [];
  const listener = (reason: unknown) =>
    unhandled.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  process.on('unhandledRejection', listener);
  try {
    const answer = outcomes(await extract(NAME, bytes));
    // Node reports a rejection as unhandled only once the microtask queue has drained: let a few turns pass.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return { answer, unhandled };
  } finally {
    process.off('unhandledRejection', listener);
  }
}

// Offsets in the fixture: the top-level /Pages node says "/Count 2" at 25882; page 2 (object 4) is at 25458,
// its XRef entry "0000025458" at 26875; page 1 (object 1) says "/Contents 2 0 R" at 25432.
const COUNT_2_TO_1: [number, number] = [25889, 0x03];
const XREF_4_OFF_BY_ONE: [number, number] = [26884, 0x01];
const CONTENTS_2_TO_3: [number, number] = [25442, 0x01];

describe('PDF: damaged page trees leave no unhandled rejection behind', () => {
  it('the fixture still has the bytes these cases damage', () => {
    const bytes = fixture(NAME);
    expect(latin1(bytes.subarray(25882, 25890))).toBe('/Count 2');
    expect(latin1(bytes.subarray(26875, 26895))).toBe('0000025458 00000 n \n');
    expect(latin1(bytes.subarray(25458, 25465))).toBe('4 0 obj');
    expect(latin1(bytes.subarray(25432, 25447))).toBe('/Contents 2 0 R');
  });

  it(
    'refuses a file whose only counted page is empty and whose uncounted page 2 cannot be fetched',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      // /Count 1, so page 2 is never asked for, but pdf.js fetches it ahead while looking for page 1 and that
      // fetch fails ("Bad (uncompressed) XRef entry: 4R": its entry points one byte past "4 0 obj").
      const { answer, unhandled } = await extractWatched(
        flipped([COUNT_2_TO_1, XREF_4_OFF_BY_ONE, CONTENTS_2_TO_3]),
      );
      expect(answer).toEqual([[NAME, 'no text layer (scanned PDF?)']]);
      expect(unhandled).toEqual([]);
    },
  );

  it('reads page 1 of the same file when page 1 is intact', { timeout: HOSTILE_TIMEOUT }, async () => {
    const { answer, unhandled } = await extractWatched(flipped([COUNT_2_TO_1, XREF_4_OFF_BY_ONE]));
    expect(answer).toEqual([[NAME, 'article']]);
    expect(unhandled).toEqual([]);
  });

  it(
    'refuses the damage fuzz.test.ts once drew (kid list, page 1, an XRef entry, page 1 content)',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      // Left "Unhandled Rejection FormatError: Illegal character: 41" (the ")" now inside page 1's /MediaBox).
      const { answer, unhandled } = await extractWatched(
        flipped([
          [25867, 0xff],
          [25391, 0x1a],
          [26999, 0x2b],
          [1701, 0xa4],
        ]),
      );
      expect(answer).toEqual([[NAME, 'no text layer (scanned PDF?)']]);
      expect(unhandled).toEqual([]);
    },
  );
});
