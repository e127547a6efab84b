// One block of the stored text (title, lead or paragraph) with its highlights. Text is rendered as React
// text only; overlapping annotations become nested <mark>s over shared segments.
import { Fragment, memo, useMemo, type ElementType, type ReactNode } from 'react';
import type { TextBlock } from '../../../../shared/domain/article-text';
import type { Annotation } from '../../../../shared/domain/types';
import { blockSegments, type Span } from './highlight-segments';

interface Props {
  as: ElementType;
  block: TextBlock;
  annotations: readonly Annotation[];
  claimTexts: ReadonlyMap<string, string>;
  flashId: string | null;
  /** The range being tagged, shown while the tag form has focus and the browser selection is hidden. */
  pending?: Span | null;
  className?: string;
  testId?: string;
}

export const ReaderBlock = memo(function ReaderBlock({
  as: Tag,
  block,
  annotations,
  claimTexts,
  flashId,
  pending = null,
  className,
  testId,
}: Props) {
  const segments = useMemo(() => blockSegments(block, annotations, pending), [block, annotations, pending]);
  return (
    <Tag className={className} data-block-start={block.start} data-block-end={block.end} data-testid={testId}>
      {segments.map((seg) => {
        let node: ReactNode = seg.pending ? <span className="hl-pending">{seg.text}</span> : seg.text;
        // Innermost first, so the outermost (earliest, longest) annotation wraps the rest.
        for (let i = seg.annotations.length - 1; i >= 0; i--) {
          const a = seg.annotations[i] as Annotation;
          node = (
            <mark
              data-annotation-id={a.id}
              data-stance={a.stance}
              className={`hl hl--${a.stance}${a.id === flashId ? ' is-flash' : ''}`}
              title={`${a.stance}: ${claimTexts.get(a.claimId) ?? 'claim'}${a.speaker ? ` (${a.speaker})` : ''}`}
            >
              {node}
            </mark>
          );
        }
        return <Fragment key={seg.start}>{node}</Fragment>;
      })}
    </Tag>
  );
});
