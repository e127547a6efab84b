// Each test gets its own library folder and its own host process (the built CLI's `serve`), so the
// browser talks to the real services and real lowdb files on disk.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests/fixtures/articles');
export const SPUTNIK = '004_c43401fc495b10b3.txt';
export const FOGLIETTONE = '000_9779fd24ea47166c.txt';

export interface Workbench {
  url: string;
  libraryDir: string;
  child: ChildProcess;
}

export async function startHost(libraryDir: string): Promise<Workbench> {
  const child = spawn('node', [join(ROOT, 'out/cli/cli.js'), 'serve', '--library', libraryDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let errText = '';
  child.stderr!.on('data', (c) => (errText += c));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c) => {
      buf += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${errText}`)));
  });
  return { url, libraryDir, child };
}

export const test = base.extend<{ workbench: Workbench }>({
  // Playwright requires the fixtures argument to be an object pattern, even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  workbench: async ({}, use) => {
    const libraryDir = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
    const wb = await startHost(libraryDir);
    await use(wb);
    wb.child.kill('SIGTERM');
    rmSync(libraryDir, { recursive: true, force: true });
  },
});
export { expect };

/** Drop files on an element with a real `drop` event carrying a DataTransfer, as a file manager would. */
export async function dropFiles(page: Page, selector: string, files: Array<{ name: string; bytes: Buffer; type?: string }>) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? 'text/plain', b64: f.bytes.toString('base64') }));
  await page.locator(selector).first().evaluate((target, items) => {
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], it.name, { type: it.type }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}

export const fixtureFile = (name: string) => ({ name, bytes: readFileSync(join(FIXTURES, name)) });

/** Select a phrase inside `container` by dragging the mouse across it, as a user would. */
export async function selectWithMouse(page: Page, container: string, phrase: string) {
  const box = await page.locator(container).evaluate((root, text) => {
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
      return end ? { x: rect.right - 1, y: rect.top + rect.height / 2 } : { x: rect.left + 1, y: rect.top + rect.height / 2 };
    };
    const s = locate(at);
    const e = locate(at + text.length);
    (s.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    return { start: rectOf(s, false), end: rectOf(e, true) };
  }, phrase);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move((box.start.x + box.end.x) / 2, (box.start.y + box.end.y) / 2, { steps: 4 });
  await page.mouse.move(box.end.x, box.end.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  if (selected.trim() !== phrase) throw new Error(`selected "${selected}" instead of "${phrase}"`);
}

/**
 * Drop files or folders from disk on an element, as a file manager does: through the browser's own drag
 * input (CDP Input.dispatchDragEvent), so the page gets real File System entries and walks the folders
 * itself. A synthetic DragEvent cannot carry a folder.
 */
export async function dropPaths(page: Page, selector: string, paths: string[]) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`nothing to drop on: ${selector} is not visible`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  await cdp.detach();
}
