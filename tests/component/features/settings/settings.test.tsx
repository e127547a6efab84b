// The library settings dialog: the per-file import caps in megabytes, checked as typed, saved through
// settings.update, and then used by the next drop to decide which files are sent with their bytes.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type DroppedFile } from '../../../../shared/api/contract';
import { parseMb } from '../../../../renderer/src/features/settings/SettingsDialog';
import { FakeApi } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

const MB = 1024 * 1024;
useMockedViewport();

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('settings-button'));
  await waitFor(() => expect(screen.getByTestId('settings-max-file-mb')).toBeInTheDocument());
}

describe('settings dialog', () => {
  it('shows the stored caps in MB with their defaults, focusing the first field', async () => {
    const api = new FakeApi();
    api.settings = { importLimits: { maxBytes: 5 * MB, maxPdfBytes: 50 * MB }, outletNames: {} };
    const user = userEvent.setup();
    await renderApp(api);
    await openDialog(user);
    expect(screen.getByRole('dialog', { name: 'Library settings' })).toBeInTheDocument();
    expect(screen.getByTestId('settings-max-pdf-mb')).toHaveValue('50');
    expect(screen.getByTestId('settings-max-file-mb')).toHaveValue('5');
    expect(screen.getByTestId('settings-dialog')).toHaveTextContent('default 20 MB');
    expect(screen.getByTestId('settings-max-pdf-mb')).toHaveFocus();
  });

  it('checks values as typed: Save is disabled and the field says why', async () => {
    const user = userEvent.setup();
    await renderApp(new FakeApi());
    await openDialog(user);
    const field = screen.getByTestId('settings-max-file-mb');
    await user.clear(field);
    await user.type(field, '500');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('settings-dialog')).toHaveTextContent('Enter 1–200 MB.');
    expect(screen.getByTestId('settings-save')).toBeDisabled();
    await user.clear(field);
    await user.type(field, 'tanti');
    expect(screen.getByTestId('settings-dialog')).toHaveTextContent('Enter a number of megabytes.');
    await user.clear(field);
    await user.type(field, '12,5');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId('settings-save')).toBeEnabled();
  });

  it('saves in bytes, reloads app info, closes with a toast; the next drop uses the new caps', async () => {
    const api = new FakeApi();
    const user = userEvent.setup();
    await renderApp(api);
    await openDialog(user);
    const field = screen.getByTestId('settings-max-file-mb');
    await user.clear(field);
    await user.type(field, '1');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull());
    expect(api.callsOf('settings.update')).toEqual([
      { importLimits: { maxBytes: 1 * MB, maxPdfBytes: 50 * MB } },
    ]);
    expect(api.callsOf('app.info').length).toBeGreaterThanOrEqual(2);
    expect(document.body).toHaveTextContent('Settings saved: they apply to the next import');

    // A 2 MB text file is now over the cap: sent by name and size only, never read.
    const big = new File(['x'], 'due-mega.txt', { type: 'text/plain' });
    Object.defineProperty(big, 'size', { value: 2 * MB });
    big.arrayBuffer = vi.fn(() => Promise.reject(new Error('must not be read')));
    const small = new File(['ciao'], 'piccolo.txt', { type: 'text/plain' });
    const dt = { types: ['Files'], files: [big, small] as unknown as FileList };
    act(() => {
      for (const type of ['dragenter', 'drop']) {
        const e = new Event(type, { bubbles: true, cancelable: true });
        Object.defineProperty(e, 'dataTransfer', { value: dt });
        window.dispatchEvent(e);
      }
    });
    await waitFor(() => expect(api.callsOf('articles.import')).toHaveLength(1));
    const sent = api.callsOf('articles.import')[0]!.files as DroppedFile[];
    expect(sent[0]).toEqual({ name: 'due-mega.txt', size: 2 * MB });
    expect(sent[1]).toMatchObject({ name: 'piccolo.txt', dataBase64: 'Y2lhbw==' });
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });

  it("keeps the dialog open with the main side's error when a save is refused", async () => {
    const api = new FakeApi();
    api.failures.set(
      'settings.update',
      new ApiError('invalid_input', 'settings.update: importLimits.maxBytes: must be at most 200 MB'),
    );
    const user = userEvent.setup();
    await renderApp(api);
    await openDialog(user);
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByTestId('settings-error')).toHaveTextContent('must be at most 200 MB');
    expect(screen.getByTestId('settings-dialog')).toBeInTheDocument();
    expect(api.info.importLimits.maxBytes).toBe(20 * MB);
  });

  it('"Default sizes" fills the default caps; Escape and Ctrl+, close and open it', async () => {
    const api = new FakeApi();
    api.settings = { importLimits: { maxBytes: 3 * MB, maxPdfBytes: 9 * MB }, outletNames: {} };
    const user = userEvent.setup();
    await renderApp(api);
    fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('settings-max-file-mb')).toHaveValue('3'));
    await user.click(screen.getByTestId('settings-defaults'));
    expect(screen.getByTestId('settings-max-file-mb')).toHaveValue('20');
    expect(screen.getByTestId('settings-max-pdf-mb')).toHaveValue('50');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('settings-dialog')).toBeNull();
    expect(api.callsOf('settings.update')).toHaveLength(0);
  });

  it('shows the notice when the settings file was damaged and moved aside', async () => {
    const api = new FakeApi();
    const view = {
      settings: api.settings,
      defaults: api.settings,
      notice:
        'settings.json was not used (it is not valid JSON); it was moved to damaged/settings-x.json and the default settings are in use.',
    };
    api.handlers['settings.get'] = () => view;
    const user = userEvent.setup();
    await renderApp(api);
    await openDialog(user);
    expect(screen.getByTestId('settings-notice')).toHaveTextContent('moved to damaged/settings-x.json');
  });
});

describe('parseMb', () => {
  it('reads megabytes, with a decimal point or comma, within 1–200', () => {
    expect(parseMb('20')).toEqual({ bytes: 20 * MB });
    expect(parseMb(' 12,5 ')).toEqual({ bytes: 12.5 * MB });
    expect(parseMb('0.5')).toEqual({ error: 'Enter 1–200 MB.' });
    expect(parseMb('201')).toEqual({ error: 'Enter 1–200 MB.' });
    expect(parseMb('')).toEqual({ error: 'Enter a number of megabytes.' });
    expect(parseMb('1e3')).toEqual({ error: 'Enter a number of megabytes.' });
  });
});
