// The one accent and case folding (full-text search, claim typeahead, filter boxes).
import { describe, expect, it } from 'vitest';
import { fold, foldForMatch } from '../../../../shared/domain/fold';

describe('fold', () => {
  it('lower-cases and strips diacritics', () => {
    expect(fold('Città È PERCHÉ')).toBe('citta e perche');
    expect(fold('Le truppe si ritirerà')).toBe('le truppe si ritirera');
    expect(fold('naïve façade ÉCOLE Łódź')).toBe('naive facade ecole łodz');
  });

  it('keeps one UTF-16 unit for one unit, so offsets in the folded text are offsets in the original', () => {
    for (const s of ['Città È PERCHÉ', 'İstanbul Ωmega ß', 'naïve façade', 'emoji 😀 é', 'città\u0300'])
      expect(fold(s)).toHaveLength(s.length);
    // What does not fold to one unit stays as it is: ß, a ligature, a mark on its own.
    expect(fold('Straße ﬁ')).toBe('straße ﬁ');
    expect(fold('citta\u0300')).toBe('citta\u0300');
  });

  it('leaves ASCII but for case untouched', () => {
    const ascii = 'Hello, World! 123 https://example.com/A?b=C';
    expect(fold(ascii)).toBe(ascii.toLowerCase());
  });
});

describe('foldForMatch', () => {
  it('composes first, so a decomposed accent folds like a composed one', () => {
    expect(foldForMatch('citta\u0300')).toBe('citta');
    expect(foldForMatch('RITIRERA\u0300')).toBe(foldForMatch('ritirerà'));
    expect(foldForMatch('ritirerà')).toBe('ritirera');
  });
});
