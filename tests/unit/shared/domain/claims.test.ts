import {
  comparePublished,
  emptyStanceCounts,
  evidenceForClaim,
  formatPublished,
  summarizeClaims,
} from '../../../../shared/domain/claims';
import { STANCES } from '../../../../shared/domain/types';
import type { ArticleMeta } from '../../../../shared/domain/types';
import {
  annFogliettone,
  annMultiline,
  annSputnik,
  china,
  fogliettone,
  makeSnapshot,
  peacekeeping,
  sputnik,
  withdraw,
} from './export/fixture';

describe('emptyStanceCounts', () => {
  it('has every stance at zero, and a fresh object each time', () => {
    const a = emptyStanceCounts();
    expect(Object.keys(a)).toEqual([...STANCES]);
    expect(Object.values(a).every((n) => n === 0)).toBe(true);
    a.asserts = 3;
    expect(emptyStanceCounts().asserts).toBe(0);
  });
});

describe('summarizeClaims', () => {
  const snap = makeSnapshot();

  it('counts stances and distinct source articles per claim, in the given claim order', () => {
    const s = summarizeClaims(snap.claims, snap.annotations);
    expect(s.map((c) => c.id)).toEqual([china.id, peacekeeping.id, withdraw.id]);
    const [ch, pk, wd] = s;
    expect(wd).toMatchObject({
      ...withdraw,
      sourceCount: 2,
      counts: { asserts: 1, reports: 1, supports: 0, disputes: 0, denies: 0 },
    });
    expect(pk).toMatchObject({ sourceCount: 1, counts: { ...emptyStanceCounts(), supports: 1 } });
    expect(ch).toMatchObject({ ...china, sourceCount: 0, counts: emptyStanceCounts() });
  });

  it('counts an article once in sourceCount however many quotes it gives', () => {
    const extra = { ...annSputnik, id: 'ann-sputnik-2', stance: 'asserts' as const };
    const [wd] = summarizeClaims([withdraw], [annSputnik, extra, annFogliettone, annMultiline]);
    expect(wd!.sourceCount).toBe(2);
    expect(wd!.counts).toEqual({ ...emptyStanceCounts(), asserts: 2, reports: 1 });
  });

  it('ignores annotations of unknown claims', () => {
    expect(summarizeClaims([], snap.annotations)).toEqual([]);
  });
});

describe('evidenceForClaim', () => {
  const byId = new Map<string, ArticleMeta>([
    [sputnik.id, sputnik],
    [fogliettone.id, fogliettone],
  ]);

  it('joins annotations with their article, sorted by published date then outlet', () => {
    const ev = evidenceForClaim(withdraw.id, [annFogliettone, annMultiline, annSputnik], byId);
    expect(ev.map((e) => e.annotation.id)).toEqual(['ann-sputnik', 'ann-fogliettone']);
    expect(ev[0]!.article).toEqual({
      id: sputnik.id,
      title: sputnik.title,
      outlet: sputnik.outlet,
      url: sputnik.url,
      published: sputnik.published,
      language: sputnik.language,
    });
    // Only the fields Evidence declares: no paragraphs leak through when a full Article is passed.
    expect(Object.keys(ev[0]!.article)).toEqual(['id', 'title', 'outlet', 'url', 'published', 'language']);
  });

  it('breaks date ties by outlet name, and puts undated articles last', () => {
    const a = { ...sputnik, id: 'a', outlet: { name: 'Zeta', domain: null }, published: '2022-01-07' };
    const b = { ...sputnik, id: 'b', outlet: { name: 'alfa', domain: null }, published: '2022-01-07' };
    const c = { ...sputnik, id: 'c', outlet: { name: 'Alpha', domain: null }, published: null };
    const map = new Map<string, ArticleMeta>([a, b, c].map((x) => [x.id, x]));
    const anns = [c, a, b].map((x) => ({ ...annSputnik, id: `ann-${x.id}`, articleId: x.id }));
    expect(evidenceForClaim(withdraw.id, anns, map).map((e) => e.article.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps evidence whose article is missing, with a placeholder', () => {
    const ev = evidenceForClaim(withdraw.id, [annSputnik], new Map());
    expect(ev).toHaveLength(1);
    expect(ev[0]!.article).toEqual({
      id: sputnik.id,
      title: '',
      outlet: { name: '', domain: null },
      url: null,
      published: null,
      language: null,
    });
  });

  it('returns nothing for a claim without evidence', () => {
    expect(evidenceForClaim(china.id, makeSnapshot().annotations, byId)).toEqual([]);
  });
});

describe('comparePublished', () => {
  it('orders by instant, honouring offsets', () => {
    // 14:26+01:00 is 13:26Z, before 13:30Z.
    expect(comparePublished('2022-01-07T14:26:00+01:00', '2022-01-07T13:30:00Z')).toBeLessThan(0);
    expect(comparePublished('2022-01-07T14:26:00+01:00', '2022-01-10')).toBeLessThan(0);
    expect(comparePublished(null, '2022-01-10')).toBeGreaterThan(0);
    expect(comparePublished('sometime', '2022-01-10')).toBeGreaterThan(0);
    expect(comparePublished(null, null)).toBe(0);
  });
});

describe('formatPublished', () => {
  it('shows the local time as written, not converted', () => {
    expect(formatPublished('2022-01-07T14:26:00+01:00')).toBe('2022-01-07 14:26');
    expect(formatPublished('2022-01-07T14:26+0100')).toBe('2022-01-07 14:26');
    expect(formatPublished('2022-01-07T23:30:00-05:00')).toBe('2022-01-07 23:30');
    expect(formatPublished('2022-01-07T14:26:59.123Z')).toBe('2022-01-07 14:26');
  });

  it('shows a date as a date, null as empty, anything else as given', () => {
    expect(formatPublished('2022-01-10')).toBe('2022-01-10');
    expect(formatPublished(null)).toBe('');
    expect(formatPublished(' gennaio 2022 ')).toBe('gennaio 2022');
  });
});
