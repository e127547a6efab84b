import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articleBlocks, articleText, sliceCodePoints } from '../../../../shared/domain/article-text';
import { FakeApi, makeAnnotation, makeArticle, makeClaim } from '../../fake-api';
import { useMockedViewport, renderApp, selectInReader as selectHelper } from '../../helpers';

const article = makeArticle({
  id: 'a1',
  title: 'Putin risponde agli Stati Uniti',
  lead: '',
  paragraphs: [
    '«Una volta che il contingente avrà espletato le sue funzioni, si ritirerà dal territorio del Kazakistan» ha detto Putin 🇷🇺.',
  ],
});
const text = articleText(article);
const para = articleBlocks(article)[1]!;
const csto = makeClaim({ id: 'c1', text: 'CSTO troops will withdraw from Kazakhstan', speaker: 'Putin' });
const other = makeClaim({ id: 'c2', text: 'Colour revolutions will not be tolerated' });

useMockedViewport();

async function setup(extra: Partial<ConstructorParameters<typeof FakeApi>[0]> = {}) {
  const api = new FakeApi({ articles: [article], claims: [csto, other], ...extra });
  const utils = await renderApp(api);
  await act(() => utils.store.getState().openArticle('a1'));
  await screen.findByTestId('reader-title');
  await waitFor(() => expect(utils.store.getState().claimsStatus).toBe('ready'));
  return { ...utils, api };
}

/** Select `needle` in the article's paragraph (with the space before it, which must be trimmed). */
const selectInReader = (needle: string) => selectHelper(para.start, needle, 1);

const needle = 'si ritirerà dal territorio del Kazakistan';
const start = [...text].length - [...text.slice(text.indexOf(needle))].length;
const end = start + [...needle].length;

