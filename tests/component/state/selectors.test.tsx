// Pure functions behind the UI: selectors, highlight segmentation, import batching, base64, sort keys.
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/api/contract';
import { articleBlocks } from '../../../shared/domain/article-text';
import { summarizeClaims } from '../../../shared/domain/claims';
import type { ArticleSummary } from '../../../shared/domain/types';
import {
  annotationCounts,
  claimLabel,
  filterArticles,
  filterClaims,
  findClaimByText,
  matchClaims,
  parseTags,
  sortAnnotations,
} from '../../../renderer/src/state/selectors';
import { blockSegments } from '../../../renderer/src/features/reader/highlight-segments';
import { planBatches, safeFileName } from '../../../renderer/src/features/import/import-batches';
import { importReportOf as mergeReports } from '../../../shared/domain/import-report';
import { base64Length, bytesToBase64 } from '../../../renderer/src/features/import/base64';
import { compareIsoKey, compareTextKey } from '../../../renderer/src/lib/sort-keys';
import { makeAnnotation, makeArticle, makeClaim } from '../fake-api';

const summary = (p: Partial<ArticleSummary> & { id: string; title: string }): ArticleSummary => {
  const { paragraphs: _p, ...meta } = makeArticle(p);
  return { ...meta, claimCount: 0, annotationCount: 0, ...p };
};

describe('filterArticles', () => {
  const rows = [
    summary({
      id: 'a',
      title: 'Putin risponde',
      outlet: { name: 'ilfogliettone.it', domain: 'ilfogliettone.it' },
      url: 'https://ilfogliettone.it/x',
    }),
    summary({
      id: 'b',
      title: 'Truppe CSTO',
      outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
      url: null,
    }),
  ];
  it('matches title, outlet and URL, every word, ignoring case', () => {
    expect(filterArticles(rows, 'PUTIN').map((r) => r.id)).toEqual(['a']);
    expect(filterArticles(rows, 'sputnik').map((r) => r.id)).toEqual(['b']);
    expect(filterArticles(rows, 'ilfogliettone.it/x').map((r) => r.id)).toEqual(['a']);
    expect(filterArticles(rows, 'truppe italia').map((r) => r.id)).toEqual(['b']);
    expect(filterArticles(rows, 'truppe putin')).toEqual([]);
  });
  it('returns the same array for an empty query', () => {
    expect(filterArticles(rows, '  ')).toBe(rows);
  });
  it('ignores accents on either side', () => {
    const accented = [
      ...rows,
      summary({ id: 'c', title: 'La città è calma', outlet: { name: 'Corriere', domain: null }, url: null }),
    ];
    expect(filterArticles(accented, 'citta').map((r) => r.id)).toEqual(['c']);
    expect(filterArticles(accented, 'CITTÀ E').map((r) => r.id)).toEqual(['c']);
    expect(filterArticles(accented, 'citte')).toEqual([]);
  });
});

