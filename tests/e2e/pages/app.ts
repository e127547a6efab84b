// The app's window as a user meets it: opened at the host's URL, files or folders dropped on it, the article
// list, the views in the header and the toast. What only one view does lives in that view's page module.
import { expect, type Locator, type Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** Files per evaluate call when handing bytes to the page (one call for 2,000 files would be too big). */
const CHUNK = 250;

export class AppPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly articleCount: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('app-root');
    this.rows = page.getByTestId('article-row');
    this.articleCount = page.getByTestId('article-count');
    this.toast = page.getByTestId('toast');
  }

  /** Load the app and wait until its window is there. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.root).toBeVisible();
  }

  /** The article list's row whose text holds `title`. */
  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** Expect the list's count line to say `n` articles. */
  async expectArticleCount(n: number): Promise<void> {
    await expect(this.articleCount).toHaveText(`${n.toLocaleString('en-US')} articles`);
  }

  async showClaims(): Promise<void> {
    await this.page.getByTestId('nav-claims').click();
  }

  async showArticles(): Promise<void> {
    await this.page.getByTestId('nav-articles').click();
  }

  /**
   * Drop files on the window with a real `drop` event carrying a DataTransfer, as a file manager would. The
   * bytes go over in chunks; one drop then carries them all.
   */
  async drop(files: readonly DroppedFile[]): Promise<void> {
    type Staged = { __drop: File[] };
    await this.page.evaluate(() => ((window as unknown as Staged).__drop = []));
    for (let i = 0; i < files.length; i += CHUNK) {
      const chunk = files
        .slice(i, i + CHUNK)
        .map((f) => ({ name: f.name, type: f.type ?? 'text/plain', b64: f.bytes.toString('base64') }));
      await this.page.evaluate((items) => {
        for (const it of items) {
          const bytes = Uint8Array.from(atob(it.b64), (c) => c.charCodeAt(0));
          (window as unknown as Staged).__drop.push(new File([bytes], it.name, { type: it.type }));
        }
      }, chunk);
    }
    await this.root.evaluate((target) => {
      const dt = new DataTransfer();
      for (const f of (window as unknown as Staged).__drop) dt.items.add(f);
      (window as unknown as Staged).__drop = [];
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
  }

  /**
   * Drop files or folders from disk on the window, as a file manager does: through the browser's own drag
   * input (CDP Input.dispatchDragEvent), so the page gets real File System entries and walks the folders
   * itself. A synthetic DragEvent cannot carry a folder.
   */
  async dropPaths(paths: string[]): Promise<void> {
    const box = await this.root.boundingBox();
    if (!box) throw new Error('nothing to drop on: the app is not visible');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await this.page.context().newCDPSession(this.page);
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
      await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
    await cdp.detach();
  }

  /** Pick a folder with the Folder… button's input. */
  async pickFolder(path: string): Promise<void> {
    await this.page.getByTestId('import-folder-input').setInputFiles(path);
  }
}

/**
 * Errors the page reports from now on: uncaught exceptions, and with `console` the console's errors too.
 * The array fills as the test runs; expect it to equal [] at the end.
 */
export function collectErrors(page: Page, { console = false } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (console) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }
  return errors;
}
