// Outlet, date, author and the source link. The link leaves the app only through the checked URL rule;
// the host has no system browser, so there it falls back to a new browser tab.
import { useState } from 'react';
import { ApiError } from '../../../../shared/api/rpc';
import { formatPublished } from '../../../../shared/domain/claims';
import { checkExternalUrl } from '../../../../shared/domain/external-url';
import { DATE_SOURCE_LABELS, type Article } from '../../../../shared/domain/types';
import { useApi } from '../../api/api-context';
import { useAppStore } from '../../state/store-context';

function ExternalLink({ url }: { url: string }) {
  const api = useApi();
  const showError = useAppStore((s) => s.showError);
  const checked = checkExternalUrl(url);
  if (!checked) {
    return (
      <span className="reader-url is-unsafe" title="Not an http(s) address; not opened">
        {url}
      </span>
    );
  }
  const open = async () => {
    try {
      await api.call('shell.openExternal', { url: checked });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unavailable')
        window.open(checked, '_blank', 'noopener,noreferrer');
      else showError(err);
    }
  };
  return (
    <a
      className="reader-url"
      href={checked}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="reader-url"
      onClick={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      {url}
    </a>
  );
}

/** Derive the text again from the kept original (after an extractor update); annotations move with their quotes. */
function ReextractButton({ id }: { id: string }) {
  const api = useApi();
  const showError = useAppStore((s) => s.showError);
  const showToast = useAppStore((s) => s.showToast);
  const reloadArticle = useAppStore((s) => s.reloadArticle);
  const loadArticles = useAppStore((s) => s.loadArticles);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await api.call('articles.reextract', { id });
      if (r.changed) await Promise.all([reloadArticle(), loadArticles()]);
      showToast(
        r.changed
          ? `Text extracted again; ${r.reanchored} annotation(s) kept in place`
          : 'Extracted again: the text is unchanged',
      );
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="reader-reextract"
      data-testid="reextract"
      disabled={busy}
      onClick={() => void run()}
      title="Extract the text again from the original file, keeping annotations"
    >
      {busy ? 'Extracting…' : 'Re-extract'}
    </button>
  );
}

export function ReaderMeta({ article }: { article: Article }) {
  const date = formatPublished(article.published);
  return (
    <div className="reader-head">
      <p className="reader-meta" data-testid="reader-meta">
        <span className="reader-outlet">
          {article.outlet.name || article.outlet.domain || 'Unknown outlet'}
        </span>
        {date && (
          <>
            <span aria-hidden="true"> · </span>
            <time dateTime={article.published ?? undefined}>{date}</time>
            {article.publishedFrom && (
              <span
                className="reader-date-source"
                data-testid="date-source"
                title="Where the importer read this date: JSON-LD and metadata are the publisher's own, a URL or a date line in the text is less sure"
              >
                {' '}
                (from {DATE_SOURCE_LABELS[article.publishedFrom]})
              </span>
            )}
          </>
        )}
        {article.author && <span className="reader-author"> · {article.author}</span>}
        {article.language && <span className="reader-lang"> · {article.language}</span>}
        <span aria-hidden="true"> · </span>
        <ReextractButton id={article.id} />
      </p>
      {article.url && (
        <p className="reader-link">
          <ExternalLink url={article.url} />
        </p>
      )}
      {article.captions && article.captions.length > 0 && (
        <details className="reader-captions" data-testid="reader-captions">
          <summary>Photo captions ({article.captions.length})</summary>
          <ul>
            {article.captions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