describe('claims selectors', () => {
  const claims = summarizeClaims(
    [
      makeClaim({ id: 'c1', text: 'CSTO troops will withdraw', speaker: 'Putin', updatedAt: '2024-01-01' }),
      makeClaim({ id: 'c2', text: 'Troops were invited by Tokayev', updatedAt: '2024-02-01' }),
      makeClaim({
        id: 'c3',
        text: 'Colour revolutions',
        speaker: 'Putin',
        note: 'about troops',
        updatedAt: '2024-03-01',
      }),
    ],
    [],
  );
  it('matchClaims ranks prefix matches first, then contains, then speaker; recent first when empty', () => {
    expect(matchClaims(claims, 'troops').map((c) => c.id)).toEqual(['c2', 'c1']);
    // Speaker-only matches come after text matches, alphabetically on a tie.
    expect(matchClaims(claims, 'putin').map((c) => c.id)).toEqual(['c3', 'c1']);
    expect(matchClaims(claims, '').map((c) => c.id)).toEqual(['c3', 'c2', 'c1']);
    expect(matchClaims(claims, '', 1)).toHaveLength(1);
  });
  it('matchClaims and filterClaims ignore accents; findClaimByText does not (the main side tells "ritirerà" from "ritirera")', () => {
    const accented = summarizeClaims(
      [makeClaim({ id: 'c4', text: 'Le truppe si ritirerà', speaker: 'Tokaïev', note: 'città' })],
      [],
    );
    expect(matchClaims(accented, 'ritirera').map((c) => c.id)).toEqual(['c4']);
    expect(matchClaims(accented, 'tokaiev').map((c) => c.id)).toEqual(['c4']);
    expect(matchClaims(accented, 'ritirero')).toEqual([]);
    expect(filterClaims(accented, 'RITIRERA citta').map((c) => c.id)).toEqual(['c4']);
    expect(findClaimByText(accented, 'le truppe si ritirera')).toBeUndefined();
    expect(findClaimByText(accented, 'LE TRUPPE SI RITIRERÀ')?.id).toBe('c4');
  });
  it('findClaimByText ignores case and spacing', () => {
    expect(findClaimByText(claims, '  csto  TROOPS will withdraw ')?.id).toBe('c1');
    expect(findClaimByText(claims, 'csto troops')).toBeUndefined();
    expect(findClaimByText(claims, '')).toBeUndefined();
  });
  it('filterClaims looks at text, speaker and note', () => {
    expect(filterClaims(claims, 'troops').map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(filterClaims(claims, 'putin colour').map((c) => c.id)).toEqual(['c3']);
  });
});

describe('annotation helpers', () => {
  const article = makeArticle({ id: 'a', title: 'Title here', paragraphs: ['One two three four five.'] });
  const n1 = makeAnnotation(article, { id: 'n1', claimId: 'c1', start: 12, end: 15 });
  const n2 = makeAnnotation(article, { id: 'n2', claimId: 'c1', start: 0, end: 5 });
  const n3 = makeAnnotation(article, { id: 'n3', claimId: 'c2', start: 0, end: 3 });
  it('annotationCounts counts distinct claims', () => {
    expect(annotationCounts([n1, n2, n3])).toEqual({ claimCount: 2, annotationCount: 3 });
  });
  it('sortAnnotations orders by position', () => {
    expect(sortAnnotations([n1, n2, n3]).map((a) => a.id)).toEqual(['n3', 'n2', 'n1']);
  });
  it('parseTags splits, trims and dedupes', () => {
    expect(parseTags(' a, b ,, c,a ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });
  it('claimLabel shortens by code points', () => {
    expect(claimLabel('😀'.repeat(70), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(claimLabel(' a \n b ')).toBe('a b');
  });
});

describe('blockSegments', () => {
  const article = makeArticle({
    id: 'a',
    title: 'T',
    lead: '',
    paragraphs: ['Ünïcode 😀 text with overlap'],
  });
  const block = articleBlocks(article)[1]!;
  it('returns one plain segment without annotations', () => {
    expect(blockSegments(block, [])).toEqual([
      { start: block.start, end: block.end, text: block.text, annotations: [], pending: false },
    ]);
  });
  it('splits overlapping annotations into shared segments, outermost first', () => {
    const outer = makeAnnotation(article, {
      id: 'o',
      claimId: 'c',
      start: block.start + 8,
      end: block.start + 20,
    });
    const inner = makeAnnotation(article, {
      id: 'i',
      claimId: 'c',
      start: block.start + 15,
      end: block.end + 5,
    });
    const segs = blockSegments(block, [inner, outer]);
    expect(segs.map((s) => s.text)).toEqual(['Ünïcode ', '😀 text ', 'with ', 'overlap']);
    expect(segs.map((s) => s.annotations.map((a) => a.id))).toEqual([[], ['o'], ['o', 'i'], ['i']]);
    expect(segs.map((s) => s.text).join('')).toBe(block.text);
  });
  it('marks the range being tagged as pending', () => {
    const segs = blockSegments(block, [], { start: block.start + 8, end: block.start + 14 });
    expect(segs.map((s) => [s.text, s.pending])).toEqual([
      ['Ünïcode ', false],
      ['😀 text', true],
      [' with overlap', false],
    ]);
  });
  it('ignores annotations in other blocks', () => {
    const title = makeAnnotation(article, { id: 't', claimId: 'c', start: 0, end: 1 });
    expect(blockSegments(block, [title])).toHaveLength(1);
  });
});

describe('import batches', () => {
  it('splits by file count and by base64 volume, in order', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, size: 30 }));
    expect(planBatches(files, 2).map((b) => b.map((f) => f.name))).toEqual([
      ['f0', 'f1'],
      ['f2', 'f3'],
      ['f4'],
    ]);
    // 30 bytes → 40 base64 chars; 100 chars per call fits two.
    expect(planBatches(files, 10, 100).map((b) => b.length)).toEqual([2, 2, 1]);
  });
  it('counts oversized files as carrying no bytes, and never leaves a batch empty', () => {
    const files = [
      { name: 'huge', size: MAX_IMPORT_FILE_BYTES + 1 },
      { name: 'big', size: 300 },
      { name: 'small', size: 3 },
    ];
    expect(planBatches(files, 10, 100).map((b) => b.map((f) => f.name))).toEqual([
      ['huge'],
      ['big'],
      ['small'],
    ]);
    expect(planBatches([], 10, 100)).toEqual([]);
  });
  it('makes names safe labels', () => {
    expect(safeFileName('a/b\\c.txt')).toBe('a_b_c.txt');
    expect(safeFileName('  ')).toBe('unnamed');
    expect(Array.from(safeFileName('é'.repeat(300)))).toHaveLength(200);
    // Cut from the front, so that the extension survives.
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toMatch(/^….*a\.pdf$/);
  });
  it('merges results into one report', () => {
    const r = mergeReports([
      { fileName: 'a', status: 'imported' },
      { fileName: 'b', status: 'refused', reason: 'x' },
      { fileName: 'c', status: 'imported' },
    ]);
    expect([r.imported, r.duplicates, r.refused]).toEqual([2, 0, 1]);
  });
});

describe('bytesToBase64', () => {
  it('matches btoa across chunk boundaries', () => {
    const bytes = Uint8Array.from({ length: 3 * 0x2000 * 2 + 7 }, (_, i) => (i * 31) % 256);
    const expected = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    expect(bytesToBase64(bytes)).toBe(expected);
    expect(base64Length(bytes.length)).toBe(expected.length);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('sort keys', () => {
  it('orders text case-insensitively and ISO dates by instant', () => {
    expect(['b', 'A', 'a', 'C'].sort(compareTextKey)).toEqual(['A', 'a', 'b', 'C']);
    const dates = ['2022-01-10', '2022-01-07T14:26:00+01:00', '2022-01-07T14:00:00Z', 'garbage'];
    expect([...dates].sort(compareIsoKey)).toEqual([
      '2022-01-07T14:26:00+01:00',
      '2022-01-07T14:00:00Z',
      '2022-01-10',
      'garbage',
    ]);
  });
});