describe('tag form', () => {
  it('creates an annotation with a new claim from the typed text', async () => {
    const { api, user } = await setup();
    selectInReader(needle);
    expect(await screen.findByTestId('selection-quote')).toHaveTextContent(needle);
    await user.click(screen.getByTestId('tag-claim'));
    const input = screen.getByTestId('claim-input');
    expect(input).toHaveFocus();
    await user.type(input, 'Russian troops will leave Kazakhstan');
    await user.selectOptions(screen.getByTestId('stance-select'), 'reports');
    await user.type(screen.getByTestId('speaker-input'), 'Putin');
    await user.type(screen.getByTestId('tags-input'), 'csto, withdrawal, ,csto');
    await user.type(screen.getByTestId('note-input'), 'Said at the CSTO video call');
    await user.click(screen.getByTestId('save-annotation'));
    await waitFor(() => expect(api.callsOf('annotations.create')).toHaveLength(1));
    expect(api.callsOf('annotations.create')[0]).toEqual({
      articleId: 'a1',
      target: {
        start,
        end,
        quote: {
          exact: needle,
          prefix: sliceCodePoints(text, start - 32, start),
          suffix: sliceCodePoints(text, end, end + 32),
        },
      },
      stance: 'reports',
      speaker: 'Putin',
      tags: ['csto', 'withdrawal'],
      note: 'Said at the CSTO video call',
      newClaim: { text: 'Russian troops will leave Kazakhstan', speaker: 'Putin' },
    });
    // The form closes, the highlight and the list item appear, the toast confirms.
    await waitFor(() => expect(screen.queryByTestId('tag-form')).toBeNull());
    expect(await screen.findByTestId('annotation-item')).toHaveTextContent(
      'Russian troops will leave Kazakhstan',
    );
    expect(screen.getByTestId('reader').querySelector('mark[data-stance="reports"]')).toHaveTextContent(
      needle,
    );
    expect(screen.getByTestId('toast')).toHaveTextContent('Tagged');
  });

  it('picks an existing claim from the typeahead with the keyboard, Enter saves', async () => {
    const { api, user, store } = await setup();
    selectInReader(needle);
    await screen.findByTestId('tag-claim');
    // "t" opens the form when not typing.
    await user.keyboard('t');
    const input = await screen.findByTestId('claim-input');
    await user.type(input, 'kazakh');
    const options = screen.getAllByTestId('claim-option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('CSTO troops will withdraw from Kazakhstan');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(input).toHaveValue('CSTO troops will withdraw from Kazakhstan');
    expect(screen.getByTestId('speaker-input')).toHaveValue('Putin');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(api.callsOf('annotations.create')).toHaveLength(1));
    const sent = api.callsOf('annotations.create')[0]!;
    expect(sent).toMatchObject({
      articleId: 'a1',
      claimId: 'c1',
      stance: 'asserts',
      speaker: 'Putin',
      target: { start, end },
    });
    expect(sent).not.toHaveProperty('newClaim');
    await waitFor(() => expect(store.getState().claims.find((c) => c.id === 'c1')?.sourceCount).toBe(1));
  });

  it('finds a claim with accents from text typed without them ("ritirera" → "ritirerà")', async () => {
    const accented = makeClaim({ id: 'c3', text: 'Le truppe si ritirerà dal Kazakistan', speaker: 'Putin' });
    const { api, user } = await setup({ claims: [csto, other, accented] });
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    await user.type(screen.getByTestId('claim-input'), 'RITIRERA');
    const options = screen.getAllByTestId('claim-option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Le truppe si ritirerà dal Kazakistan');
    await user.click(options[0]!);
    await user.click(screen.getByTestId('save-annotation'));
    await waitFor(() => expect(api.callsOf('annotations.create')[0]).toMatchObject({ claimId: 'c3' }));
  });

  it('picks an option by clicking, and reuses a claim typed with its exact wording', async () => {
    const { api, user } = await setup();
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    await user.type(screen.getByTestId('claim-input'), 'revolution');
    await user.click(screen.getByTestId('claim-option'));
    await user.click(screen.getByTestId('save-annotation'));
    await waitFor(() => expect(api.callsOf('annotations.create')[0]).toMatchObject({ claimId: 'c2' }));

    selectInReader('Putin');
    await user.click(await screen.findByTestId('tag-claim'));
    await user.type(screen.getByTestId('claim-input'), 'csto troops will withdraw from kazakhstan{Enter}');
    await waitFor(() => expect(api.callsOf('annotations.create')).toHaveLength(2));
    expect(api.callsOf('annotations.create')[1]).toMatchObject({ claimId: 'c1' });
  });

  it('shows the range being tagged, and Ctrl+Enter saves exactly once', async () => {
    const { api, user } = await setup();
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    expect(screen.getByTestId('reader').querySelector('.hl-pending')).toHaveTextContent(needle);
    await user.type(screen.getByTestId('claim-input'), 'Once only');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByTestId('tag-form')).toBeNull());
    expect(api.callsOf('annotations.create')).toHaveLength(1);
    expect(screen.getByTestId('reader').querySelector('.hl-pending')).toBeNull();
  });

  it('Escape cancels, and Save is disabled without a claim', async () => {
    const { api, user } = await setup();
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    expect(screen.getByTestId('save-annotation')).toBeDisabled();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('tag-form')).toBeNull();
    expect(api.callsOf('annotations.create')).toHaveLength(0);
  });
});

