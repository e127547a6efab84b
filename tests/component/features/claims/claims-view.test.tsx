import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { articleBlocks } from '../../../../shared/domain/article-text';
import { FakeApi, makeAnnotation, makeArticle, makeClaim } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const sputnik = makeArticle({
  id: 'a1',
  title: 'Le truppe CSTO si ritireranno',
  outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
  published: '2022-01-07T14:26:00+01:00',
  paragraphs: ['Le truppe della CSTO lasceranno il Kazakistan.', 'Lo ha detto Putin.'],
});
const fogliettone = makeArticle({
  id: 'a2',
  title: 'Putin risponde agli Stati Uniti',
  outlet: { name: 'ilfogliettone.it', domain: 'ilfogliettone.it' },
  published: '2022-01-10',
  paragraphs: ['Si ritirerà dal territorio del Kazakistan, ha detto Putin.', 'Gli Stati Uniti ne dubitano.'],
});
const p1 = articleBlocks(sputnik)[1]!;
const p2 = articleBlocks(fogliettone)[1]!;
const p2b = articleBlocks(fogliettone)[2]!;
const csto = makeClaim({ id: 'c1', text: 'CSTO troops will withdraw from Kazakhstan', speaker: 'Putin' });
const unused = makeClaim({ id: 'c2', text: 'An unused claim' });
const annotations = [
  makeAnnotation(sputnik, { id: 'n1', claimId: 'c1', start: p1.start, end: p1.end, stance: 'reports' }),
  makeAnnotation(fogliettone, {
    id: 'n2',
    claimId: 'c1',
    start: p2.start,
    end: p2.start + 41,
    stance: 'asserts',
    speaker: 'Putin',
  }),
  makeAnnotation(fogliettone, {
    id: 'n3',
    claimId: 'c1',
    start: p2b.start,
    end: p2b.end,
    stance: 'disputes',
    speaker: 'USA',
  }),
];

useMockedViewport({ restoreMocks: true });

async function openClaims() {
  const api = new FakeApi({ articles: [sputnik, fogliettone], claims: [csto, unused], annotations });
  const utils = await renderApp(api);
  await utils.user.click(screen.getByTestId('nav-claims'));
  await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(2));
  return { ...utils, api };
}

const row = (id: string) =>
  screen.getAllByTestId('claim-row').find((r) => r.getAttribute('data-claim-id') === id)!;

