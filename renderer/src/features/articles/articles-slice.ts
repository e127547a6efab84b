// The article list: summaries from articles.list, the list's filter, sort and cursor (the highlighted row).
import type { ArticleSummary } from '../../../../shared/domain/types';
import type { LoadStatus, SliceCreator, SortState } from '../../state/store-types';

export interface ArticlesSlice {
  articles: ArticleSummary[];
  articlesStatus: LoadStatus;
  articleFilter: string;
  articleSorting: SortState;
  /** The row the keyboard cursor is on; Enter opens it in the reader. */
  cursorArticleId: string | null;
  loadArticles(): Promise<void>;
  setArticleFilter(query: string): void;
  setArticleSorting(sorting: SortState): void;
  setCursor(id: string | null): void;
  /** Keep a row's counts in step after an annotation change without reloading the whole list. */
  patchArticleCounts(id: string, counts: { claimCount: number; annotationCount: number }): void;
}

export const createArticlesSlice: SliceCreator<ArticlesSlice> = (set, get, api) => ({
  articles: [],
  articlesStatus: 'idle',
  articleFilter: '',
  articleSorting: [],
  cursorArticleId: null,
  loadArticles: async () => {
    set({ articlesStatus: 'loading' });
    try {
      const articles = await api.call('articles.list', {});
      set({ articles, articlesStatus: 'ready' });
    } catch (err) {
      set({ articlesStatus: 'error' });
      get().showError(err);
    }
  },
  setArticleFilter: (articleFilter) => set({ articleFilter }),
  setArticleSorting: (articleSorting) => set({ articleSorting }),
  setCursor: (cursorArticleId) => set({ cursorArticleId }),
  patchArticleCounts: (id, counts) => {
    const articles = get().articles;
    const i = articles.findIndex((a) => a.id === id);
    const current = articles[i];
    if (!current) return;
    if (current.claimCount === counts.claimCount && current.annotationCount === counts.annotationCount)
      return;
    const next = articles.slice();
    next[i] = { ...current, ...counts };
    set({ articles: next });
  },
});
