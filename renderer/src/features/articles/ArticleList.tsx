// The article list: a sortable, filterable table of every article, virtualised so 100,000 rows scroll
// smoothly (only the visible rows exist in the DOM, at a fixed row height). Focus stays on the grid;
// the highlighted row is the store's cursor, exposed through aria-activedescendant.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flexRender } from '@tanstack/react-table';
import { useSortedTable } from '../../lib/use-sorted-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import './article-list.css';
import '../import/import-report.css';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { filterArticles } from '../../state/selectors';
import { mergeFullTextHits, useFullTextSearch, useSnippets } from './use-full-text-search';
import { articleColumns } from './article-columns';
import { SortIndicator, ariaSort } from '../../components/SortIndicator';
import { versionCounts, versionsLabel } from './near-duplicate-versions';

export const ARTICLE_ROW_HEIGHT = 34;
const SNIPPET_STYLE = { color: 'var(--muted)', fontSize: '12px', fontWeight: 400 } as const;

export function ArticleList() {
  const store = useAppStoreApi();
  const articles = useAppStore((s) => s.articles);
  const status = useAppStore((s) => s.articlesStatus);
  const filter = useAppStore((s) => s.articleFilter);
  const sorting = useAppStore((s) => s.articleSorting);
  const cursor = useAppStore((s) => s.cursorArticleId);
  const openId = useAppStore((s) => s.openArticleId);
  const setFilter = useAppStore((s) => s.setArticleFilter);
  const setCursor = useAppStore((s) => s.setCursor);
  const openArticle = useAppStore((s) => s.openArticle);

  // Local title/outlet/URL matches, joined from 3 characters on by full-text hits (ranked first unless a
  // column sort is chosen).
  const fullText = useFullTextSearch(filter);
  const snippets = useSnippets(fullText.hits);
  // Near duplicates ("3 versions"): clicking a badge narrows the list to that story's group.
  const versions = useMemo(() => versionCounts(articles), [articles]);
  const [group, setGroup] = useState<string | null>(null);
  const activeGroup = group && versions.has(group) ? group : null;
  const data = useMemo(() => {
    const rows = mergeFullTextHits(articles, filterArticles(articles, filter), fullText.hits);
    return activeGroup ? rows.filter((a) => a.nearDuplicateGroup === activeGroup) : rows;
  }, [articles, filter, fullText.hits, activeGroup]);
  const table = useSortedTable(data, articleColumns, sorting, {
    get: () => store.getState().articleSorting,
    set: (next) => store.getState().setArticleSorting(next),
  });
  const rows = table.getRowModel().rows;

  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ARTICLE_ROW_HEIGHT,
    overscan: 10,
    // React 19 batches well enough; flushSync from a scroll inside an effect only produces warnings.
    useFlushSync: false,
  });

  const cursorIndex = useMemo(() => (cursor ? rows.findIndex((r) => r.id === cursor) : -1), [rows, cursor]);
  // Keep the cursor row visible when it moves, or when sorting/filtering moves it; not when only the data
  // changed (a claim count after tagging), which would yank a list the user has scrolled elsewhere.
  const cursorIndexRef = useRef(cursorIndex);
  cursorIndexRef.current = cursorIndex;
  useEffect(() => {
    if (cursorIndexRef.current >= 0) virtualizer.scrollToIndex(cursorIndexRef.current, { align: 'auto' });
  }, [cursor, sorting, filter, activeGroup, articles.length, virtualizer]);

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) setCursor(row.id);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ARTICLE_ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(cursorIndex < 0 ? 0 : cursorIndex + 1),
      ArrowUp: () => moveTo(cursorIndex < 0 ? 0 : cursorIndex - 1),
      PageDown: () => moveTo(cursorIndex + page),
      PageUp: () => moveTo(cursorIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        if (cursor) void openArticle(cursor);
      },
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  const count = rows.length;
  const empty =
    status === 'loading' && articles.length === 0
      ? 'Loading articles…'
      : articles.length === 0
        ? 'No articles yet. Drop news article files or folders anywhere in this window, or use Import…'
        : count === 0
          ? `No articles match “${filter}”.`
          : null;
  const groupTitle = activeGroup
    ? (
        articles.find((a) => a.id === activeGroup) ??
        articles.find((a) => a.nearDuplicateGroup === activeGroup)
      )?.title
    : undefined;

  return (
    <section className="article-list" aria-label="Article list" aria-busy={status === 'loading'}>
      <div className="list-toolbar">
        <input
          type="search"
          className="input"
          data-testid="article-filter"
          placeholder="Filter by title, outlet or URL  ( / )"
          aria-label="Filter articles"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          onKeyDown={(e) => {
            // ↓ from the filter moves into the list, as in a combobox.
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              gridRef.current?.focus();
              if (cursorIndex < 0) moveTo(0);
            }
          }}
        />
        {activeGroup && (
          <span className="versions-filter" data-testid="versions-filter" title={groupTitle}>
            <span className="versions-filter-label">
              {versionsLabel(versions.get(activeGroup) ?? 0)} of “{groupTitle}”
            </span>
            <button
              type="button"
              className="link-button"
              aria-label="Show all articles"
              data-testid="clear-versions-filter"
              onClick={() => setGroup(null)}
            >
              ×
            </button>
          </span>
        )}
        <span className="list-count" data-testid="article-count">
          {count === articles.length
            ? `${count.toLocaleString()} articles`
            : `${count.toLocaleString()} of ${articles.length.toLocaleString()}`}
        </span>
      </div>
      <div
        ref={gridRef}
        className="list-grid"
        role="grid"
        aria-label="Articles"
        aria-rowcount={count + 1}
        tabIndex={0}
        aria-activedescendant={cursor && cursorIndex >= 0 ? `article-row-${cursor}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="list-row list-header" role="row" aria-rowindex={1}>
          {table.getFlatHeaders().map((h) => (
            <div
              key={h.id}
              role="columnheader"
              className={`cell cell--${h.id}`}
              aria-sort={ariaSort(h.column.getIsSorted())}
            >
              <button
                type="button"
                className="sort-button"
                onClick={h.column.getToggleSortingHandler()}
                data-testid={`sort-${h.id}`}
              >
                {flexRender(h.column.columnDef.header, h.getContext())}
                <SortIndicator dir={h.column.getIsSorted()} />
              </button>
            </div>
          ))}
        </div>
        <div ref={scrollRef} className="list-scroll">
          {empty ? (
            <p className="list-empty">{empty}</p>
          ) : (
            <div className="list-rows" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const row = rows[v.index];
                if (!row) return null;
                const a = row.original;
                const cls = `list-row${a.id === cursor ? ' is-cursor' : ''}${a.id === openId ? ' is-open' : ''}`;
                return (
                  <div
                    key={row.id}
                    id={`article-row-${row.id}`}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={a.id === cursor}
                    data-testid="article-row"
                    data-article-id={a.id}
                    className={cls}
                    style={{ height: ARTICLE_ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                    onMouseDown={(e) => e.preventDefault() /* keep focus on the grid, not lost to a row */}
                    onClick={() => {
                      setCursor(a.id);
                      gridRef.current?.focus();
                      void openArticle(a.id);
                    }}
                  >
                    {row.getVisibleCells().map((cell) => {
                      const snippet = cell.column.id === 'title' ? snippets.get(a.id) : undefined;
                      const n =
                        cell.column.id === 'title' && a.nearDuplicateGroup
                          ? (versions.get(a.nearDuplicateGroup) ?? 0)
                          : 0;
                      return (
                        <div
                          key={cell.id}
                          role="gridcell"
                          className={`cell cell--${cell.column.id}`}
                          title={
                            cell.column.id === 'title'
                              ? snippet
                                ? `${a.title}\n\n${snippet}`
                                : a.title
                              : undefined
                          }
                        >
                          {n > 1 ? (
                            <span className="title-with-versions">
                              <span className="title-text">
                                {flexRender(cell.column.columnDef.cell, cell.getContext())}
                              </span>
                              <VersionsBadge
                                count={n}
                                active={activeGroup === a.nearDuplicateGroup}
                                onClick={() => {
                                  setGroup(
                                    activeGroup === a.nearDuplicateGroup
                                      ? null
                                      : (a.nearDuplicateGroup ?? null),
                                  );
                                  gridRef.current?.focus();
                                }}
                              />
                            </span>
                          ) : (
                            flexRender(cell.column.columnDef.cell, cell.getContext())
                          )}
                          {snippet && (
                            <span className="row-snippet" data-testid="row-snippet" style={SNIPPET_STYLE}>
                              {' '}
                              — {snippet}
                            </span>
                          )}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** "3 versions": the same story from several outlets or scrapes; a click shows only those (or all again). */
function VersionsBadge({ count, active, onClick }: { count: number; active: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="versions-badge"
      data-testid="versions-badge"
      tabIndex={-1}
      aria-pressed={active}
      title={active ? 'Show all articles' : 'The same story from several outlets or scrapes: show only these'}
      onClick={(e) => {
        // The row's own click opens the article; the badge only filters.
        e.stopPropagation();
        onClick();
      }}
    >
      {versionsLabel(count)}
    </button>
  );
}
