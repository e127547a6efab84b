// Near duplicates: synthetic wire-story variants must match, different stories on the same topic must not.
import { describe, expect, it } from 'vitest';
import {
  BANDS,
  MIN_SHINGLES,
  NEAR_DUPLICATE_THRESHOLD,
  NUM_HASHES,
  NearDuplicateIndex,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  exactJaccard,
  normalizedWords,
  shingleHashes,
  signatureOf,
} from '../../../electron/services/near-duplicates';

// A wire story (≈300 words) and a second, different story on the same topic by the same agency: same
// people, places, institutions and stock phrases, even one shared quote.
const WIRE = `The European Central Bank kept interest rates unchanged on Thursday but signalled that it could begin cutting borrowing costs as early as June, as inflation in the euro zone continued to ease faster than expected.
The ECB held its deposit rate at a record high of 4 percent for a fifth consecutive meeting, a decision widely anticipated by economists polled before the announcement.
"If our updated assessment were to further increase our confidence that inflation is converging to our target in a sustained manner, then it would be appropriate to reduce the current level of monetary policy restriction," the bank said in a statement.
President Christine Lagarde told reporters in Frankfurt that a few members of the governing council had already felt confident enough to argue for a cut, but that the majority preferred to wait for more data on wages and services prices.
Inflation in the 20 countries that share the euro fell to 2.4 percent in March, close to the bank's 2 percent target, while the economy has barely grown for more than a year.
Markets have priced in around three quarter-point cuts this year, with the first expected at the bank's meeting on June 6, when new staff projections will be available.
Some policymakers, including the governors of the Italian and Portuguese central banks, have publicly called for an early move, warning that keeping rates too high for too long risks an unnecessary recession.
Others, mostly from Germany and the Netherlands, have cautioned that wage growth remains strong and that the last mile of the fight against inflation could prove the hardest.
The euro slipped against the dollar after the decision, while yields on government bonds across the bloc edged lower.
Lagarde declined to commit to any particular path beyond June, saying the bank would remain data-dependent and decide meeting by meeting.`;

const OTHER_SAME_TOPIC = `European Central Bank policymakers are increasingly divided over how fast to lower interest rates once they begin cutting in June, according to five sources familiar with the discussions.
Several members of the governing council want to follow a first cut with a second one in July, arguing that inflation in the euro zone is falling quickly and the economy needs support.
A larger group, led by officials from Germany and the Netherlands, favours a pause until September, when fresh projections will show whether wage growth is slowing as expected.
"If our updated assessment were to further increase our confidence that inflation is converging to our target in a sustained manner, then it would be appropriate to reduce the current level of monetary policy restriction," the bank said in a statement last week.
The sources, who asked not to be named because the deliberations are confidential, said no decision had been taken and that much would depend on the data due before the summer.
President Christine Lagarde has repeatedly said the bank would not pre-commit to any path, and a spokesperson declined to comment on the report.
Markets currently expect between two and three cuts this year, with traders pricing a roughly 40 percent chance of back-to-back moves in June and July.
The debate mirrors the one at the U.S. Federal Reserve, where stronger than expected growth and sticky services inflation have pushed back expectations for a first cut.
Economists at several large banks said the risk for the ECB was that moving too far ahead of the Fed could weaken the euro and import inflation through higher energy prices.
Policymakers will meet next in Frankfurt on April 11, when rates are widely expected to be left unchanged again.`;

const SHORT = `Italy's interior ministry said on Monday that 1,200 migrants had landed on the island of Lampedusa over the weekend, the highest number since last September.
Most of the boats left from Tunisia and Libya in calm seas, the coast guard said, and reception centres on the island were holding more than three times their capacity.
The government said it would transfer several hundred people to Sicily and the mainland in the coming days.`;

const words = (s: string) => s.split(/\s+/);

/** Replace every nth word with a different word (a light copy edit). */
function edit(text: string, every: number): string {
  const ws = words(text);
  return ws.map((w, i) => (i > 0 && i % every === 0 ? `${w}ly` : w)).join(' ');
}

