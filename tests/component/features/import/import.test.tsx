import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_FILE_BYTES, type DroppedFile } from '../../../../shared/api/contract';
import { FakeApi } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

useMockedViewport();

function dragEvent(type: string, dataTransfer: Partial<DataTransfer>): Event {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', {
    value: { types: ['Files'], dropEffect: 'none', ...dataTransfer },
  });
  return e;
}

function drop(dt: Partial<DataTransfer>) {
  act(() => {
    window.dispatchEvent(dragEvent('dragenter', dt));
    window.dispatchEvent(dragEvent('drop', dt));
  });
}

const file = (name: string, content: string) => new File([content], name, { type: 'text/plain' });

function oversized(name: string): File {
  const f = file(name, 'x');
  Object.defineProperty(f, 'size', { value: MAX_IMPORT_FILE_BYTES + 1 });
  f.arrayBuffer = vi.fn(() => Promise.reject(new Error('must not be read')));
  return f;
}

describe('drop import', () => {
  it('shows an overlay while files are dragged over the window', async () => {
    await renderApp(new FakeApi());
    act(() => void window.dispatchEvent(dragEvent('dragenter', {})));
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop articles to import');
    act(() => void window.dispatchEvent(dragEvent('dragleave', {})));
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    // Text dragged around (not files) is left alone.
    const textDrag = new Event('dragenter', { bubbles: true, cancelable: true });
    Object.defineProperty(textDrag, 'dataTransfer', { value: { types: ['text/plain'] } });
    act(() => void window.dispatchEvent(textDrag));
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
  });

  it('sends the base64 of dropped files, and only name and size for oversized ones', async () => {
    const api = new FakeApi();
    await renderApp(api);
    drop({
      files: [
        file('a.txt', 'hello'),
        oversized('huge.html'),
        file('è.txt', 'ciao è 😀'),
      ] as unknown as FileList,
    });
    await waitFor(() => expect(api.callsOf('articles.import')).toHaveLength(1));
    const sent = api.callsOf('articles.import')[0]!.files as DroppedFile[];
    expect(sent[0]).toEqual({ name: 'a.txt', size: 5, dataBase64: 'aGVsbG8=' });
    expect(sent[1]).toEqual({ name: 'huge.html', size: MAX_IMPORT_FILE_BYTES + 1 });
    expect(sent[1]).not.toHaveProperty('dataBase64');
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(sent[2]!.dataBase64!), (c) => c.charCodeAt(0))),
    ).toBe('ciao è 😀');
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
  });

  it('walks dropped folders (paged readEntries, subfolders), skipping hidden files inside them; files go by their path from the folder', async () => {
    const api = new FakeApi();
    await renderApp(api);
    const fileEntry = (f: File) => ({
      isFile: true,
      isDirectory: false,
      name: f.name,
      file: (ok: (f: File) => void) => ok(f),
    });
    const dirEntry = (name: string, pages: unknown[][]) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => ({ readEntries: (ok: (e: unknown[]) => void) => ok(pages.shift() ?? []) }),
    });
    const sub = dirEntry('2024-01', [[fileEntry(file('index.html', '<p>x</p>'))], []]);
    const pages = [
      [fileEntry(file('one.txt', '1')), fileEntry(file('.DS_Store', 'x')), sub],
      [fileEntry(file('two.txt', '2'))],
      [],
    ];
    const dir = dirEntry('reuters', pages);
    const items = [
      { kind: 'file', webkitGetAsEntry: () => dir, getAsFile: () => null },
      { kind: 'file', webkitGetAsEntry: () => fileEntry(file('loose.txt', 'l')), getAsFile: () => null },
    ];
    drop({ items: items as unknown as DataTransferItemList, files: [] as unknown as FileList });
    await waitFor(() => expect(api.callsOf('articles.import')).toHaveLength(1));
    const sent = api.callsOf('articles.import')[0]!.files as DroppedFile[];
    // Names sorted in each folder; a file dropped by itself keeps its own name.
    expect(sent.map((f) => f.name)).toEqual([
      'reuters › 2024-01 › index.html',
      'reuters › one.txt',
      'reuters › two.txt',
      'loose.txt',
    ]);
    // The bytes are the file's own.
    expect(sent[0]!.dataBase64).toBe(btoa('<p>x</p>'));
  });

  it('sends large drops in batches and shows progress', async () => {
    const api = new FakeApi();
    const { store } = await renderApp(api);
    const release = api.hold('articles.import');
    const files = Array.from({ length: 450 }, (_, i) => file(`f${i}.txt`, `text ${i}`));
    const importing = store.getState().importFiles(files);
    expect(await screen.findByTestId('import-progress')).toHaveTextContent('Importing 0/450…');
    release();
    await act(() => importing);
    expect(api.callsOf('articles.import').map((c) => c.files.length)).toEqual([200, 200, 50]);
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.getByTestId('import-report')).toHaveTextContent('450 imported');
  });
});

