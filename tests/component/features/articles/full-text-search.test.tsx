import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../../shared/api/contract';
import { ServiceError } from '../../../../shared/api/dispatcher';
import { mergeFullTextHits } from '../../../../renderer/src/features/articles/use-full-text-search';
import { FakeApi, makeArticle } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const sputnik = makeArticle({
  id: 'a1',
  title: 'Kazakistan, giro di telefonate tra Putin e Tokayev',
  outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
  paragraphs: ['Il presidente russo ha parlato con Tokayev della città di Almaty.'],
});
const fogliettone = makeArticle({
  id: 'a2',
  title: 'Putin risponde agli Stati Uniti',
  outlet: { name: 'ilfogliettone.it', domain: 'ilfogliettone.it' },
});
const bbc = makeArticle({
  id: 'a3',
  title: 'Almaty protests explained',
  outlet: { name: 'BBC', domain: 'bbc.co.uk' },
});

type Hits = MethodOutput<'articles.search'>;

/** The component fake plus an articles.search that answers from a table, or fails, or waits. */
class SearchingApi extends FakeApi {
  answers = new Map<string, Hits>();
  searchFails = false;
  held = new Map<string, Promise<void>>();

  constructor(init: ConstructorParameters<typeof FakeApi>[0]) {
    super(init);
    this.handlers['articles.search'] = async ({ query }) => {
      await (this.held.get(query) ?? Promise.resolve());
      if (this.searchFails) throw new ServiceError('internal', 'index broken');
      return this.answers.get(query) ?? [];
    };
  }
}

useMockedViewport();

const rowIds = () => screen.queryAllByTestId('article-row').map((r) => r.getAttribute('data-article-id'));

describe('full-text search in the article list', () => {
  it('asks the main side from three characters on, once per pause in typing, and shows hits first with snippets', async () => {
    const api = new SearchingApi({ articles: [sputnik, fogliettone, bbc] });
    api.answers.set('putin', [
      { id: 'a3', score: 9, snippet: '…the protesters blamed Putin for…' },
      { id: 'a1', score: 4, snippet: '…tra Putin e Tokayev…' },
    ]);
    const { user } = await renderApp(api);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const filter = screen.getByTestId('article-filter');

    await user.type(filter, 'pu');
    await new Promise((r) => setTimeout(r, 250));
    expect(api.callsOf('articles.search')).toEqual([]);

    await user.type(filter, 'tin');
    // Local matches show at once: the two titles with "putin".
    expect(rowIds()).toEqual(['a1', 'a2']);
    await waitFor(() => expect(rowIds()).toEqual(['a3', 'a1', 'a2']));
    // Typed quickly: one call for the whole word, not one per key.
    expect(api.callsOf('articles.search')).toEqual([{ query: 'putin', limit: 200 }]);

    const first = screen.getAllByTestId('article-row')[0] as HTMLElement;
    expect(within(first).getByTestId('row-snippet')).toHaveTextContent('the protesters blamed Putin for');
    expect(first.querySelector('.cell--title')).toHaveAttribute(
      'title',
      'Almaty protests explained\n\n…the protesters blamed Putin for…',
    );
    // A local match that is not a hit has no snippet.
    const last = screen.getAllByTestId('article-row')[2] as HTMLElement;
    expect(within(last).queryByTestId('row-snippet')).toBeNull();
    expect(screen.getByTestId('article-count')).toHaveTextContent('3 articles');
  });

  it('finds articles by their text when nothing local matches (diacritics are the main side’s job)', async () => {
    const api = new SearchingApi({ articles: [sputnik, fogliettone, bbc] });
    api.answers.set('citta', [{ id: 'a1', score: 2, snippet: '…della città di Almaty.' }]);
    const { user } = await renderApp(api);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await user.type(screen.getByTestId('article-filter'), 'citta');
    await waitFor(() => expect(rowIds()).toEqual(['a1']));
    expect(screen.getByTestId('row-snippet')).toHaveTextContent('della città di Almaty.');
  });

  it('drops an answer that arrives after the query changed, and clears hits below three characters', async () => {
    const api = new SearchingApi({ articles: [sputnik, fogliettone, bbc] });
    let release!: () => void;
    api.held.set('tok', new Promise((r) => (release = r)));
    api.answers.set('tok', [{ id: 'a3', score: 1, snippet: 'stale' }]);
    api.answers.set('tokayev', [{ id: 'a1', score: 3, snippet: 'fresh' }]);
    const { user } = await renderApp(api);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const filter = screen.getByTestId('article-filter');
    await user.type(filter, 'tok');
    await waitFor(() => expect(api.callsOf('articles.search')).toHaveLength(1));
    await user.type(filter, 'ayev');
    await waitFor(() => expect(screen.getByTestId('row-snippet')).toHaveTextContent('fresh'));
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(rowIds()).toEqual(['a1']);
    expect(screen.queryByText(/stale/)).toBeNull();

    await user.clear(filter);
    await user.type(filter, 'to');
    expect(screen.queryAllByTestId('row-snippet')).toHaveLength(0);
  });

  it('keeps the local matches when the search fails', async () => {
    const api = new SearchingApi({ articles: [sputnik, fogliettone, bbc] });
    api.searchFails = true;
    const { user } = await renderApp(api);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await user.type(screen.getByTestId('article-filter'), 'almaty');
    await waitFor(() => expect(api.callsOf('articles.search')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(rowIds()).toEqual(['a3']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('merge: hits in rank order, then local matches, no duplicates, unknown ids skipped', () => {
    const all = [sputnik, fogliettone, bbc].map((a) => ({ ...a, claimCount: 0, annotationCount: 0 }));
    const [s, f, b] = all as [(typeof all)[0], (typeof all)[0], (typeof all)[0]];
    expect(mergeFullTextHits(all, [f], null)).toEqual([f]);
    expect(mergeFullTextHits(all, [f, s], [])).toEqual([f, s]);
    const hits = [
      { id: 'a3', score: 5, snippet: '' },
      { id: 'gone', score: 4, snippet: '' },
      { id: 'a1', score: 1, snippet: '' },
    ];
    expect(mergeFullTextHits(all, [s, f], hits)).toEqual([b, s, f]);
  });
});
