// The "no page loses body text" check: a paragraph of running text is kept wherever the paragraph breaks fall
// now, and missing when its opening or closing words are gone; lines shorter than prose are not judged.
import { describe, expect, it } from 'vitest';
import { PROSE_TOKENS, lostProse, proseFingerprints } from '../../../scripts/eval/prose-kept';

const para = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ') + '.';

describe('prose kept', () => {
  const prose = para(30, 'alpha');
  const other = para(25, 'beta');
  const line = 'Share on Facebook Share on X Email';

  it('fingerprints paragraphs of prose only, never storing their words', () => {
    const f = proseFingerprints([prose, line, para(PROSE_TOKENS - 1, 'gamma'), other]);
    expect(f).toHaveLength(2);
    expect(f.join(' ')).not.toMatch(/alpha|beta/);
  });

  it('finds a paragraph kept whole, merged with another or with captions beside it', () => {
    const f = proseFingerprints([prose, other]);
    expect(lostProse(f, `${prose}\n\n${other}`)).toBe(0);
    expect(lostProse(f, `${prose} ${other}\n\nA caption (Photo: Reuters)`)).toBe(0);
    // A credit that was glued to the paragraph's first words now stands apart (msn's "© Provided by …").
    const credited = proseFingerprints([`Photo credit Reuters Agency ${prose}`]);
    expect(lostProse(credited, `${prose}\n\nPhoto credit Reuters Agency`)).toBe(0);
  });

  it('counts a paragraph whose end or whole is gone', () => {
    const f = proseFingerprints([prose, other]);
    expect(lostProse(f, other)).toBe(1);
    // Half of it gone.
    expect(lostProse(f, `${prose.split(' ').slice(0, 15).join(' ')}\n\n${other}`)).toBe(1);
    expect(lostProse(f, line)).toBe(2);
  });
});
