import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeAnnotation, makeArticle, makeClaim } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const sputnik = makeArticle({
  id: 'a1',
  title: 'Kazakistan, Putin: le truppe CSTO si ritireranno',
  outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
  url: 'https://it.sputniknews.com/20220107/kazakistan.html',
  published: '2022-01-07T14:26:00+01:00',
  language: 'it',
});
const fogliettone = makeArticle({
  id: 'a2',
  title: 'Putin risponde agli Stati Uniti',
  outlet: { name: 'ilfogliettone.it', domain: 'ilfogliettone.it' },
  url: 'https://www.ilfogliettone.it/putin-risponde',
  published: '2022-01-10',
  language: 'it',
});
const bbc = makeArticle({
  id: 'a3',
  title: 'Almaty protests explained',
  outlet: { name: 'BBC', domain: 'bbc.co.uk' },
  published: null,
  language: 'en',
});

useMockedViewport();

const rowIds = () => screen.getAllByTestId('article-row').map((r) => r.getAttribute('data-article-id'));

describe('article list', () => {
  it('renders a row per article from articles.list, with formatted dates and claim counts', async () => {
    const claim = makeClaim({ id: 'c1', text: 'CSTO troops will withdraw from Kazakhstan' });
    const api = new FakeApi({
      articles: [sputnik, fogliettone, bbc],
      claims: [claim],
      annotations: [makeAnnotation(sputnik, { id: 'n1', claimId: 'c1', start: 0, end: 11 })],
    });
    await renderApp(api);
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
    const first = screen.getAllByTestId('article-row')[0] as HTMLElement;
    expect(first).toHaveAttribute('data-article-id', 'a1');
    expect(within(first).getByText('Sputnik Italia')).toBeInTheDocument();
    expect(within(first).getByText('2022-01-07 14:26')).toBeInTheDocument();
    expect(first.querySelector('.cell--claims')).toHaveTextContent('1');
    expect(screen.getByText('2022-01-10')).toBeInTheDocument();
    expect(screen.getByTestId('library-name')).toHaveTextContent('Test library');
  });

  it('sorts by a column when its header is clicked, asc then desc', async () => {
    const { user } = await renderApp(new FakeApi({ articles: [sputnik, fogliettone, bbc] }));
    await waitFor(() => expect(rowIds()).toEqual(['a1', 'a2', 'a3']));
    await user.click(screen.getByTestId('sort-title'));
    expect(rowIds()).toEqual(['a3', 'a1', 'a2']);
    expect(screen.getByTestId('sort-title').closest('[role="columnheader"]')).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await user.click(screen.getByTestId('sort-title'));
    expect(rowIds()).toEqual(['a2', 'a1', 'a3']);
    expect(screen.getByTestId('sort-title').closest('[role="columnheader"]')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    // Published sorts newest first, undated last.
    await user.click(screen.getByTestId('sort-published'));
    expect(rowIds()).toEqual(['a2', 'a1', 'a3']);
    await user.click(screen.getByTestId('sort-published'));
    expect(rowIds()).toEqual(['a1', 'a2', 'a3']);
  });

  it('filters by title, outlet and URL', async () => {
    const { user } = await renderApp(new FakeApi({ articles: [sputnik, fogliettone, bbc] }));
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const filter = screen.getByTestId('article-filter');
    await user.type(filter, 'sputnik');
    expect(rowIds()).toEqual(['a1']);
    await user.clear(filter);
    await user.type(filter, 'putin-risponde');
    expect(rowIds()).toEqual(['a2']);
    await user.clear(filter);
    await user.type(filter, 'almaty');
    expect(rowIds()).toEqual(['a3']);
    await user.type(filter, 'xyz');
    expect(screen.queryAllByTestId('article-row')).toHaveLength(0);
    expect(screen.getByText(/No articles match/)).toBeInTheDocument();
  });

  it('filters ignoring accents, as the full-text search does', async () => {
    const accented = makeArticle({
      id: 'a4',
      title: 'Le truppe si ritirerà, perché la città è calma',
      outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
    });
    const { user } = await renderApp(new FakeApi({ articles: [sputnik, fogliettone, bbc, accented] }));
    await waitFor(() => expect(rowIds()).toHaveLength(4));
    const filter = screen.getByTestId('article-filter');
    await user.type(filter, 'perche');
    expect(rowIds()).toEqual(['a4']);
    await user.clear(filter);
    await user.type(filter, 'CITTA E');
    expect(rowIds()).toEqual(['a4']);
    await user.clear(filter);
    await user.type(filter, 'città');
    expect(rowIds()).toEqual(['a4']);
  });

  it('moves the cursor with ↑/↓ and opens the article with Enter', async () => {
    const api = new FakeApi({ articles: [sputnik, fogliettone, bbc] });
    const { user } = await renderApp(api);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    screen.getByRole('grid').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getAllByTestId('article-row')[1]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('grid')).toHaveAttribute('aria-activedescendant', 'article-row-a2');
    await user.keyboard('{ArrowUp}{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('reader-title')).toHaveTextContent('Putin risponde agli Stati Uniti'),
    );
    expect(api.callsOf('articles.get')).toEqual([{ id: 'a2' }]);
    expect(screen.getByRole('grid')).toHaveFocus();
  });

  it('opens an article on click', async () => {
    const { user } = await renderApp(new FakeApi({ articles: [sputnik, fogliettone] }));
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await user.click(screen.getAllByTestId('article-row')[0] as HTMLElement);
    await waitFor(() =>
      expect(screen.getByTestId('reader-meta')).toHaveTextContent('Sputnik Italia · 2022-01-07 14:26'),
    );
  });

  it('renders only the visible window of 100,000 rows', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      makeArticle({ id: `x${i}`, title: `Article ${i}` }),
    );
    const { store } = await renderApp(new FakeApi({ articles: many }));
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(5), {
      timeout: 20_000,
    });
    expect(screen.getAllByTestId('article-row').length).toBeLessThan(60);
    expect(screen.getByTestId('article-count')).toHaveTextContent('100,000 articles');
    // Moving the cursor far down brings that row into the rendered window.
    act(() => store.getState().setCursor('x50000'));
    await waitFor(() => expect(document.getElementById('article-row-x50000')).not.toBeNull());
  }, 30_000);

  it('shows an empty-library hint', async () => {
    await renderApp(new FakeApi());
    expect(await screen.findByText(/No articles yet/)).toBeInTheDocument();
  });
});
