import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../shared/api/contract';
import { articleBlocks } from '../../../../shared/domain/article-text';
import { FakeApi, makeAnnotation, makeArticle, makeClaim } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const article = makeArticle({
  id: 'a1',
  title: 'Putin: CSTO troops will leave Kazakhstan',
  lead: 'The contingent will withdraw once its mission is over.',
  paragraphs: [
    '“Once the contingent has fulfilled its functions, it will withdraw,” Putin said.',
    'The US doubts it.',
  ],
  outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
  url: 'https://it.sputniknews.com/2022/kz.html',
  published: '2022-01-07T14:26:00+01:00',
});
const blocks = articleBlocks(article);
const lead = blocks[1]!;
const para = blocks[2]!;
const claim = makeClaim({ id: 'c1', text: 'CSTO troops will withdraw from Kazakhstan', speaker: 'Putin' });
const claim2 = makeClaim({ id: 'c2', text: 'The mission is temporary' });
// Two overlapping annotations in the lead, one in the title.
const a1 = makeAnnotation(article, {
  id: 'n1',
  claimId: 'c1',
  start: lead.start + 4,
  end: lead.start + 34,
  stance: 'reports',
});
const a2 = makeAnnotation(article, {
  id: 'n2',
  claimId: 'c2',
  start: lead.start + 25,
  end: lead.end - 1,
  stance: 'disputes',
});
const a3 = makeAnnotation(article, {
  id: 'n3',
  claimId: 'c1',
  start: 0,
  end: 5,
  stance: 'asserts',
  speaker: 'Putin',
});

useMockedViewport({ restoreMocks: true });

async function openReader(
  api = new FakeApi({ articles: [article], claims: [claim, claim2], annotations: [a1, a2, a3] }),
) {
  const utils = await renderApp(api);
  await act(() => utils.store.getState().openArticle('a1'));
  await screen.findByTestId('reader-title');
  return { ...utils, api };
}

describe('reader', () => {
  it('renders title, lead and paragraphs as blocks with their code point starts', async () => {
    await openReader();
    const reader = screen.getByTestId('reader');
    const starts = Array.from(reader.querySelectorAll('[data-block-start]')).map((el) =>
      Number(el.getAttribute('data-block-start')),
    );
    expect(starts).toEqual(blocks.map((b) => b.start));
    expect(screen.getByTestId('reader-title')).toHaveAttribute('data-block-start', '0');
    expect(screen.getByTestId('reader-title')).toHaveTextContent(article.title);
    expect(reader.querySelector('.reader-lead')).toHaveTextContent(article.lead);
    expect(screen.getByTestId('reader-meta')).toHaveTextContent('Sputnik Italia · 2022-01-07 14:26');
    expect(reader.querySelector(`[data-block-start="${para.start}"]`)).toHaveTextContent(
      article.paragraphs[0]!,
    );
  });

  it('says where the date was read, and lists photo captions apart from the text', async () => {
    const dated = makeArticle({
      ...article,
      id: 'a1',
      publishedFrom: 'url',
      captions: ['Vladimir Putin (Foto: Sputnik)'],
    });
    await openReader(new FakeApi({ articles: [dated] }));
    expect(screen.getByTestId('date-source')).toHaveTextContent('(from the URL)');
    const captions = screen.getByTestId('reader-captions');
    expect(captions).toHaveTextContent('Photo captions (1)');
    expect(within(captions).getByText('Vladimir Putin (Foto: Sputnik)')).toBeInTheDocument();
    // Not a block of the text that evidence is tagged in.
    expect(captions.closest('[data-block-start]')).toBeNull();
  });

  it('shows no date source when the article does not record one', async () => {
    await openReader();
    expect(screen.queryByTestId('date-source')).toBeNull();
    expect(screen.queryByTestId('reader-captions')).toBeNull();
  });

  it('highlights annotations by stance, nesting overlaps', async () => {
    await openReader();
    const reader = screen.getByTestId('reader');
    const marks = (id: string) => Array.from(reader.querySelectorAll(`mark[data-annotation-id="${id}"]`));
    expect(marks('n3')).toHaveLength(1);
    expect(marks('n3')[0]).toHaveAttribute('data-stance', 'asserts');
    expect(marks('n3')[0]).toHaveTextContent('Putin');
    // n1 is split where n2 starts; the shared piece is a nested mark.
    expect(marks('n1').map((m) => m.getAttribute('data-stance'))).toEqual(['reports', 'reports']);
    expect(
      marks('n1')
        .map((m) => m.textContent)
        .join(''),
    ).toBe(a1.quote.exact);
    expect(marks('n2').every((m) => m.getAttribute('data-stance') === 'disputes')).toBe(true);
    expect(
      marks('n2')
        .map((m) => m.textContent)
        .join(''),
    ).toBe(a2.quote.exact);
    const shared = marks('n2')[0]!;
    expect(shared.parentElement).toHaveAttribute('data-annotation-id', 'n1');
    // The stored text is unchanged by the marks.
    expect(reader.querySelector('.reader-lead')!.textContent).toBe(article.lead);
  });

  it('lists the annotations; clicking one scrolls its highlight into view and flashes it', async () => {
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    const { user } = await openReader();
    const items = screen.getAllByTestId('annotation-item');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('CSTO troops will withdraw from Kazakhstan');
    expect(within(items[0]!).getByText('asserts')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Putin');
    await user.click(within(items[1]!).getByTitle('Show in the article'));
    const mark = screen.getByTestId('reader').querySelector('mark[data-annotation-id="n1"]')!;
    expect(scroll).toHaveBeenCalled();
    expect(scroll.mock.contexts[0]).toBe(mark);
    await waitFor(() => expect(mark).toHaveClass('is-flash'));
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('opens the URL through shell.openExternal after the URL check', async () => {
    const { user, api } = await openReader();
    await user.click(screen.getByTestId('reader-url'));
    expect(api.callsOf('shell.openExternal')).toEqual([{ url: 'https://it.sputniknews.com/2022/kz.html' }]);
  });

  it('falls back to window.open when the shell cannot open links', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user, api } = await openReader();
    api.failures.set('shell.openExternal', new ApiError('unavailable', 'No system browser here'));
    await user.click(screen.getByTestId('reader-url'));
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith(
        'https://it.sputniknews.com/2022/kz.html',
        '_blank',
        'noopener,noreferrer',
      ),
    );
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('does not link URLs that fail the check', async () => {
    const bad = makeArticle({ id: 'b1', title: 'Bad', url: 'javascript:alert(1)' });
    const { store } = await renderApp(new FakeApi({ articles: [bad] }));
    await act(() => store.getState().openArticle('b1'));
    expect(screen.queryByTestId('reader-url')).toBeNull();
    expect(screen.getAllByText('javascript:alert(1)')[0]!.tagName).toBe('SPAN');
  });

  it('shows API errors in a dismissable banner with the message as given', async () => {
    const api = new FakeApi({ articles: [article] });
    api.failures.set('articles.get', new ApiError('not_found', 'No article with id a1'));
    const { store, user } = await renderApp(api);
    await act(() => store.getState().openArticle('a1'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('No article with id a1');
    await user.click(within(banner).getByRole('button', { name: 'Dismiss error' }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });
});
