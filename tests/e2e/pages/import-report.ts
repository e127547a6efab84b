// The import's progress bar and its report: the counts in the report's head, one row per answered file, the
// Cancel button and the report saved as CSV.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCsv } from '../../helpers/csv';

/** The report's counts, as its head shows them. */
export interface ReportCounts {
  imported: number;
  near: number;
  duplicate: number;
  refused: number;
  notSent: number;
}

export const CSV_HEADER = ['file', 'status', 'article_id', 'title', 'reason'];

export class ImportReport {
  /** The progress bar of an import under way; `data-done` holds the files answered so far. */
  readonly job: Locator;
  readonly jobCount: Locator;
  /** The report of the last import. */
  readonly panel: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.job = page.getByTestId('import-job');
    this.jobCount = page.getByTestId('import-job-count');
    this.panel = page.getByTestId('import-report');
    this.results = this.panel.getByTestId('import-result');
  }

  /** The report's row for a file whose label holds `name`. */
  result(name: string): Locator {
    return this.results.filter({ hasText: name });
  }

  async done(): Promise<number> {
    return Number(await this.job.getAttribute('data-done'));
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('cancel-import').click();
  }

  /** The report's counts. The four statuses always show; "not sent" only when some files were not. */
  async counts(): Promise<ReportCounts> {
    const count = async (status: string) =>
      Number(await this.page.getByTestId(`import-count-${status}`).getAttribute('data-count'));
    return {
      imported: await count('imported'),
      near: await count('near-duplicate'),
      duplicate: await count('duplicate'),
      refused: await count('refused'),
      notSent: (await this.page.getByTestId('import-count-not-sent').count()) ? await count('not-sent') : 0,
    };
  }

  /** Each row's status, in the report's order. */
  async statuses(): Promise<Array<string | null>> {
    return this.results.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  }

  /** Save the report as CSV; the rows of the downloaded file, header first. */
  async saveCsv(): Promise<string[][]> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('save-import-report').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^import-report-.*\.csv$/);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(CSV_HEADER);
    return rows;
  }
}
