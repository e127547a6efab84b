// The Claims view: one row per claim with its count of sources, and the selected claim's Delete.
import type { Locator, Page } from '@playwright/test';

export class ClaimsView {
  readonly rows: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('claim-row');
    this.deleteButton = page.getByTestId('delete-claim');
  }

  /** The row of the claim whose wording holds `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** The count of distinct articles citing the claim, as its row shows it. */
  sources(text: string): Locator {
    return this.row(text).getByTestId('claim-sources');
  }
}
