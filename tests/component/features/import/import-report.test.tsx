// The import report: counts with near duplicates, a filter by status, the CSV (one row per file); and the
// article list's "N versions" badge for near-duplicate groups.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportFileResult } from '../../../../shared/domain/types';
import {
  IMPORT_REPORT_COLUMNS,
  importReportCsv,
  importReportFileName,
} from '../../../../renderer/src/features/import/import-report-csv';
import { versionCounts } from '../../../../renderer/src/features/articles/near-duplicate-versions';
import { FakeApi, makeArticle } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';
import { parseCsv } from '../../../helpers/csv';

useMockedViewport({ restoreMocks: true });

const RESULTS: ImportFileResult[] = [
  { fileName: 'reuters.txt', status: 'imported', articleId: 'a1', title: 'Genoa dockworkers strike' },
  {
    fileName: 'ansa.txt',
    status: 'near-duplicate',
    articleId: 'a2',
    title: 'Strike halts port',
    reason: 'near-duplicate of "Genoa dockworkers strike" (Reuters)',
  },
  {
    fileName: 'copy.txt',
    status: 'duplicate',
    articleId: 'a1',
    title: 'Genoa dockworkers strike',
    reason: 'already in the library as "Genoa dockworkers strike"',
  },
  { fileName: 'photo.txt', status: 'refused', reason: 'not a text file (PNG image)' },
  { fileName: '=cmd.txt', status: 'refused', reason: 'empty file, with "quotes", and a comma' },
];

describe('import report CSV', () => {
  it('has one row per file with file, status, article id, title and reason, quoted and guarded', () => {
    const csv = importReportCsv({ results: RESULTS, notSent: ['later.txt'] });
    expect(csv.startsWith('\uFEFFfile,status,article_id,title,reason\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...IMPORT_REPORT_COLUMNS]);
    expect(rows).toHaveLength(1 + RESULTS.length + 1);
    expect(rows[2]).toEqual([
      'ansa.txt',
      'near-duplicate',
      'a2',
      'Strike halts port',
      'near-duplicate of "Genoa dockworkers strike" (Reuters)',
    ]);
    expect(rows[4]).toEqual(['photo.txt', 'refused', '', '', 'not a text file (PNG image)']);
    // A name that a spreadsheet would run as a formula is kept as text.
    expect(rows[5]).toEqual(["'=cmd.txt", 'refused', '', '', 'empty file, with "quotes", and a comma']);
    expect(rows[6]).toEqual(['later.txt', 'not sent', '', '', 'not sent: the import was cancelled']);
  });

  it('names the file by local date and time', () => {
    expect(importReportFileName(new Date(2024, 4, 1, 9, 5))).toBe('import-report-2024-05-01-0905.csv');
  });
});

describe('import report panel', () => {
  async function showReport() {
    const api = new FakeApi();
    api.importHandler = () => ({
      results: RESULTS,
      imported: 1,
      nearDuplicates: 1,
      duplicates: 1,
      refused: 2,
    });
    const utils = await renderApp(api);
    await act(() => utils.store.getState().importFiles([new File(['x'], 'x.txt')]));
    return { ...utils, report: screen.getByTestId('import-report') };
  }

  it('counts near duplicates apart and shows what each resembles', async () => {
    const { report } = await showReport();
    expect(within(report).getByText(/^Import:/)).toHaveTextContent(
      'Import: 1 imported, 1 near-duplicate, 1 duplicate, 2 refused',
    );
    const line = within(report)
      .getAllByTestId('import-result')
      .find((l) => l.getAttribute('data-status') === 'near-duplicate')!;
    expect(line).toHaveTextContent('ansa.txt — near-duplicate of "Genoa dockworkers strike" (Reuters)');
  });

  it('filters the lines by status', async () => {
    const { report, user } = await showReport();
    await user.click(within(report).getByTestId('import-filter-refused'));
    expect(
      within(report)
        .getAllByTestId('import-result')
        .map((l) => l.getAttribute('data-status')),
    ).toEqual(['refused', 'refused']);
    await user.click(within(report).getByTestId('import-filter-all'));
    expect(within(report).getAllByTestId('import-result')).toHaveLength(5);
  });

  it('downloads the report as CSV with a row per file', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:report')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { report, user } = await showReport();
    await user.click(within(report).getByTestId('save-import-report'));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^import-report-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/,
    );
    const rows = parseCsv(await blobs[0]!.text());
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(
      RESULTS.map((r) => [r.fileName.startsWith('=') ? `'${r.fileName}` : r.fileName, r.status]),
    );
    expect(screen.getByTestId('toast')).toHaveTextContent(/Downloaded import-report-/);
  });

  it('leaves very long reports to the CSV', async () => {
    const api = new FakeApi();
    const { store } = await renderApp(api);
    await act(() =>
      store.getState().importFiles(Array.from({ length: 1200 }, (_, i) => new File(['x'], `f${i}.txt`))),
    );
    expect(screen.getAllByTestId('import-result')).toHaveLength(1000);
    expect(screen.getByTestId('import-result-more')).toHaveTextContent(
      '… and 200 more: save the report as CSV for every line.',
    );
  });
});

describe('versions badge', () => {
  const wire = (id: string, outlet: string, group?: string) =>
    makeArticle({
      id,
      title: `Strike halts port (${outlet})`,
      outlet: { name: outlet, domain: null },
      ...(group ? { nearDuplicateGroup: group } : {}),
    });
  const articles = [
    wire('a1', 'Reuters', 'a1'),
    wire('a2', 'ANSA', 'a1'),
    makeArticle({ id: 'b1', title: 'Rail strike on Friday' }),
    wire('a3', 'AP', 'a1'),
    wire('c1', 'Lone', 'gone'),
  ];

  it('counts groups of two or more', () => {
    expect([...versionCounts(articles)]).toEqual([['a1', 3]]);
  });

  it('shows "3 versions" on each version; a click filters the list to them and another shows all again', async () => {
    const { user } = await renderApp(new FakeApi({ articles }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    const badges = screen.getAllByTestId('versions-badge');
    expect(badges).toHaveLength(3);
    expect(badges[0]).toHaveTextContent('3 versions');
    await user.click(badges[1]!);
    const ids = () => screen.getAllByTestId('article-row').map((r) => r.getAttribute('data-article-id'));
    expect(ids()).toEqual(['a1', 'a2', 'a3']);
    expect(screen.getByTestId('versions-filter')).toHaveTextContent(
      '3 versions of “Strike halts port (Reuters)”',
    );
    expect(screen.getByTestId('article-count')).toHaveTextContent('3 of 5');
    // The badge filters; it does not open the article.
    expect(screen.queryByTestId('reader-title')).toBeNull();
    await user.click(screen.getByTestId('clear-versions-filter'));
    expect(ids()).toHaveLength(5);
    await user.click(screen.getAllByTestId('versions-badge')[0]!);
    expect(ids()).toHaveLength(3);
    await user.click(screen.getAllByTestId('versions-badge')[0]!);
    expect(ids()).toHaveLength(5);
  });
});