describe('import report', () => {
  it('lists each file with its status and reason; opens the first imported article', async () => {
    const api = new FakeApi();
    api.importHandler = (input) => {
      const results = [
        { fileName: 'photo.txt', status: 'refused' as const, reason: 'not a text file (PNG image)' },
        {
          fileName: 'old.txt',
          status: 'duplicate' as const,
          articleId: 'dup',
          reason: 'same bytes as “Old story”',
        },
        ...input.files
          .filter((f) => f.name.startsWith('new'))
          .map((f, i) => {
            const id = `new${i}`;
            api.articles.push({ ...baseArticle, id, title: `New story ${i}` });
            return { fileName: f.name, status: 'imported' as const, articleId: id, title: `New story ${i}` };
          }),
      ];
      return { results, imported: results.length - 2, duplicates: 1, refused: 1 };
    };
    const { user } = await renderApp(api);
    drop({
      files: [
        file('photo.txt', 'x'),
        file('old.txt', 'y'),
        file('new-a.txt', 'z'),
        file('new-b.txt', 'w'),
      ] as unknown as FileList,
    });
    const report = await screen.findByTestId('import-report');
    const lines = within(report).getAllByTestId('import-result');
    expect(lines.map((l) => l.getAttribute('data-status'))).toEqual([
      'refused',
      'duplicate',
      'imported',
      'imported',
    ]);
    expect(lines[0]).toHaveTextContent('photo.txt — refused: not a text file (PNG image)');
    expect(lines[1]).toHaveTextContent('old.txt — duplicate: same bytes as “Old story”');
    expect(lines[2]).toHaveTextContent('new-a.txt — imported: New story 0');
    await waitFor(() => expect(screen.getByTestId('reader-title')).toHaveTextContent('New story 0'));
    expect(api.callsOf('articles.list').length).toBeGreaterThanOrEqual(2);
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    await user.click(within(report).getByTestId('dismiss-import-report'));
    expect(screen.queryByTestId('import-report')).toBeNull();
  });
});

