// One annotation save is one round trip: the reply of annotations.create / update / delete carries the
// article's annotations and the claims touched, and the window redraws from it (highlight, annotation list,
// list counts, claim counts) without reading the article again.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articleBlocks, articleText } from '../../../../shared/domain/article-text';
import { FakeApi, makeAnnotation, makeArticle, makeClaim } from '../../fake-api';
import { useMockedViewport, renderApp, selectInReader as selectHelper } from '../../helpers';

const article = makeArticle({
  id: 'a1',
  title: 'Putin risponde agli Stati Uniti',
  lead: '',
  paragraphs: [
    '«Una volta che il contingente avrà espletato le sue funzioni, si ritirerà dal territorio del Kazakistan» ha detto Putin.',
  ],
});
const text = articleText(article);
const para = articleBlocks(article)[1]!;
const csto = makeClaim({ id: 'c1', text: 'CSTO troops will withdraw from Kazakhstan', speaker: 'Putin' });
const needle = 'si ritirerà dal territorio del Kazakistan';
const start = [...text].length - [...text.slice(text.indexOf(needle))].length;
const end = start + [...needle].length;

useMockedViewport();

async function setup(extra: Partial<ConstructorParameters<typeof FakeApi>[0]> = {}) {
  const api = new FakeApi({ articles: [article], claims: [csto], ...extra });
  const utils = await renderApp(api);
  await act(() => utils.store.getState().openArticle('a1'));
  await screen.findByTestId('reader-title');
  await waitFor(() => expect(utils.store.getState().claimsStatus).toBe('ready'));
  await waitFor(() => expect(utils.store.getState().articles).toHaveLength(1));
  return { ...utils, api };
}

/** Select `needle` in the article's paragraph. */
const selectInReader = (needle: string) => selectHelper(para.start, needle);

const methods = (api: FakeApi) => api.calls.map((c) => c.method);

describe('one annotation save is one round trip', () => {
  it('a new tag: one annotations.create, then the highlight, the list counts and the new claim appear', async () => {
    const { api, user, store } = await setup();
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    await user.type(screen.getByTestId('claim-input'), 'Russian troops will leave Kazakhstan');
    api.calls.length = 0;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('reader').querySelector('mark')).toHaveTextContent(needle));
    expect(await screen.findByTestId('annotation-item')).toHaveTextContent(
      'Russian troops will leave Kazakhstan',
    );
    expect(store.getState().articles[0]).toMatchObject({ annotationCount: 1, claimCount: 1 });
    expect(store.getState().claims.map((c) => [c.text, c.sourceCount])).toEqual([
      ['CSTO troops will withdraw from Kazakhstan', 0],
      ['Russian troops will leave Kazakhstan', 1],
    ]);
    expect(methods(api)).toEqual(['annotations.create']);
  });

  it('an edit and a delete: one call each, and the highlight follows', async () => {
    const existing = makeAnnotation(article, {
      id: 'n1',
      claimId: 'c1',
      start,
      end,
      stance: 'asserts',
      speaker: 'Putin',
    });
    const { api, user, store } = await setup({ annotations: [existing] });
    await user.click(within(await screen.findByTestId('annotation-item')).getByTestId('edit-annotation'));
    await user.selectOptions(screen.getByTestId('edit-stance-select'), 'denies');
    api.calls.length = 0;
    await user.click(screen.getByTestId('save-edit'));
    await waitFor(() =>
      expect(screen.getByTestId('reader').querySelector('mark')).toHaveAttribute('data-stance', 'denies'),
    );
    expect(store.getState().claims[0]!.counts).toMatchObject({ asserts: 0, denies: 1 });
    expect(methods(api)).toEqual(['annotations.update']);

    api.calls.length = 0;
    await user.click(within(screen.getByTestId('annotation-item')).getByTestId('delete-annotation'));
    await waitFor(() => expect(screen.getByTestId('reader').querySelector('mark')).toBeNull());
    expect(store.getState().articles[0]).toMatchObject({ annotationCount: 0, claimCount: 0 });
    expect(store.getState().claims[0]).toMatchObject({ sourceCount: 0 });
    expect(methods(api)).toEqual(['annotations.delete']);
  });
});
