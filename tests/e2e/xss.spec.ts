// The XSS corpus (tests/fixtures/xss: script tags, inline handlers, javascript: and data: URLs in links, og:url
// and canonical, frames/objects/embeds, CSS that calls home, meta refresh, <base>, mutation-XSS tricks,
// Markdown with raw HTML, payload titles in .txt) dropped into the app, each imported article opened in the
// reader. Whatever the importers keep must stay inert text:
// - no dialog, no page error, no console error;
// - no CSP violation (any violation means something tried to run or load) — collected in the page;
// - no request to anything but the host's own origin;
// - no element is ever added with an on* attribute, a javascript:/data: URL, or a tag the app never makes
//   (a MutationObserver watches the whole document from the start);
// - the reader holds only the elements the reader renders, and its one link (the article URL) is http(s) only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { AppPage } from './pages/app';
import { ImportReport } from './pages/import-report';
import { Reader } from './pages/reader';

const XSS_DIR = join(ROOT, 'tests/fixtures/xss');
const CORPUS = readdirSync(XSS_DIR)
  .filter((f) => /\.(html|txt|md)$/.test(f))
  .sort();

/** Files whose names are the payload (a name may hold anything but a path separator or NUL). */
const HOSTILE_NAMES = [
  {
    name: `"><img src=x onerror=alert('xss:file-name')>.txt`,
    text: 'Hostile file name\n\nThe city library reopened after renovation with a new reading room and longer opening hours for students.\n\nVisitors praised the quiet study spaces, while staff said the digital archive would follow later in the year.',
  },
  {
    name: `<svg onload=alert('xss:file-name-md')>.md`,
    text: '# A note about a file name\n\nThe weather service issued a storm warning for the coast, advising fishing boats to stay in harbour until Thursday.\n\nSchools in the affected districts will close early, and ferry services to the islands have been suspended.',
  },
];

/** What the reader renders (Reader, ReaderMeta, ReaderBlock, StanceLegend): anything else came from an article. */
// The reader's own markup; BUTTON is its Re-extract control. Imported content only ever becomes text in these.
const READER_TAGS = ['ARTICLE', 'H1', 'DIV', 'P', 'SPAN', 'TIME', 'A', 'MARK', 'UL', 'LI', 'BUTTON'];

