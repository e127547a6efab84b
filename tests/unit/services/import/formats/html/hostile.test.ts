// Hostile and broken pages: nothing may crash the import, hang it, run code or reach the network.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { extractHtml, MAX_ELEMENTS } from '../../../../../../electron/services/import/formats/html';
import { extractFile } from '../../../../../../electron/services/import/formats/registry';
import { ImportRefusal } from '../../../../../../electron/services/import/refusal';

const SENTENCE = 'The minister said the talks would continue next week in Geneva, according to officials. ';
const ARTICLE = `<p>${SENTENCE.repeat(5)}</p>`;
const utf8 = (s: string) => new TextEncoder().encode(s);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

describe('hostile pages', () => {
  it('reads a truncated page', () => {
    const a = extractHtml(
      `<html><head><title>Cut short</title></head><body><article>${ARTICLE}<p>Half a paragraph and a link <a href="https://exa`,
    );
    expect(a.title).toBe('Cut short');
    expect(a.paragraphs[0]).toBe(SENTENCE.repeat(5).trim());
  });

  it('reads a page cut inside its head', () => {
    expect(() =>
      extractHtml('<html><head><title>Cut</title><meta name="description" content="never clo'),
    ).toThrow(ImportRefusal);
  });

  it('survives 10,000 nested divs, quickly', () => {
    const t0 = performance.now();
    const a = extractHtml(
      `<html><head><title>Deep</title></head><body>${'<div>'.repeat(10_000)}${ARTICLE}${'</div>'.repeat(10_000)}</body></html>`,
    );
    expect(a.paragraphs.join(' ')).toContain('The minister said the talks would continue');
    expect(seconds(t0)).toBeLessThan(10);
  });

  it('survives 10,000 nested unclosed inline tags', () => {
    const a = extractHtml(
      `<html><body><p>${'<span><b>'.repeat(5_000)}${SENTENCE.repeat(5)}</p></body></html>`,
    );
    expect(a.paragraphs.join(' ')).toContain('according to officials.');
  });

  it('refuses a page with absurdly many elements before parsing it', () => {
    const t0 = performance.now();
    expect(() =>
      extractHtml(`<html><body><p>${'<i>x</i>'.repeat(MAX_ELEMENTS + 10)}</p></body></html>`),
    ).toThrow(/page too complex to read/);
    expect(seconds(t0)).toBeLessThan(5);
  });

  it('reads a 5 MB page written on a single line', () => {
    const words = 'lorem ipsum dolor sit amet consectetur '.repeat(140_000);
    const html = `<html><head><title>One line</title></head><body><article><p>${words}</p><p>${SENTENCE}</p></article></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(html).not.toContain('\n');
    const t0 = performance.now();
    const a = extractHtml(html);
    expect(a.paragraphs[0]!.length).toBe(words.trim().length);
    expect(seconds(t0)).toBeLessThan(15);
  });

  it('runs no script, event handler or javascript: URL and keeps none of their text', () => {
    const flag = '__hostileRan';
    const html = `<html><head><title>Scripts</title>
      <script>globalThis.${flag} = 'head'</script>
      <script type="module">globalThis.${flag} = 'module'</script>
      <script src="data:text/javascript,globalThis.${flag}='src'"></script></head>
      <body onload="globalThis.${flag}='onload'">
      <article>${ARTICLE}
      <script>document.write('<p>WRITTEN BY SCRIPT</p>'); globalThis.${flag} = 'body'</script>
      <p>Second paragraph <img src="x" onerror="globalThis.${flag}='onerror'"> with a <a href="javascript:globalThis.${flag}='link'">link</a> and enough words to stay.</p>
      <noscript><p>NOSCRIPT FALLBACK TEXT</p></noscript>
      <iframe srcdoc="<script>parent.${flag}='iframe'</script>"></iframe>
      <svg><script>globalThis.${flag}='svg'</script><text>SVG TEXT</text></svg>
      <style>p::after { content: "STYLE TEXT" }</style>
      </article></body></html>`;
    const a = extractHtml(html);
    const text = [a.title, a.lead, ...a.paragraphs].join('\n');
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
    expect(text).not.toMatch(/globalThis|WRITTEN BY SCRIPT|document\.write|STYLE TEXT|SVG TEXT/);
    expect(a.paragraphs).toContain('Second paragraph with a link and enough words to stay.');
  });

  it('loads nothing over the network', async () => {
    const spies = [
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
    ];
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const html = `<html><head><title>Loads</title><link rel="stylesheet" href="https://tracker.example/a.css"><link rel="preload" href="https://tracker.example/font.woff2"><base href="https://tracker.example/"></head>
        <body><img src="https://tracker.example/pixel.gif" srcset="https://tracker.example/2x.gif 2x"><picture><source srcset="https://tracker.example/p.webp"></picture>
        <video src="https://tracker.example/v.mp4" poster="https://tracker.example/poster.jpg"></video><iframe src="https://tracker.example/frame"></iframe>
        <object data="https://tracker.example/o.swf"></object>${ARTICLE}<script src="https://tracker.example/a.js"></script></body></html>`;
      await extractFile('loads.html', utf8(html));
      await new Promise((r) => setTimeout(r, 20));
      for (const spy of [...spies, fetchSpy]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, fetchSpy]) spy.mockRestore();
    }
  });

  it('refuses an empty file and a file of whitespace', async () => {
    expect(await extractFile('a.html', new Uint8Array())).toEqual([
      { label: 'a.html', refusal: 'empty file' },
    ]);
    expect(await extractFile('a.html', utf8('   \n\t  '))).toEqual([
      { label: 'a.html', refusal: 'empty file (whitespace only)' },
    ]);
  });

  it('refuses a page whose only text is links', () => {
    expect(() =>
      extractHtml(
        '<html><body><nav><ul><li><a href="/a">World news</a></li><li><a href="/b">Business news</a></li></ul></nav></body></html>',
      ),
    ).toThrow('no article text found in the page');
  });

  it('does not choke on malformed JSON-LD, attributes or entities', () => {
    const html = `<html><head><title>Mess</title>
      <script type="application/ld+json">${'['.repeat(50_000)}</script>
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@id":"#loop"},"publisher":[{"@id":"#loop"}],"@id":"#loop","headline":"Loop"}</script>
      <meta property="og:title" content="&#xFFFFFFFF; &#0; &bogus; Title"></head>
      <body><p title="${'"'.repeat(3)} class=>${SENTENCE.repeat(4)}&#x110000;&#55296;</p></body></html>`;
    const a = extractHtml(html);
    expect(a.title).toBe('Loop');
    expect(a.paragraphs.join(' ')).toContain('according to officials.');
  });
});
