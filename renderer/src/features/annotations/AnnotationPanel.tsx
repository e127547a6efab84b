// Right-hand panel: the current selection (with "Tag claim"), the tag form, then this article's annotations.
import './panel.css';
import { useAppStore } from '../../state/store-context';
import { excerpt } from '../../lib/focus';
import { TagForm } from './TagForm';
import { AnnotationList } from './AnnotationList';

function SelectionCard() {
  const selection = useAppStore((s) => s.selection);
  const articleId = useAppStore((s) => s.article?.id ?? null);
  const startTagging = useAppStore((s) => s.startTagging);
  const clear = useAppStore((s) => s.setSelection);
  if (!selection || selection.articleId !== articleId) {
    return (
      <p className="panel-hint">
        {articleId
          ? 'Select a passage in the article to tag a claim.'
          : 'Open an article to see its annotations.'}
      </p>
    );
  }
  return (
    <div className="selection-card" data-testid="selection-card">
      <blockquote className="quote" data-testid="selection-quote">
        {excerpt(selection.exact)}
      </blockquote>
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="tag-claim"
          title="Tag claim (T or Ctrl/⌘+Shift+T)"
          aria-keyshortcuts="t Control+Shift+T Meta+Shift+T"
          onClick={() => startTagging()}
        >
          Tag claim
        </button>
        <button type="button" className="link-button" onClick={() => clear(null)}>
          Clear selection
        </button>
      </div>
    </div>
  );
}

export function AnnotationPanel() {
  const tagging = useAppStore((s) => s.tagging);
  return (
    <aside className="panel" aria-label="Annotations" data-testid="annotation-panel">
      {tagging ? <TagForm key={`${tagging.start}-${tagging.end}`} target={tagging} /> : <SelectionCard />}
      <AnnotationList />
    </aside>
  );
}