describe('Import… button', () => {
  it('uses the native dialog when the shell has one', async () => {
    const api = new FakeApi({ info: { nativeDialogs: true, shell: 'electron' } });
    const { user } = await renderApp(api);
    await user.click(screen.getByTestId('import-button'));
    await waitFor(() => expect(api.callsOf('import.openDialog')).toHaveLength(1));
  });

  it('follows a dialog import run by the main side: progress, Cancel, then the report with what was not sent', async () => {
    const api = new FakeApi({ info: { nativeDialogs: true, shell: 'electron' } });
    const running = (done: number, batchesDone: number, current: string) =>
      ({
        jobId: 'job-1',
        state: 'running',
        done,
        total: 4,
        batchesDone,
        phase: 'importing',
        current,
        cancelling: false,
      }) as const;
    api.dialogJob = {
      jobId: 'job-1',
      total: 4,
      statuses: [
        running(0, 0, 'raccolta › a.txt … raccolta › b.txt'),
        running(2, 1, 'raccolta › c.txt … raccolta › d.txt'),
        running(2, 1, 'raccolta › c.txt … raccolta › d.txt'),
        running(2, 1, 'raccolta › c.txt … raccolta › d.txt'),
        {
          ...running(2, 1, ''),
          state: 'finished',
          cancelled: true,
          results: [
            { fileName: 'raccolta › a.txt', status: 'imported', articleId: 'a1', title: 'Primo' },
            { fileName: 'raccolta › b.txt', status: 'refused', reason: 'empty file' },
          ],
          notSent: ['raccolta › c.txt', 'raccolta › d.txt'],
        },
      ],
    };
    const { user } = await renderApp(api);
    await user.click(screen.getByTestId('import-button'));
    const panel = await screen.findByTestId('import-job');
    await waitFor(() =>
      expect(within(panel).getByTestId('import-job-count')).toHaveTextContent('Importing 2 / 4 files'),
    );
    expect(panel).toHaveTextContent('raccolta › c.txt … raccolta › d.txt');
    await user.click(within(panel).getByTestId('cancel-import'));
    expect(api.callsOf('import.cancelJob')).toEqual([{ jobId: 'job-1' }]);
    const report = await screen.findByTestId('import-report', {}, { timeout: 5000 });
    expect(screen.queryByTestId('import-job')).toBeNull();
    expect(report).toHaveTextContent('Import (cancelled)');
    expect(within(report).getByTestId('import-count-not-sent')).toHaveAttribute('data-count', '2');
    expect(
      within(report)
        .getAllByTestId('import-result')
        .map((r) => r.getAttribute('data-status')),
    ).toEqual(['imported', 'refused']);
    expect(api.callsOf('import.jobStatus').every((c) => c.jobId === 'job-1')).toBe(true);
  });

  it('Folder… asks the native dialog for folders in the desktop app', async () => {
    const api = new FakeApi({ info: { nativeDialogs: true, shell: 'electron' } });
    const { user } = await renderApp(api);
    await user.click(screen.getByTestId('import-folder-button'));
    await waitFor(() => expect(api.callsOf('import.openDialog')).toEqual([{ kind: 'folders' }]));
  });

  it('a folder picked in the browser host: files labelled by their path in it, hidden ones left out, in walk order', async () => {
    const api = new FakeApi();
    const { user } = await renderApp(api);
    await waitFor(() => expect(api.callsOf('app.info')).toHaveLength(1));
    const input = screen.getByTestId('import-folder-input') as HTMLInputElement;
    expect(input).toHaveAttribute('webkitdirectory');
    const inFolder = (path: string, content: string) => {
      const f = file(path.split('/').pop()!, content);
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      return f;
    };
    const picked = [
      inFolder('raccolta/zeta.txt', 'z'),
      inFolder('raccolta/ansa/2022-01/uno.txt', 'u'),
      inFolder('raccolta/.git/HEAD', 'x'),
      inFolder('raccolta/ansa/.DS_Store', 'x'),
      inFolder('raccolta/ansa/due.txt', 'd'),
    ];
    await user.upload(input, picked);
    await waitFor(() => expect(api.callsOf('articles.import')).toHaveLength(1));
    const sent = api.callsOf('articles.import')[0]!.files as DroppedFile[];
    expect(sent.map((f) => f.name)).toEqual([
      'raccolta › ansa › 2022-01 › uno.txt',
      'raccolta › ansa › due.txt',
      'raccolta › zeta.txt',
    ]);
    expect(sent[0]!.dataBase64).toBe(btoa('u'));
  });

  it('falls back to a file input in the browser host', async () => {
    const api = new FakeApi();
    const { user } = await renderApp(api);
    await waitFor(() => expect(api.callsOf('app.info')).toHaveLength(1));
    const input = screen.getByTestId('import-input') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    await user.click(screen.getByTestId('import-button'));
    expect(click).toHaveBeenCalled();
    await user.upload(input, [file('picked.txt', 'abc')]);
    await waitFor(() =>
      expect(api.callsOf('articles.import')).toEqual([
        { files: [{ name: 'picked.txt', size: 3, dataBase64: 'YWJj' }] },
      ]),
    );
  });
});

const baseArticle = {
  fileName: 'x.txt',
  sha256: '0'.repeat(64),
  importedAt: '2024-01-01T00:00:00Z',
  outlet: { name: 'Outlet', domain: null },
  url: null,
  published: null,
  modified: null,
  language: null,
  author: null,
  lead: '',
  paragraphs: ['Body.'],
  wordCount: 1,
  size: 1,
};
