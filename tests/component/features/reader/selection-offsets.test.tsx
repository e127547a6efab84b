// The pure DOM Range → code point offsets mapping, on text where UTF-16 and code points differ.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articleBlocks, articleText, sliceCodePoints } from '../../../../shared/domain/article-text';
import type { Annotation } from '../../../../shared/domain/types';
import {
  rangeToOffsets,
  selectionFromRange,
  trimOffsets,
} from '../../../../renderer/src/features/reader/selection-offsets';
import { ReaderBlock } from '../../../../renderer/src/features/reader/ReaderBlock';
import { makeAnnotation, makeArticle } from '../../fake-api';

const article = makeArticle({
  id: 'emoji',
  title: 'Café 😀 olé',
  lead: 'Naïve façade 🇮🇹 crème',
  paragraphs: ['Über 👩‍👩‍👧 Straße — Ελλάδα 😀!', '  spaced  out  '],
});
const text = articleText(article);
const blocks = articleBlocks(article);

/** The reader's markup for this article: blocks with data-block-start, some text split by <mark>s. */
function renderBlocks(annotations: Annotation[] = []) {
  const { container } = render(
    <article>
      {blocks.map((b, i) => (
        <div key={b.start}>
          <ReaderBlock
            as={i === 0 ? 'h1' : 'p'}
            block={b}
            annotations={annotations}
            claimTexts={new Map()}
            flashId={null}
          />
          {i === 0 && <p className="meta">Outlet · 2022-01-07</p>}
        </div>
      ))}
    </article>,
  );
  return container.firstElementChild as HTMLElement;
}

/** Text node and UTF-16 offset for the n-th occurrence of `needle` in the root's text nodes. */
function point(root: Element, needle: string, after = false): [Node, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(needle);
    if (at >= 0) return [n, at + (after ? needle.length : 0)];
  }
  throw new Error(`not found: ${needle}`);
}

function rangeOf(start: [Node, number], end: [Node, number]): Range {
  const r = document.createRange();
  r.setStart(...start);
  r.setEnd(...end);
  return r;
}

describe('rangeToOffsets', () => {
  it('counts code points, not UTF-16 units, within a block', () => {
    const root = renderBlocks();
    const r = rangeOf(point(root, 'olé'), point(root, 'olé', true));
    const off = rangeToOffsets(r, root);
    // "Café 😀 " is 7 code points (8 UTF-16 units).
    expect(off).toEqual({ start: 7, end: 10 });
    expect(sliceCodePoints(text, off!.start, off!.end)).toBe('olé');
  });

  it('maps a selection after emoji and a ZWJ family in a paragraph', () => {
    const root = renderBlocks();
    const r = rangeOf(point(root, 'Ελλάδα'), point(root, '😀!', true));
    const off = rangeToOffsets(r, root)!;
    expect(sliceCodePoints(text, off.start, off.end)).toBe('Ελλάδα 😀!');
    const para = blocks[2]!;
    expect(off.start).toBeGreaterThan(para.start);
  });

  it('works when highlights split the text into several nodes', () => {
    const ann = makeAnnotation(article, {
      id: 'n1',
      claimId: 'c1',
      start: blocks[1]!.start + 6,
      end: blocks[1]!.start + 14,
    });
    const root = renderBlocks([ann]);
    expect(root.querySelectorAll('mark')).toHaveLength(1);
    const r = rangeOf(point(root, 'Naïve'), point(root, 'crème', true));
    const off = rangeToOffsets(r, root)!;
    expect(sliceCodePoints(text, off.start, off.end)).toBe('Naïve façade 🇮🇹 crème');
  });

  it('spans blocks (the blank line between them is part of the stored text)', () => {
    const root = renderBlocks();
    const r = rangeOf(point(root, 'olé'), point(root, 'Naïve', true));
    const off = rangeToOffsets(r, root)!;
    expect(sliceCodePoints(text, off.start, off.end)).toBe('olé\n\nNaïve');
  });

  it('clamps a boundary lying outside any block (the meta line) to the nearest block edge', () => {
    const root = renderBlocks();
    const meta = root.querySelector('.meta')!;
    const fromMeta = rangeOf([meta.firstChild!, 3], point(root, 'façade', true));
    expect(
      sliceCodePoints(text, ...(Object.values(rangeToOffsets(fromMeta, root)!) as [number, number])),
    ).toBe('Naïve façade');
    const toMeta = rangeOf(point(root, 'Café'), [meta.firstChild!, 3]);
    expect(rangeToOffsets(toMeta, root)).toEqual({ start: 0, end: blocks[0]!.end });
  });

  it('accepts element boundaries', () => {
    const root = renderBlocks();
    const h1 = root.querySelector('h1')!;
    const r = document.createRange();
    r.setStart(h1, 0);
    r.setEnd(h1, h1.childNodes.length);
    expect(rangeToOffsets(r, root)).toEqual({ start: 0, end: blocks[0]!.end });
  });

  it('returns null for collapsed ranges and ranges outside the root', () => {
    const root = renderBlocks();
    const p = point(root, 'olé');
    expect(rangeToOffsets(rangeOf(p, p), root)).toBeNull();
    const outside = document.createElement('div');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    expect(rangeToOffsets(rangeOf([outside.firstChild!, 0], [outside.firstChild!, 4]), root)).toBeNull();
    outside.remove();
  });
});

describe('selectionFromRange', () => {
  it('trims whitespace at both ends and gives the quote selector', () => {
    const root = renderBlocks();
    const last = blocks[3]!;
    const node = point(root, 'spaced')[0];
    const r = rangeOf([node, 0], [node, (node as Text).data.length]);
    const sel = selectionFromRange(r, root, text)!;
    expect(sel.exact).toBe('spaced  out');
    expect(sel.start).toBe(last.start + 2);
    expect(sel.end).toBe(last.start + 13);
    expect(sel.prefix.endsWith('😀!\n\n  ')).toBe(true);
    expect(sel.suffix).toBe('  ');
  });

  it('is null for a whitespace-only selection', () => {
    const root = renderBlocks();
    const node = point(root, 'spaced')[0];
    expect(selectionFromRange(rangeOf([node, 0], [node, 2]), root, text)).toBeNull();
  });
});

describe('trimOffsets', () => {
  it('trims by code points', () => {
    expect(trimOffsets(' 😀 a ', 0, 5)).toEqual({ start: 1, end: 4 });
    expect(trimOffsets('   ', 0, 3)).toBeNull();
  });
});