/** Installed before any page script: records CSP violations and every suspicious element ever added. */
function watchdog() {
  const w = window as unknown as { __xss: { violations: string[]; suspicious: string[] } };
  w.__xss = { violations: [], suspicious: [] };
  document.addEventListener(
    'securitypolicyviolation',
    (e) =>
      w.__xss.violations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample ?? ''}`,
      ),
    true,
  );
  // Tags the app never renders (it has forms and inputs of its own, so those are judged by their attributes).
  const NEVER = new Set([
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'FRAMESET',
    'OBJECT',
    'EMBED',
    'APPLET',
    'BASE',
    'META',
    'LINK',
    'STYLE',
    'IMG',
    'SVG',
    'MATH',
    'TEMPLATE',
    'NOSCRIPT',
    'PORTAL',
    'WEBVIEW',
    'VIDEO',
    'AUDIO',
    'SOURCE',
    'MARQUEE',
    'DETAILS',
  ]);
  const URL_ATTRS = [
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'xlink:href',
    'srcdoc',
    'background',
    'poster',
  ];
  let loaded = false;
  document.addEventListener('DOMContentLoaded', () => (loaded = true));
  const inspect = (el: Element) => {
    const tag = el.tagName.toUpperCase();
    // index.html's own head (meta, link, the module script) is there before DOMContentLoaded.
    if (loaded && NEVER.has(tag)) w.__xss.suspicious.push(`<${tag.toLowerCase()}> added`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      // Browsers ignore whitespace and control characters in a URL's scheme ("java\tscript:").
      const value = Array.from(a.value)
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (name.startsWith('on')) w.__xss.suspicious.push(`<${tag.toLowerCase()} ${name}>`);
      if (URL_ATTRS.includes(name) && /^(javascript|vbscript|data:text|data:image\/svg)/.test(value))
        w.__xss.suspicious.push(`<${tag.toLowerCase()} ${name}="${a.value.slice(0, 60)}">`);
      if (name === 'style' && /url\(|expression\(/i.test(a.value))
        w.__xss.suspicious.push(`<${tag.toLowerCase()} style="${a.value.slice(0, 60)}">`);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) inspect(r.target);
      for (const n of Array.from(r.addedNodes)) {
        if (!(n instanceof Element)) continue;
        inspect(n);
        n.querySelectorAll('*').forEach(inspect);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

interface Watch {
  dialogs: string[];
  errors: string[];
  foreign: string[];
  popups: string[];
}

async function open(page: Page, url: string): Promise<Watch> {
  const origin = new URL(url).origin;
  const watch: Watch = { dialogs: [], errors: [], foreign: [], popups: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text()))
      watch.errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    // The favicon is an empty data: URL in index.html; everything else must come from the host.
    if (new URL(r.url()).origin !== origin && r.url() !== 'data:,')
      watch.foreign.push(`${r.method()} ${r.url()}`);
  });
  page.on('popup', (p) => watch.popups.push(p.url()));
  await page.addInitScript(watchdog);
  await new AppPage(page).open(url);
  return watch;
}

async function expectInert(page: Page, watch: Watch, where: string) {
  // Give anything delayed (a refresh, an onload, a timer) the chance to fire before judging.
  await page.waitForTimeout(300);
  const page_ = (await page.evaluate(
    () => (window as unknown as { __xss: { violations: string[]; suspicious: string[] } }).__xss,
  )) ?? {
    violations: ['watchdog missing'],
    suspicious: [],
  };
  expect(watch.dialogs, `${where}: dialogs`).toEqual([]);
  expect(page_.violations, `${where}: CSP violations`).toEqual([]);
  expect(page_.suspicious, `${where}: suspicious elements`).toEqual([]);
  expect(watch.errors, `${where}: errors`).toEqual([]);
  expect(watch.foreign, `${where}: requests off the host`).toEqual([]);
  expect(watch.popups, `${where}: popups`).toEqual([]);
  expect(new URL(page.url()).pathname, `${where}: the page did not navigate`).toBe('/');
}

/** Reader checks: only the reader's own elements, and only an http(s) link. */
async function expectInertReader(page: Page, where: string) {
  const facts = await page.evaluate(() => {
    const reader = document.querySelector('[data-testid="reader"]')!;
    const tags = [...new Set(Array.from(reader.querySelectorAll('*')).map((e) => e.tagName))];
    const links = Array.from(reader.querySelectorAll('a')).map((a) => ({
      href: a.getAttribute('href'),
      testid: a.getAttribute('data-testid'),
    }));
    // (index.html's own favicon is an empty data: URL in the head; the body must have none.)
    const anyJs = Array.from(document.body.querySelectorAll('[href],[src],[action]')).filter((e) =>
      /^\s*(javascript|vbscript|data):/i.test(
        e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '',
      ),
    ).length;
    const unsafe = Array.from(reader.querySelectorAll('.reader-url.is-unsafe')).map((e) => ({
      tag: e.tagName,
      href: e.getAttribute('href'),
      role: e.getAttribute('role'),
    }));
    return { tags, links, anyJs, unsafe };
  });
  expect(
    facts.tags.filter((t) => !READER_TAGS.includes(t)),
    `${where}: elements in the reader`,
  ).toEqual([]);
  for (const l of facts.links) {
    expect(l.testid, `${where}: the reader's only link is the article URL`).toBe('reader-url');
    expect(l.href ?? '', `${where}: link`).toMatch(/^https?:\/\/[^\s]+$/);
  }
  expect(facts.anyJs, `${where}: javascript:/data: URLs anywhere`).toBe(0);
  for (const u of facts.unsafe)
    expect(u, `${where}: a refused URL is plain text`).toEqual({ tag: 'SPAN', href: null, role: null });
}

