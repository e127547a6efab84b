import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeApi } from '../fake-api';
import { useMockedViewport, renderApp } from '../helpers';

useMockedViewport({ restoreMocks: true });

describe('export menu', () => {
  it('builds the export and downloads it in the browser host', async () => {
    const created = vi.fn(() => 'blob:fake');
    const revoked = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = new FakeApi();
    const { user } = await renderApp(api);
    await user.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(api.callsOf('export.build')).toEqual([{ format: 'csv' }]));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const a = click.mock.contexts[0] as HTMLAnchorElement;
    expect(a.download).toBe('notes.csv');
    expect(a.href).toBe('blob:fake');
    expect(created).toHaveBeenCalledWith(expect.any(Blob));
    expect(screen.getByTestId('toast')).toHaveTextContent('Downloaded notes.csv');
  });

  it('saves through the native dialog in Electron', async () => {
    const api = new FakeApi({ info: { nativeDialogs: true, shell: 'electron' } });
    const { user } = await renderApp(api);
    expect(screen.getByTestId('export-md')).toHaveTextContent('Markdown');
    expect(screen.getByTestId('export-json')).toHaveTextContent('JSON');
    await user.click(screen.getByTestId('export-md'));
    await waitFor(() => expect(api.callsOf('export.save')).toEqual([{ format: 'md' }]));
    expect(api.callsOf('export.build')).toHaveLength(0);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Exported notes.md');
  });

  it('follows the Electron File menu through the preload bridge', async () => {
    let send: (action: 'import' | 'export-json') => void = () => {};
    const unsubscribe = vi.fn();
    window.workbench = { invoke: vi.fn(), onMenu: (cb) => ((send = cb), unsubscribe), platform: 'linux' };
    const api = new FakeApi({ info: { nativeDialogs: true, shell: 'electron' } });
    const { unmount } = await renderApp(api);
    send('export-json');
    send('import');
    await waitFor(() => expect(api.callsOf('export.save')).toEqual([{ format: 'json' }]));
    await waitFor(() => expect(api.callsOf('import.openDialog')).toHaveLength(1));
    unmount();
    expect(unsubscribe).toHaveBeenCalled();
    delete window.workbench;
  });
});

describe('header and help', () => {
  it('shows the library name and the keyboard shortcuts on "?"', async () => {
    const { user } = await renderApp(new FakeApi());
    expect(screen.getByTestId('app-root')).toBeInTheDocument();
    expect(screen.getByTestId('library-name')).toHaveTextContent('Test library');
    await user.keyboard('?');
    const help = screen.getByTestId('help-popover');
    expect(within(help).getByText('Undo the last annotation change or claim deletion')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('help-popover')).toBeNull();
  });

  it('"/" focuses the article filter', async () => {
    const { user } = await renderApp(new FakeApi());
    await user.keyboard('/');
    expect(screen.getByTestId('article-filter')).toHaveFocus();
  });
});
