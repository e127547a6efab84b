// The reader: an article opened from the list, text selected with the mouse, a claim tagged on the selection,
// and the marks and annotation list that show what was tagged.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Tag {
  claim: string;
  stance: string;
  speaker?: string;
  /** Cite a claim the library already holds: type this much of it, then pick it from the typeahead. */
  pick?: string;
}

export class Reader {
  readonly root: Locator;
  readonly title: Locator;
  readonly meta: Locator;
  readonly annotations: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reader');
    this.title = page.getByTestId('reader-title');
    this.meta = page.getByTestId('reader-meta');
    this.annotations = page.getByTestId('annotation-item');
  }

  /** Open the article titled `title` from the list, and wait until the reader shows it. */
  async open(title: string): Promise<void> {
    await this.page.getByTestId('article-row').filter({ hasText: title }).click();
    await expect(this.title).toHaveText(title);
  }

  /** The highlights in the text, or those of one stance. */
  marks(stance?: string): Locator {
    return this.root.locator(stance ? `mark[data-stance="${stance}"]` : 'mark');
  }

  annotation(claim: string): Locator {
    return this.annotations.filter({ hasText: claim });
  }

  /**
   * Tag `phrase` as evidence for a claim, as a user does: select it with the mouse, Tag claim, name the
   * claim (or pick an existing one), stance, speaker, Save. Waits until the annotation and its mark show.
   */
  async tagClaim(phrase: string, tag: Tag): Promise<void> {
    await this.selectText(phrase);
    await this.page.getByTestId('tag-claim').click();
    await this.page.getByTestId('claim-input').fill(tag.pick ?? tag.claim);
    if (tag.pick !== undefined)
      await this.page.getByTestId('claim-option').filter({ hasText: tag.claim }).click();
    await this.page.getByTestId('stance-select').selectOption(tag.stance);
    if (tag.speaker !== undefined) await this.page.getByTestId('speaker-input').fill(tag.speaker);
    await this.page.getByTestId('save-annotation').click();
    await expect(this.annotation(tag.claim)).toBeVisible();
    await expect(
      this.marks(tag.stance)
        .filter({ hasText: phrase.split(' ')[0]! })
        .first(),
    ).toBeVisible();
  }

  async reextract(): Promise<void> {
    await this.page.getByTestId('reextract').click();
  }

  /** Select a phrase in the reader by dragging the mouse across it, as a user would. */
  async selectText(phrase: string): Promise<void> {
    const box = await this.root.evaluate((root, text) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let full = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        full += (n as Text).data;
      }
      const at = full.indexOf(text);
      if (at < 0) throw new Error(`phrase not found: ${text}`);
      const locate = (offset: number) => {
        let acc = 0;
        for (const n of nodes) {
          if (offset <= acc + n.data.length) return { node: n, offset: offset - acc };
          acc += n.data.length;
        }
        throw new Error('offset out of range');
      };
      const rectOf = (pos: { node: Text; offset: number }, end: boolean) => {
        const r = document.createRange();
        r.setStart(pos.node, end ? pos.offset - 1 : pos.offset);
        r.setEnd(pos.node, end ? pos.offset : pos.offset + 1);
        const rect = r.getClientRects()[0]!;
        return end
          ? { x: rect.right - 1, y: rect.top + rect.height / 2 }
          : { x: rect.left + 1, y: rect.top + rect.height / 2 };
      };
      const s = locate(at);
      const e = locate(at + text.length);
      (s.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      return { start: rectOf(s, false), end: rectOf(e, true) };
    }, phrase);
    const mouse = this.page.mouse;
    await mouse.move(box.start.x, box.start.y);
    await mouse.down();
    await mouse.move((box.start.x + box.end.x) / 2, (box.start.y + box.end.y) / 2, { steps: 4 });
    await mouse.move(box.end.x, box.end.y, { steps: 4 });
    await mouse.up();
    const selected = await this.page.evaluate(() => window.getSelection()?.toString() ?? '');
    if (selected.trim() !== phrase) throw new Error(`selected "${selected}" instead of "${phrase}"`);
  }
}
