// One annotation: claim, stance badge, speaker and quote; click to bring its highlight into view.
// Edit changes stance/speaker/tags/note/claim; Delete can be undone with Ctrl/⌘+Z.
import { useState } from 'react';
import type { Annotation, ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';
import { excerpt } from '../../lib/focus';
import { AnnotationEditForm } from './AnnotationEditForm';
import { StanceBadge } from '../../components/StanceBadge';

export function AnnotationItem({
  annotation: a,
  claim,
}: {
  annotation: Annotation;
  claim: ClaimSummary | null;
}) {
  const focusAnnotation = useAppStore((s) => s.focusAnnotation);
  const deleteAnnotation = useAppStore((s) => s.deleteAnnotation);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <li className="annotation-item" data-testid="annotation-item" data-annotation-id={a.id}>
      <button
        type="button"
        className="annotation-main"
        onClick={() => focusAnnotation(a.id)}
        title="Show in the article"
      >
        <span className="annotation-claim">{claim?.text ?? 'Unknown claim'}</span>
        <span className="annotation-meta">
          <StanceBadge stance={a.stance} />
          {a.speaker && <span className="annotation-speaker">{a.speaker}</span>}
        </span>
        <q className="annotation-quote">{excerpt(a.quote.exact, 160)}</q>
        {a.tags.length > 0 && (
          <span className="annotation-tags">
            {a.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </span>
        )}
        {a.note && <span className="annotation-note">{excerpt(a.note, 160)}</span>}
      </button>
      {editing ? (
        <AnnotationEditForm annotation={a} claim={claim} onDone={() => setEditing(false)} />
      ) : (
        <div className="item-actions">
          <button
            type="button"
            className="link-button"
            data-testid="edit-annotation"
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="link-button link-button--danger"
            data-testid="delete-annotation"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              // On success the item unmounts; on failure it stays with the error shown in the banner.
              if (!(await deleteAnnotation(a.id))) setBusy(false);
            }}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