async function dropAndOpenAll(page: Page, files: Array<{ name: string; bytes: Buffer }>) {
  const [app, report, reader] = [new AppPage(page), new ImportReport(page), new Reader(page)];
  await app.drop(files);
  await expect(report.results).toHaveCount(files.length);
  const statuses = await report.results.evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-status')} ${e.textContent}`),
  );
  for (const s of statuses)
    expect(s, 'every corpus file is imported (else it tests nothing)').toMatch(/^(imported|near-duplicate) /);
  await expect(app.rows).toHaveCount(files.length);
  for (let i = 0; i < files.length; i++) {
    await app.rows.nth(i).click();
    await expect(reader.title).toBeVisible();
    await expectInertReader(page, `row ${i}`);
  }
}

const corpusFile = (name: string) => ({ name, bytes: readFileSync(join(XSS_DIR, name)) });

test.describe('XSS corpus', () => {
  for (const name of CORPUS) {
    test(`${name}: imported, opened, inert`, async ({ page, workbench, app, report, reader }) => {
      const watch = await open(page, workbench.url);
      await app.drop([corpusFile(name)]);
      await expect(report.results).toHaveCount(1);
      await expect(report.results, `${name} must import, or the case tests nothing`).toHaveAttribute(
        'data-status',
        /^(imported|near-duplicate)$/,
      );
      await app.rows.first().click();
      await expect(reader.title).toBeVisible();
      await expectInertReader(page, name);
      // A refused (non-http) article URL is text: clicking it does nothing.
      const unsafe = reader.root.locator('.reader-url.is-unsafe');
      if ((await unsafe.count()) > 0) await unsafe.click();
      await expectInert(page, watch, name);
    });
  }

  test('payload titles are shown as the text they are', async ({ page, workbench, app, reader }) => {
    const watch = await open(page, workbench.url);
    await app.drop([corpusFile('title-payload.txt')]);
    await app.rows.first().click();
    await expect(reader.title).toHaveText(`<img src=x onerror=alert('xss:title-payload')>`);
    await expect(app.rows.first()).toContainText(`<img src=x onerror=alert('xss:title-payload')>`);
    await expectInert(page, watch, 'title-payload.txt');
  });

  test('a javascript: og:url, canonical or front-matter url never becomes a link', async ({
    page,
    workbench,
  }) => {
    const watch = await open(page, workbench.url);
    await dropAndOpenAll(page, ['javascript-urls.html', 'raw-html.md', 'url-lines.txt'].map(corpusFile));
    await expect(page.locator('a[href]')).toHaveCount(
      await page.locator('a[href^="http://"], a[href^="https://"]').count(),
    );
    await expectInert(page, watch, 'javascript: URLs');
  });

  test('hostile file names, and the whole corpus at once in the list, the report and the reader', async ({
    page,
    workbench,
    app,
    report,
  }) => {
    const watch = await open(page, workbench.url);
    const named = HOSTILE_NAMES.map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));
    await dropAndOpenAll(page, [...CORPUS.map(corpusFile), ...named]);
    for (const f of HOSTILE_NAMES) await expect(report.result(f.name)).toHaveCount(1);
    // Search, the claims view and the export buttons render library text too.
    await app.showClaims();
    await app.showArticles();
    await expectInert(page, watch, 'whole corpus');
  });

  test('the watchdog itself notices a dialog, a CSP violation and injected elements', async ({
    page,
    workbench,
  }) => {
    const watch = await open(page, workbench.url);
    await page.evaluate(() => {
      alert('canary');
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.body.appendChild(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__ran = 2');
      img.src = 'https://evil.example/canary.png';
      document.body.appendChild(img);
      void fetch('https://evil.example/canary').catch(() => undefined);
    });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        __xss: { violations: string[]; suspicious: string[] };
        __ran?: number;
      };
      return { __xss: w.__xss, __ran: w.__ran };
    });
    expect(watch.dialogs).toEqual(['canary']);
    expect(seen.__xss.violations.length).toBeGreaterThan(0);
    expect(seen.__xss.suspicious.join(' ')).toMatch(/<script> added.*onerror|onerror.*<script> added/s);
    expect(seen.__ran).toBeUndefined();
    expect(watch.errors.join(' ')).toMatch(/Content Security Policy|Refused/);
  });
});
