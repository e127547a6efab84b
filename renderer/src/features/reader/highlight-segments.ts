// Splitting a block's text at every annotation boundary, so overlapping annotations render as nested
// <mark>s over the pieces they share instead of needing overlapping elements.
import type { TextBlock } from '../../../../shared/domain/article-text';
import type { Annotation } from '../../../../shared/domain/types';

export interface Segment {
  /** Code point offsets in the stored text. */
  start: number;
  end: number;
  text: string;
  /** Annotations covering the whole segment, outermost (earliest, then longest) first. */
  annotations: Annotation[];
  /** Inside the range being tagged right now. */
  pending: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export function blockSegments(
  block: Pick<TextBlock, 'text' | 'start' | 'end'>,
  annotations: readonly Annotation[],
  pending: Span | null = null,
): Segment[] {
  const inBlock = annotations.filter((a) => a.position.start < block.end && a.position.end > block.start);
  const p = pending && pending.start < block.end && pending.end > block.start ? pending : null;
  if (inBlock.length === 0 && !p)
    return [{ start: block.start, end: block.end, text: block.text, annotations: [], pending: false }];
  const clamp = (n: number) => Math.min(block.end, Math.max(block.start, n));
  const cuts = new Set<number>([block.start, block.end]);
  for (const a of inBlock) {
    cuts.add(clamp(a.position.start));
    cuts.add(clamp(a.position.end));
  }
  if (p) {
    cuts.add(clamp(p.start));
    cuts.add(clamp(p.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const outerFirst = [...inBlock].sort(
    (a, b) => a.position.start - b.position.start || b.position.end - a.position.end,
  );
  const cps = Array.from(block.text);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    out.push({
      start,
      end,
      text: cps.slice(start - block.start, end - block.start).join(''),
      annotations: outerFirst.filter((a) => a.position.start <= start && a.position.end >= end),
      pending: !!p && p.start <= start && p.end >= end,
    });
  }
  return out;
}