const REUTERS_FOOTER =
  'Reporting by Francesco Canepa and Balazs Koranyi; Editing by Catherine Evans. Our Standards: The Thomson Reuters Trust Principles.';
const OTHER_FOOTER = `© 2024 Daily Markets Ltd. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Follow us on X and subscribe to our free newsletter for the day's top business stories, delivered to your inbox every morning. Related: Fed minutes show officials wary of cutting too soon; Oil prices steady as traders weigh Middle East risks.`;

const variants: Record<string, string> = {
  'Reuters footer': `${WIRE}\n${REUTERS_FOOTER}`,
  'other outlet footer and related links': `${WIRE}\n${OTHER_FOOTER}`,
  'outlet header and dateline': `FRANKFURT, April 11 (Reuters) - ${WIRE}`,
  'different byline block': `By Staff Reporter | Published 11 April 2024, 14:32 CET | Updated 15:10 CET\n${WIRE}\nRead more on our markets page.`,
  'light edits (every 25th word)': edit(WIRE, 25),
  'last paragraph dropped, footer added': `${WIRE.split('\n').slice(0, -1).join('\n')}\n${OTHER_FOOTER}`,
  'punctuation, quotes and case changed': WIRE.replace(/"/g, '“')
    .replace(/,/g, ' ,')
    .replace(/percent/g, 'PER CENT')
    .toUpperCase(),
  'header, footer and light edits together': `FRANKFURT (AP) — ${edit(WIRE, 40)}\n${REUTERS_FOOTER}`,
};

describe('shingles and signatures', () => {
  it('normalises case, punctuation and Unicode forms', () => {
    expect(normalizedWords('The ECB’s «deposit-rate», 4%!  ﬁne')).toEqual([
      'the',
      'ecb',
      's',
      'deposit',
      'rate',
      '4',
      'fine',
    ]);
    expect(shingleHashes('A b, C d e f.')).toEqual(shingleHashes('a B c; D e F'));
    expect(shingleHashes('a b c d e f')).toHaveLength(2);
    expect(shingleHashes('')).toHaveLength(0);
  });

  it('gives no signature for texts too short to compare', () => {
    expect(signatureOf('Breaking: rates unchanged.')).toBeNull();
    const justEnough = Array.from({ length: MIN_SHINGLES + 4 }, (_, i) => `w${i}`).join(' ');
    expect(signatureOf(justEnough)).not.toBeNull();
  });

  it('is deterministic and round-trips through its stored form', () => {
    const a = signatureOf(WIRE)!;
    expect(signatureOf(WIRE)).toEqual(a);
    const stored = encodeSignature(a);
    expect(stored).toHaveLength(344);
    expect(decodeSignature(stored)).toEqual(a);
    expect(decodeSignature('not a signature')).toBeNull();
    expect(decodeSignature('A'.repeat(340))).toBeNull();
  });

  it('estimates the Jaccard similarity of the shingle sets closely', () => {
    // Overlapping synthetic word sequences with known overlap, across the range that matters.
    const base = Array.from({ length: 600 }, (_, i) => `t${(i * 7919) % 10007}`);
    for (const keep of [0.2, 0.4, 0.5, 0.6, 0.8, 0.95]) {
      const cut = Math.round(base.length * keep);
      const other = [...base.slice(0, cut), ...Array.from({ length: base.length - cut }, (_, i) => `u${i}`)];
      const exact = exactJaccard(shingleHashes(base.join(' ')), shingleHashes(other.join(' ')));
      const est = estimateJaccard(signatureOf(base.join(' '))!, signatureOf(other.join(' '))!);
      // Standard error at k = 128 is at most 0.044; allow three of them.
      expect(Math.abs(est - exact)).toBeLessThan(0.14);
    }
  });
});

describe('wire-story variants', () => {
  const original = signatureOf(WIRE)!;
  for (const [name, text] of Object.entries(variants)) {
    it(`matches: ${name}`, () => {
      const sig = signatureOf(text)!;
      const exact = exactJaccard(shingleHashes(WIRE), shingleHashes(text));
      expect(exact).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
      expect(estimateJaccard(original, sig)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
      const index = new NearDuplicateIndex();
      index.add('wire', original);
      expect(index.bestMatch(sig)?.id).toBe('wire');
    });
  }

  it('matches a short story under a different footer', () => {
    const a = signatureOf(`${SHORT}\nReporting by Angelo Amante; Editing by Alex Richardson.`)!;
    const b = signatureOf(`ROME (AP) — ${SHORT}\nCopyright 2024 The Associated Press. All rights reserved.`)!;
    expect(estimateJaccard(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });
});

describe('negatives', () => {
  it('does not match a different story on the same topic, even with a shared quote and the same footer', () => {
    const exact = exactJaccard(shingleHashes(WIRE), shingleHashes(OTHER_SAME_TOPIC));
    expect(exact).toBeLessThan(0.15);
    const a = signatureOf(`${WIRE}\n${REUTERS_FOOTER}`)!;
    const b = signatureOf(`${OTHER_SAME_TOPIC}\n${REUTERS_FOOTER}`)!;
    expect(estimateJaccard(a, b)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD / 2);
    const index = new NearDuplicateIndex();
    index.add('wire', a);
    expect(index.bestMatch(b)).toBeNull();
  });

  it('does not match a follow-up that quotes two paragraphs of the original', () => {
    const quoted = WIRE.split('\n').slice(2, 4).join('\n');
    const followUp = `${OTHER_SAME_TOPIC}\nLast week the bank said: ${quoted}`;
    expect(estimateJaccard(signatureOf(WIRE)!, signatureOf(followUp)!)).toBeLessThan(
      NEAR_DUPLICATE_THRESHOLD,
    );
  });

  it('does not match unrelated stories', () => {
    expect(
      estimateJaccard(signatureOf(WIRE)!, signatureOf(SHORT + ' ' + SHORT.split('').reverse().join(''))!),
    ).toBeLessThan(0.1);
  });
});

describe('LSH index', () => {
  it('finds the closest match among many, ignores rejected ids, and forgets removed ones', () => {
    const index = new NearDuplicateIndex();
    // 300 unrelated synthetic stories.
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 200 }, (_, i) => `s${n}w${(i * 31 + n) % 97}x${i % 13}`).join(' ');
      index.add(`story-${n}`, signatureOf(text)!);
    }
    index.add('wire', signatureOf(WIRE)!);
    index.add('wire-footer', signatureOf(variants['Reuters footer']!)!);
    const query = signatureOf(variants['other outlet footer and related links']!)!;
    expect(index.candidates(query).size).toBeLessThan(10);
    expect(index.bestMatch(query)?.id).toBe('wire');
    expect(index.bestMatch(query, NEAR_DUPLICATE_THRESHOLD, (id) => id !== 'wire')?.id).toBe('wire-footer');
    index.remove('wire');
    index.remove('wire-footer');
    expect(index.bestMatch(query)).toBeNull();
    expect(index.size).toBe(300);
  });

  it('prefers the earliest indexed article among equally similar ones', () => {
    const index = new NearDuplicateIndex();
    const sig = signatureOf(WIRE)!;
    index.add('first', sig);
    index.add('second', sig);
    expect(index.bestMatch(sig)).toEqual({ id: 'first', jaccard: 1 });
  });

  it('uses the documented banding', () => {
    expect(BANDS * (NUM_HASHES / BANDS)).toBe(NUM_HASHES);
    // Probability that a pair at the threshold becomes a candidate.
    const p = 1 - (1 - NEAR_DUPLICATE_THRESHOLD ** (NUM_HASHES / BANDS)) ** BANDS;
    expect(p).toBeGreaterThan(0.85);
  });
});
