// The selected claim: its editable record and its evidence across articles (oldest first). Clicking
// evidence opens the article in the reader with the highlight in view.
import { useMemo } from 'react';
import { formatPublished } from '../../../../shared/domain/claims';
import { useAppStore } from '../../state/store-context';
import { ClaimEditor } from './ClaimEditor';
import { StanceBadge } from '../../components/StanceBadge';

export function EvidencePane() {
  const selectedId = useAppStore((s) => s.selectedClaimId);
  const claims = useAppStore((s) => s.claims);
  const evidence = useAppStore((s) => s.evidence);
  const status = useAppStore((s) => s.evidenceStatus);
  const setView = useAppStore((s) => s.setView);
  const openArticle = useAppStore((s) => s.openArticle);
  const claim = useMemo(() => claims.find((c) => c.id === selectedId) ?? null, [claims, selectedId]);

  if (!claim) {
    return (
      <aside className="evidence-pane" aria-label="Evidence">
        <p className="panel-hint">Select a claim to see who says what about it.</p>
      </aside>
    );
  }
  return (
    <aside className="evidence-pane" aria-label="Evidence" data-testid="evidence-pane">
      <ClaimEditor
        key={`${claim.id}-${claim.updatedAt}`}
        claim={claim}
        evidenceCount={evidence?.length ?? null}
      />
      <h2 className="panel-heading">
        Evidence <span className="count-badge">{evidence?.length ?? '…'}</span>
      </h2>
      {status === 'loading' && <p className="panel-hint">Loading evidence…</p>}
      {evidence && evidence.length === 0 && <p className="panel-hint">No evidence tagged for this claim.</p>}
      {evidence && evidence.length > 0 && (
        <ul className="evidence-list">
          {evidence.map(({ annotation: a, article }) => (
            <li key={a.id}>
              <button
                type="button"
                className="evidence-item"
                data-testid="evidence-item"
                data-article-id={article.id}
                title="Open in the reader"
                onClick={() => {
                  setView('articles');
                  void openArticle(article.id, a.id);
                }}
              >
                <span className="evidence-head">
                  <span className="evidence-outlet">
                    {article.outlet.name || article.outlet.domain || 'Unknown outlet'}
                  </span>
                  {article.published && (
                    <time dateTime={article.published}>{formatPublished(article.published)}</time>
                  )}
                  <StanceBadge stance={a.stance} />
                  {a.speaker && <span className="evidence-speaker">{a.speaker}</span>}
                </span>
                <span className="evidence-title">{article.title}</span>
                <span className="evidence-quote">
                  {a.quote.prefix && <span className="quote-context">…{a.quote.prefix}</span>}
                  <mark className={`hl hl--${a.stance}`}>{a.quote.exact}</mark>
                  {a.quote.suffix && <span className="quote-context">{a.quote.suffix}…</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