describe('undo', () => {
  it('Ctrl+Z after create deletes the annotation (and the claim it created); Ctrl+Shift+Z redoes', async () => {
    const { api, user } = await setup();
    selectInReader(needle);
    await user.click(await screen.findByTestId('tag-claim'));
    await user.type(screen.getByTestId('claim-input'), 'A brand new claim{Enter}');
    await screen.findByTestId('annotation-item');
    const created = api.annotations[0]!;
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(api.callsOf('annotations.delete')).toEqual([{ id: created.id }]));
    expect(api.callsOf('claims.delete')).toEqual([{ id: created.claimId }]);
    await waitFor(() => expect(screen.queryByTestId('annotation-item')).toBeNull());
    expect(screen.getByTestId('toast')).toHaveTextContent('Undone: tag “A brand new claim”');

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(api.callsOf('annotations.restore')).toHaveLength(1));
    expect(api.callsOf('claims.create')).toEqual([{ text: 'A brand new claim', speaker: '', note: '' }]);
    expect(await screen.findByTestId('annotation-item')).toHaveTextContent('A brand new claim');
    expect(screen.getByTestId('toast')).toHaveTextContent('Redone');
  });

  it('undoes a delete with annotations.restore and an edit with an update back', async () => {
    const existing = makeAnnotation(article, {
      id: 'n1',
      claimId: 'c1',
      start,
      end,
      stance: 'asserts',
      speaker: 'Putin',
    });
    const { api, user } = await setup({ annotations: [existing] });
    const item = await screen.findByTestId('annotation-item');

    await user.click(within(item).getByTestId('edit-annotation'));
    await user.selectOptions(screen.getByTestId('edit-stance-select'), 'denies');
    await user.click(screen.getByTestId('save-edit'));
    await waitFor(() => expect(api.callsOf('annotations.update')).toEqual([{ id: 'n1', stance: 'denies' }]));
    await waitFor(() =>
      expect(screen.getByTestId('reader').querySelector('mark')).toHaveAttribute('data-stance', 'denies'),
    );

    await user.click(within(screen.getByTestId('annotation-item')).getByTestId('delete-annotation'));
    await waitFor(() => expect(screen.queryByTestId('annotation-item')).toBeNull());
    expect(api.callsOf('annotations.delete')).toEqual([{ id: 'n1' }]);

    await user.keyboard('{Meta>}z{/Meta}');
    await waitFor(() => expect(api.callsOf('annotations.restore')).toHaveLength(1));
    expect(api.callsOf('annotations.restore')[0]).toMatchObject({
      annotation: { id: 'n1', stance: 'denies' },
    });
    expect(await screen.findByTestId('annotation-item')).toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(api.callsOf('annotations.update')).toHaveLength(2));
    expect(api.callsOf('annotations.update')[1]).toEqual({
      id: 'n1',
      claimId: 'c1',
      stance: 'asserts',
      speaker: 'Putin',
      tags: [],
      note: '',
    });
    await waitFor(() =>
      expect(screen.getByTestId('reader').querySelector('mark')).toHaveAttribute('data-stance', 'asserts'),
    );
  });

  it('the edit form saves with Ctrl+Enter and closes with Escape, as the tag form does', async () => {
    const existing = makeAnnotation(article, { id: 'n1', claimId: 'c1', start, end, stance: 'asserts' });
    const { api, user } = await setup({ annotations: [existing] });
    await user.click(within(await screen.findByTestId('annotation-item')).getByTestId('edit-annotation'));
    act(() => screen.getByTestId('edit-stance-select').focus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('annotation-edit-form')).toBeNull());
    expect(api.callsOf('annotations.update')).toEqual([]);

    await user.click(within(screen.getByTestId('annotation-item')).getByTestId('edit-annotation'));
    await user.selectOptions(screen.getByTestId('edit-stance-select'), 'disputes');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(api.callsOf('annotations.update')).toEqual([{ id: 'n1', stance: 'disputes' }]),
    );
    await waitFor(() => expect(screen.queryByTestId('annotation-edit-form')).toBeNull());
  });

  it('leaves Ctrl+Z in a text field to the field', async () => {
    const existing = makeAnnotation(article, { id: 'n1', claimId: 'c1', start, end });
    const { api, user } = await setup({ annotations: [existing] });
    await user.click(within(await screen.findByTestId('annotation-item')).getByTestId('delete-annotation'));
    await waitFor(() => expect(api.callsOf('annotations.delete')).toHaveLength(1));
    await user.click(screen.getByTestId('article-filter'));
    await user.keyboard('{Control>}z{/Control}');
    expect(api.callsOf('annotations.restore')).toHaveLength(0);
  });
});
