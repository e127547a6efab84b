// DOM selection → code point offsets of the stored text. Each rendered block carries data-block-start
// (and data-block-end); a boundary's offset is the block's start plus the characters of the block's text
// nodes before it. Blocks are separated by "\n\n" in the stored text, so a range across blocks still maps
// to one [start, end) span.
import { codePointLength, describeRange } from '../../../../shared/domain/article-text';

const BLOCK_ATTR = 'data-block-start';

function blockOf(node: Node, root: Element): Element | null {
  for (let n: Node | null = node; n && n !== root.parentNode; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(BLOCK_ATTR)) return n as Element;
  }
  return null;
}

const blockStart = (el: Element) => Number(el.getAttribute(BLOCK_ATTR));
const blockEnd = (el: Element) => {
  const end = el.getAttribute('data-block-end');
  return end !== null ? Number(end) : blockStart(el) + codePointLength(el.textContent ?? '');
};

/** Code point offset of a boundary point inside a block element. */
function offsetInBlock(block: Element, node: Node, offset: number): number {
  const r = block.ownerDocument.createRange();
  r.setStart(block, 0);
  r.setEnd(node, offset);
  // Range text is UTF-16; a boundary is never inside a surrogate pair, so counting code points is exact.
  return blockStart(block) + codePointLength(r.toString());
}

/** Where a boundary lying outside every block (a margin, the meta line) falls in the text. */
function offsetBetweenBlocks(
  root: Element,
  node: Node,
  offset: number,
  side: 'start' | 'end',
): number | null {
  const blocks = Array.from(root.querySelectorAll(`[${BLOCK_ATTR}]`));
  const point = root.ownerDocument.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  if (side === 'start') {
    // The first block beginning after the boundary.
    const next = blocks.find((b) => point.comparePoint(b, 0) >= 0);
    return next ? blockStart(next) : null;
  }
  // The last block ending before the boundary.
  const prev = [...blocks].reverse().find((b) => point.comparePoint(b, b.childNodes.length) <= 0);
  return prev ? blockEnd(prev) : null;
}

function boundaryOffset(root: Element, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const block = blockOf(node, root);
  return block ? offsetInBlock(block, node, offset) : offsetBetweenBlocks(root, node, offset, side);
}

/** Code point [start, end) of a DOM range within the reader root; null when it covers no text there. */
export function rangeToOffsets(range: Range, root: Element): { start: number; end: number } | null {
  if (range.collapsed || !range.intersectsNode(root)) return null;
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Shrink [start, end) so it neither begins nor ends with whitespace; null when nothing is left. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } | null {
  const cps = Array.from(text);
  let s = Math.max(0, start);
  let e = Math.min(cps.length, end);
  while (s < e && /\s/u.test(cps[s] ?? '')) s++;
  while (e > s && /\s/u.test(cps[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}

export interface TextSelection {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** A DOM range in the reader as a trimmed selection of the stored text, with its quote selector. */
export function selectionFromRange(range: Range, root: Element, storedText: string): TextSelection | null {
  const raw = rangeToOffsets(range, root);
  if (!raw) return null;
  const trimmed = trimOffsets(storedText, raw.start, raw.end);
  if (!trimmed) return null;
  const { quote } = describeRange(storedText, trimmed.start, trimmed.end);
  return {
    start: trimmed.start,
    end: trimmed.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };
}
