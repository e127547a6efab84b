// The helpers behind the HTML importer: source repairs before parsing, and the DOM → paragraphs conversion.
import {
  parsePage,
  type DomElement,
  type DomNode,
} from '../../../../../../electron/services/import/formats/dom';
import {
  ensureBody,
  limitNesting,
  scanTags,
} from '../../../../../../electron/services/import/formats/html-source';
import {
  contentToParagraphs,
  hasTextOutsideLinks,
} from '../../../../../../electron/services/import/formats/html-text';

/** linkedom's own tree-building methods, for a tree deeper than a parser would hand over. */
interface Buildable extends DomElement {
  ownerDocument: { createElement(name: string): Buildable; createTextNode(text: string): DomNode };
  appendChild(node: DomNode): unknown;
}

const body = (html: string) =>
  parsePage(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body as Buildable;
const paragraphs = (html: string) => contentToParagraphs(body(html));

describe('contentToParagraphs', () => {
  it('makes a paragraph of every block and joins inline elements', () => {
    expect(
      paragraphs(
        '<p>One <em>two</em> th<b>ree</b></p><div>Four</div><h2>Five</h2><blockquote>Six</blockquote>',
      ),
    ).toEqual(['One two three', 'Four', 'Five', 'Six']);
  });

  it('keeps text around nested blocks in order', () => {
    expect(paragraphs('<div>Before<p>Inside</p>After <span>that</span></div>')).toEqual([
      'Before',
      'Inside',
      'After that',
    ]);
  });

  it('collapses HTML whitespace and no-break spaces', () => {
    expect(paragraphs('<p>  Lots\n\tof   \u00a0 space\u200b here  </p>')).toEqual(['Lots of space here']);
  });

  it('turns <br> into a line break inside the paragraph and drops empty lines', () => {
    expect(paragraphs('<p>Line one<br>Line two<br><br><br>Line three<br></p>')).toEqual([
      'Line one\nLine two\nLine three',
    ]);
  });

  it('keeps the lines of <pre>', () => {
    expect(paragraphs('<pre>first line\n  indented line\n\nafter a blank</pre>')).toEqual([
      'first line\nindented line\nafter a blank',
    ]);
  });

  it('makes list items paragraphs', () => {
    expect(
      paragraphs('<ul><li>Alpha</li><li>Beta <a href="#">gamma</a></li><li><p>Delta</p></li></ul>'),
    ).toEqual(['Alpha', 'Beta gamma', 'Delta']);
  });

  it('reads a simple table row as one line and a layout table cell by cell', () => {
    expect(
      paragraphs(
        '<table><tr><th>City</th><th>Killed</th></tr><tr><td>Rome</td><td></td><td>3</td></tr></table>',
      ),
    ).toEqual(['City | Killed', 'Rome | 3']);
    expect(
      paragraphs('<table><tr><td><p>Story text.</p><p>More.</p></td><td>Side</td></tr></table>'),
    ).toEqual(['Story text.', 'More.', 'Side']);
  });

  it('keeps figure captions', () => {
    expect(
      paragraphs('<figure><img src="x.jpg"><figcaption>The harbour at dawn.</figcaption></figure>'),
    ).toEqual(['The harbour at dawn.']);
  });

  it('skips scripts, styles, forms and media fallbacks', () => {
    expect(
      paragraphs(
        '<p>Text</p><script>code()</script><style>p{}</style><button>Click</button><video>No video support</video><select><option>Opt</option></select>',
      ),
    ).toEqual(['Text']);
  });

  it('drops paragraphs of bullets and separators alone', () => {
    expect(paragraphs('<p>Real</p><p>•</p><p>* * *</p><p>|</p>')).toEqual(['Real']);
  });

  it('never produces a blank line inside a paragraph', () => {
    for (const p of paragraphs('<p>a<br><br>b</p><pre>c\n\n\nd</pre>')) expect(p).not.toContain('\n\n');
  });

  it('walks 20,000 levels without recursion', () => {
    const deep = body('x');
    let el: Buildable = deep;
    const doc = deep.ownerDocument;
    for (let i = 0; i < 20_000; i++) {
      const d = doc.createElement('span');
      el.appendChild(d);
      el = d;
    }
    el.appendChild(doc.createTextNode(' deep text'));
    expect(contentToParagraphs(deep)).toEqual(['x deep text']);
  });
});

describe('hasTextOutsideLinks', () => {
  it('tells text from a block of links', () => {
    expect(
      hasTextOutsideLinks(body('<ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul>')),
    ).toBe(false);
    expect(hasTextOutsideLinks(body('<p>Read <a href="/a">this</a></p>'))).toBe(true);
  });
});

describe('ensureBody', () => {
  it('leaves a page with <body> alone', () => {
    const html = '<html><head><title>x</title></head><body><p>y</p></body></html>';
    expect(ensureBody(html)).toBe(html);
  });

  it('gives a fragment the structure a browser would imply', () => {
    const fixed = ensureBody('<!-- saved --><meta charset="utf-8"><title>T</title><p>Text</p>');
    expect(fixed).toBe(
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title></head><body><p>Text</p></body></html>',
    );
    const document = parsePage(fixed);
    expect(document.querySelector('head > title')?.textContent).toBe('T');
    expect(document.body?.textContent).toBe('Text');
  });

  it('keeps the <html> attributes', () => {
    expect(ensureBody('<html lang="it" dir="ltr"><head><title>T</title></head><p>Testo</p></html>')).toBe(
      '<!DOCTYPE html><html lang="it" dir="ltr"><head><title>T</title></head><body><p>Testo</p></body></html>',
    );
  });
});

describe('scanTags and limitNesting', () => {
  it('counts elements and nesting, ignoring void elements, optional end tags and script text', () => {
    expect(
      scanTags('<div><div><p>a<br><img src=x><p>b</div></div><script>"<div><div><div>"</script>'),
    ).toEqual({ elements: 7, depth: 2 });
  });

  it('leaves normal pages untouched', () => {
    const html = '<div><section><p>text</p></section></div>';
    expect(limitNesting(html, 5)).toBe(html);
  });

  it('drops tags beyond the limit and keeps their text', () => {
    const out = limitNesting(`${'<div>'.repeat(10)}deep text${'</div>'.repeat(10)}`, 3);
    expect(out).toBe('<div><div><div> deep text </div></div></div>');
  });
});
