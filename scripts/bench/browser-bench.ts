// Measurements in Debian's Chromium against the real host (`node out/cli/cli.js serve --library <dir>`):
// opening the library to an interactive list, the host's peak memory through open + list + search, and
// frame times while wheel-scrolling the article list (100,000 rows) and a reader with 500 highlights.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import type { ArticleSummary } from '../../shared/domain/types';
import { frameDeltas } from './stats';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1400, height: 900 };

export interface HostProcess {
  pid: number;
  openUrl: string;
  /** From spawning `node cli.js serve` to the URL being printed (opening the library included). */
  startupMs: number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  rss(): number;
  stop(): Promise<void>;
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : NaN;
}

export async function startHost(cliPath: string, libDir: string): Promise<HostProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'serve', '--library', libDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the host did not start in 120 s: ${stderr.slice(0, 500)}`)),
      120_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}): ${stderr.slice(0, 500)}`));
    });
  });
  const startupMs = performance.now() - started;
  const pid = child.pid!;
  return {
    pid,
    openUrl,
    startupMs,
    peakRss: () => procStatus(pid, 'VmHWM'),
    rss: () => procStatus(pid, 'VmRSS'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

const ROW = '[data-testid="article-row"]';

/**
 * From page.goto(openUrl) to the first article row being visible and actionable (Playwright's trial click:
 * attached, visible, stable, enabled and the topmost element at its centre). A fresh context each time, so
 * the token → cookie exchange and the whole list load are in every run.
 */
export async function timeOpenToList(
  browser: Browser,
  openUrl: string,
): Promise<{ ms: number; rows: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const t = performance.now();
    await page.goto(openUrl);
    await page.locator(ROW).first().click({ trial: true, timeout: 60_000 });
    const ms = performance.now() - t;
    return { ms, rows: (await page.getByTestId('article-count').textContent()) ?? '' };
  } finally {
    await context.close();
  }
}

/** Type a query into the filter and wait until full-text hits (rows with a snippet) are shown. */
export async function searchInUi(page: Page, query: string, timeoutMs = 120_000): Promise<number> {
  const filter = page.getByTestId('article-filter');
  await filter.fill('');
  const t = performance.now();
  await filter.fill(query);
  await page.getByTestId('row-snippet').first().waitFor({ state: 'visible', timeout: timeoutMs });
  return performance.now() - t;
}

/**
 * requestAnimationFrame deltas (ms) while the mouse wheel scrolls whatever is under (x, y): `steps` wheel
 * events of `deltaY` pixels, sent back to back through the DevTools protocol (each waits for the browser to
 * take it, which paces them at a few ms apart: a fast, continuous scroll).
 */
export async function wheelFrames(
  page: Page,
  x: number,
  y: number,
  steps: number,
  deltaY: number,
): Promise<{ deltas: number[]; scrolled: number }> {
  await page.mouse.move(x, y);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    const loop = (t: number) => {
      w.__frames.push(t);
      if (!w.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, deltaY);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  const scrolled = await page.evaluate(
    ([px, py]) => {
      let el: Element | null = document.elementFromPoint(px!, py!);
      while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
      return el ? el.scrollTop : 0;
    },
    [x, y],
  );
  return { deltas: frameDeltas(frames), scrolled };
}

/** requestAnimationFrame deltas (ms) over `n` frames with no input: the browser's own floor. */
export async function idleFrames(page: Page, n: number): Promise<number[]> {
  const frames = await page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const ts: number[] = [];
        const loop = (t: number) => {
          ts.push(t);
          if (ts.length <= count) requestAnimationFrame(loop);
          else resolve(ts);
        };
        requestAnimationFrame(loop);
      }),
    n,
  );
  return frameDeltas(frames);
}

/** `n` small article summaries: what articles.list answers for a library of n tiny articles. */
export function syntheticSummaries(n: number): ArticleSummary[] {
  const outlets = [
    { name: 'ANSA', domain: 'ansa.it' },
    { name: 'Reuters', domain: 'reuters.com' },
    { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
    { name: 'BBC', domain: 'bbc.co.uk' },
  ];
  return Array.from({ length: n }, (_, i) => {
    const id = `r${i.toString(36).padStart(8, '0')}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      id,
      fileName: `${id}.txt`,
      sha256: id.padEnd(64, '0'),
      importedAt: '2024-06-01T09:00:00.000Z',
      title: `Articolo di prova numero ${i}: ${i % 3 ? 'governo e parlamento' : 'the summit talks'}`,
      outlet: outlets[i % outlets.length]!,
      url: `https://example.org/${id}`,
      published: `20${10 + (i % 14)}-0${(i % 9) + 1}-${day}`,
      modified: null,
      language: i % 3 ? 'it' : 'en',
      author: null,
      lead: '',
      wordCount: 600,
      size: 4000,
      claimCount: i % 5,
      annotationCount: i % 7,
    };
  });
}

/** Serve the real renderer, but answer articles.list with `rows` (every other call goes to the host). */
export async function routeListTo(context: BrowserContext, rows: ArticleSummary[]): Promise<void> {
  const body = JSON.stringify({ ok: true, result: rows });
  await context.route('**/api/rpc', async (route) => {
    const req = route.request().postDataJSON() as { method?: string } | null;
    if (req?.method === 'articles.list')
      await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
    else await route.continue();
  });
}

export async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
