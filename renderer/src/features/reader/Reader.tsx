// The reader: the article's blocks (title, lead as standfirst, paragraphs), each marked with its code point
// start so selections map back to offsets, with annotations highlighted by stance.
import { useEffect, useMemo, useRef, useState } from 'react';
import './reader.css';
import { articleBlocks, articleText } from '../../../../shared/domain/article-text';
import { useAppStore } from '../../state/store-context';
import { useReaderSelection } from './use-reader-selection';
import { ReaderBlock } from './ReaderBlock';
import { ReaderMeta } from './ReaderMeta';
import { StanceLegend } from './StanceLegend';

const FLASH_MS = 1600;

export function Reader() {
  const article = useAppStore((s) => s.article);
  const status = useAppStore((s) => s.readerStatus);
  const focus = useAppStore((s) => s.focus);
  const claims = useAppStore((s) => s.claims);
  const tagging = useAppStore((s) => s.tagging);
  const contentRef = useRef<HTMLElement>(null);
  const [flashId, setFlashId] = useState<string | null>(null);

  const blocks = useMemo(() => (article ? articleBlocks(article) : []), [article]);
  const storedText = useMemo(() => (article ? articleText(article) : ''), [article]);
  const annotations = useMemo(() => article?.annotations ?? [], [article]);
  const claimTexts = useMemo(() => new Map(claims.map((c) => [c.id, c.text])), [claims]);
  const pending = useMemo(
    () =>
      tagging && article && tagging.articleId === article.id
        ? { start: tagging.start, end: tagging.end }
        : null,
    [tagging, article],
  );
  // Only the blocks the pending range touches get it, so the others keep their memoised render.
  const pendingFor = (b: { start: number; end: number }) =>
    pending && pending.start < b.end && pending.end > b.start ? pending : null;
  useReaderSelection(contentRef, article?.id ?? null, storedText);

  // Scroll a requested highlight into view once it is rendered, and flash it; each request (nonce) once.
  const handledNonce = useRef(0);
  useEffect(() => {
    if (!focus || focus.nonce === handledNonce.current || !article) return;
    const root = contentRef.current;
    const mark = Array.from(root?.querySelectorAll('mark[data-annotation-id]') ?? []).find(
      (m) => m.getAttribute('data-annotation-id') === focus.annotationId,
    );
    if (!mark) return;
    handledNonce.current = focus.nonce;
    // jsdom has no scrollIntoView; browsers all do.
    if (typeof mark.scrollIntoView === 'function')
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setFlashId(focus.annotationId);
    const t = setTimeout(() => setFlashId(null), FLASH_MS);
    return () => clearTimeout(t);
  }, [focus, article]);

  if (status === 'loading') {
    return (
      <section className="reader" data-testid="reader" aria-busy="true" aria-label="Reader">
        <p className="reader-placeholder">Loading article…</p>
      </section>
    );
  }
  if (!article) {
    return (
      <section className="reader" data-testid="reader" aria-label="Reader">
        <p className="reader-placeholder">
          {status === 'error'
            ? 'The article could not be opened.'
            : 'Open an article from the list to read and tag it.'}
        </p>
      </section>
    );
  }

  const [title, ...rest] = blocks;
  const common = { annotations, claimTexts, flashId };
  return (
    <section className="reader" data-testid="reader" aria-label="Reader" tabIndex={-1}>
      <article className="reader-content" ref={contentRef} lang={article.language ?? undefined}>
        {title && (
          <ReaderBlock
            as="h1"
            className="reader-title"
            testId="reader-title"
            block={title}
            pending={pendingFor(title)}
            {...common}
          />
        )}
        <ReaderMeta article={article} />
        {rest.map((b) => (
          <ReaderBlock
            key={b.start}
            as="p"
            className={b.kind === 'lead' ? 'reader-lead' : 'reader-para'}
            block={b}
            pending={pendingFor(b)}
            {...common}
          />
        ))}
      </article>
      <StanceLegend />
    </section>
  );
}