describe('claims view', () => {
  it('shows every claim with counts per stance and the number of sources', async () => {
    await openClaims();
    const r = row('c1');
    expect(r).toHaveTextContent('CSTO troops will withdraw from Kazakhstan');
    expect(r).toHaveTextContent('Putin');
    expect(within(r).getByTestId('claim-sources')).toHaveTextContent(/^2$/);
    expect(within(r).getByTestId('claim-count-asserts')).toHaveTextContent('1');
    expect(within(r).getByTestId('claim-count-reports')).toHaveTextContent('1');
    expect(within(r).getByTestId('claim-count-disputes')).toHaveTextContent('1');
    expect(within(r).getByTestId('claim-count-denies')).toHaveTextContent('0');
    expect(within(row('c2')).getByTestId('claim-sources')).toHaveTextContent(/^0$/);
  });

  it('sorts by the number of sources', async () => {
    const { user } = await openClaims();
    const ids = () => screen.getAllByTestId('claim-row').map((r) => r.getAttribute('data-claim-id'));
    await user.click(screen.getByTestId('claim-sort-text'));
    expect(ids()).toEqual(['c2', 'c1']);
    await user.click(screen.getByTestId('claim-sort-sources'));
    expect(ids()).toEqual(['c1', 'c2']);
    await user.click(screen.getByTestId('claim-sort-sources'));
    expect(ids()).toEqual(['c2', 'c1']);
  });

  it('shows the evidence of the selected claim and opens an item in the reader', async () => {
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    const { user, api } = await openClaims();
    await user.click(row('c1'));
    const items = await screen.findAllByTestId('evidence-item');
    expect(api.callsOf('claims.evidence')).toEqual([{ id: 'c1' }]);
    // Oldest first: Sputnik (7 Jan) before ilfogliettone (10 Jan).
    expect(items[0]).toHaveTextContent('Sputnik Italia');
    expect(items[0]).toHaveTextContent('2022-01-07 14:26');
    expect(items[0]).toHaveTextContent('reports');
    expect(items[1]).toHaveTextContent('ilfogliettone.it');
    expect(items[1]).toHaveTextContent('Si ritirerà dal territorio del Kazakistan');
    expect(items[1]).toHaveTextContent('Putin');
    expect(screen.getByTestId('delete-claim')).toBeDisabled();

    await user.click(items[1]!);
    await waitFor(() =>
      expect(screen.getByTestId('reader-title')).toHaveTextContent('Putin risponde agli Stati Uniti'),
    );
    expect(screen.queryByTestId('claim-row')).toBeNull();
    const mark = screen.getByTestId('reader').querySelector('mark[data-annotation-id="n2"]');
    await waitFor(() => expect(scroll.mock.contexts).toContain(mark));
    await waitFor(() => expect(mark).toHaveClass('is-flash'));
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('edits a claim, and deletes one without evidence', async () => {
    const { user, api } = await openClaims();
    await user.click(row('c2'));
    await screen.findByText('No evidence tagged for this claim.');
    const text = screen.getByTestId('claim-text-input');
    await user.clear(text);
    await user.type(text, 'A reworded claim');
    await user.click(screen.getByTestId('save-claim'));
    await waitFor(() =>
      expect(api.callsOf('claims.update')).toEqual([
        { id: 'c2', text: 'A reworded claim', speaker: '', note: '' },
      ]),
    );
    await waitFor(() => expect(row('c2')).toHaveTextContent('A reworded claim'));
    await user.click(screen.getByTestId('delete-claim'));
    await waitFor(() => expect(api.callsOf('claims.delete')).toEqual([{ id: 'c2' }]));
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(1));
  });

  it('undoes a claim deletion with Ctrl+Z (the record comes back as it was) and redoes it with Ctrl+Shift+Z', async () => {
    const { user, api } = await openClaims();
    await user.click(row('c2'));
    await screen.findByText('No evidence tagged for this claim.');
    await user.click(screen.getByTestId('delete-claim'));
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(1));
    expect(screen.getByTestId('toast')).toHaveTextContent('Deleted claim “An unused claim” — Ctrl+Z to undo');
    expect(screen.queryByTestId('claim-editor')).toBeNull();

    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(2));
    // The whole record goes back, so the claim keeps its id, wording, speaker, note and timestamps.
    expect(api.callsOf('claims.restore')).toEqual([{ claim: unused }]);
    expect(api.claims).toEqual([csto, unused]);
    expect(row('c2')).toHaveTextContent('An unused claim');
    expect(screen.getByTestId('toast')).toHaveTextContent('Undone: delete claim “An unused claim”');

    await user.keyboard('{Meta>}{Shift>}z{/Shift}{/Meta}');
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(1));
    expect(api.callsOf('claims.delete')).toEqual([{ id: 'c2' }, { id: 'c2' }]);
    expect(screen.getByTestId('toast')).toHaveTextContent('Redone: delete claim “An unused claim”');
  });

  it('redoing a deletion deselects the claim, and a failed restore is reported, not retried', async () => {
    const { user, api } = await openClaims();
    await user.click(row('c2'));
    await screen.findByText('No evidence tagged for this claim.');
    await user.click(screen.getByTestId('delete-claim'));
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(1));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(2));
    await user.click(row('c2'));
    await screen.findByTestId('claim-editor');
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(screen.getAllByTestId('claim-row')).toHaveLength(1));
    expect(screen.queryByTestId('claim-editor')).toBeNull();

    // Meanwhile a claim with the same wording was created: the restore is refused and the entry dropped.
    api.claims.push({ ...unused, id: 'c3' });
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(api.callsOf('claims.restore')).toHaveLength(2));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('That claim exists already');
    await user.keyboard('{Control>}z{/Control}');
    expect(api.callsOf('claims.restore')).toHaveLength(2);
  });
});
