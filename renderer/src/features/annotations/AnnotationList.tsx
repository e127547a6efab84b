// This article's annotations in reading order.
import { useMemo } from 'react';
import { useAppStore } from '../../state/store-context';
import { sortAnnotations } from '../../state/selectors';
import { AnnotationItem } from './AnnotationItem';

export function AnnotationList() {
  const article = useAppStore((s) => s.article);
  const claims = useAppStore((s) => s.claims);
  const sorted = useMemo(() => sortAnnotations(article?.annotations ?? []), [article]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  if (!article) return null;
  return (
    <section className="annotation-list" aria-label="Annotations in this article">
      <h2 className="panel-heading">
        Annotations <span className="count-badge">{sorted.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="panel-hint">None yet.</p>
      ) : (
        <ul>
          {sorted.map((a) => (
            <AnnotationItem key={a.id} annotation={a} claim={byId.get(a.claimId) ?? null} />
          ))}
        </ul>
      )}
    </section>
  );
}
