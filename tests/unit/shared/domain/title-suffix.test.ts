// The site's name learnt from other titles of the same domain in the library (shared/domain/title-suffix.ts).
import { describe, expect, it } from 'vitest';
import { SiteAffixIndex, cutSharedAffix } from '../../../../shared/domain/title-suffix';
import { splitTitle } from '../../../../shared/domain/title-parts';

describe('splitTitle', () => {
  it('cuts at spaced separators and bare ones beside CJK text, never at a colon or a hyphenated word', () => {
    expect(splitTitle('Mayor explains decision - KESQ').parts).toEqual(['Mayor explains decision', 'KESQ']);
    expect(splitTitle('武汉的声音…-新华网').parts).toEqual(['武汉的声音…', '新华网']);
    expect(splitTitle('Putin: troops will withdraw from Wi-Fi zones').parts).toHaveLength(1);
  });
});

describe('a suffix other titles of the domain share', () => {
  // kesq.com: every og:title ends " - KESQ", and the page names no site a reader would take for it.
  const kesq = [
    'Mayor of Coachella explains city’s decision to keep face coverings - KESQ',
    'Palm Springs reopens its pools next week - KESQ',
  ];

  it('is cut when two other titles share it', () => {
    expect(cutSharedAffix('Indio approves a new budget for parks - KESQ', kesq)).toBe(
      'Indio approves a new budget for parks',
    );
    // news.cn: "…-新华网" on every page.
    expect(
      cutSharedAffix('武汉的声音：我们一起等春来-新华网', ['湖北新增病例下降-新华网', '北京今日降温-新华网']),
    ).toBe('武汉的声音：我们一起等春来');
    // A section and the site: the longest shared run goes.
    expect(
      cutSharedAffix('Kim Jong Un ist zurück | Politik | FR.de', [
        'Wahl in Hessen | Politik | FR.de',
        'Neue Regierung | Politik | FR.de',
      ]),
    ).toBe('Kim Jong Un ist zurück');
  });

  it('is cut as a prefix too ("Blog » …")', () => {
    expect(
      cutSharedAffix('Steinhau » Einmal zahlen, alles lesen', [
        'Steinhau » Apps im Test',
        'Steinhau » Neue Kamera',
      ]),
    ).toBe('Einmal zahlen, alles lesen');
  });

  it('is kept with one other title only, or when the others are the same headline saved twice', () => {
    expect(cutSharedAffix('Indio approves a new budget for parks - KESQ', kesq.slice(0, 1))).toBe(
      'Indio approves a new budget for parks - KESQ',
    );
    const twice = ['Ukraine talks - what we know', 'Ukraine talks - what we know'];
    expect(cutSharedAffix('Gaza talks - what we know', twice)).toBe('Gaza talks - what we know');
  });

  it('never leaves less than a headline, and knows domains apart', () => {
    expect(cutSharedAffix('Live - KESQ', kesq)).toBe('Live - KESQ');
    const index = new SiteAffixIndex();
    for (const t of kesq) index.add('kesq.com', t);
    expect(index.cut('other.example', 'Indio approves a new budget - KESQ')).toBe(
      'Indio approves a new budget - KESQ',
    );
    expect(index.cut('kesq.com', 'Indio approves a new budget - KESQ')).toBe('Indio approves a new budget');
  });
});
