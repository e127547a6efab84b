// The library settings dialog: the import caps and the outlet names, opened by the gear or Ctrl+,.
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsDialog {
  readonly dialog: Locator;
  readonly maxFileMb: Locator;
  readonly maxPdfMb: Locator;
  readonly outletRows: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Library settings' });
    this.maxFileMb = this.dialog.getByTestId('settings-max-file-mb');
    this.maxPdfMb = this.dialog.getByTestId('settings-max-pdf-mb');
    this.outletRows = this.dialog.getByTestId('outlet-row');
  }

  async openWithGear(): Promise<void> {
    await this.page.getByTestId('settings-button').click();
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+,');
  }

  async defaults(): Promise<void> {
    await this.dialog.getByTestId('settings-defaults').click();
  }

  /** Name an outlet; with `enter`, submit the name with the Enter key instead of the Add button. */
  async addOutlet(domain: string, name: string, { enter = false } = {}): Promise<void> {
    await this.dialog.getByTestId('outlet-add-domain').fill(domain);
    await this.dialog.getByTestId('outlet-add-name').fill(name);
    if (enter) await this.dialog.getByTestId('outlet-add-name').press('Enter');
    else await this.dialog.getByTestId('outlet-add').click();
  }

  async removeOutlet(domain: string): Promise<void> {
    await this.dialog.getByLabel(`Remove ${domain}`).click();
  }

  /** Save, and wait for the dialog to close. */
  async save(): Promise<void> {
    await this.dialog.getByTestId('settings-save').click();
    await expect(this.dialog).toBeHidden();
  }
}
