// The outlet-names part of the settings dialog: the library's names listed, renamed, removed and added
// (domains normalised and checked as typed), and Save sending only what changed; a rename of stored articles
// reloads the list and says how many changed.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { outletNamesChange } from '../../../../renderer/src/features/settings/OutletNamesFieldset';
import { FakeApi } from '../../fake-api';
import { useMockedViewport, renderApp } from '../../helpers';

useMockedViewport();

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('settings-button'));
  await waitFor(() => expect(screen.getByTestId('outlet-names')).toBeInTheDocument());
  return screen.getByTestId('outlet-names');
}

describe('outlet names in the settings dialog', () => {
  it('computes the change: added, renamed, removed; nothing when nothing changed', () => {
    const saved = { 'a.org': 'A', 'b.org': 'B', 'c.org': 'C' };
    expect(
      outletNamesChange(saved, [
        { domain: 'a.org', name: 'A' },
        { domain: 'b.org', name: 'B' },
        { domain: 'c.org', name: 'C' },
      ]),
    ).toBeNull();
    expect(
      outletNamesChange(saved, [
        { domain: 'a.org', name: ' A2 ' },
        { domain: 'c.org', name: 'C' },
        { domain: 'd.org', name: 'D' },
      ]),
    ).toEqual([
      { domain: 'b.org', name: null },
      { domain: 'a.org', name: 'A2' },
      { domain: 'd.org', name: 'D' },
    ]);
  });

  it("lists the library's names; rename, remove and add are sent on Save, and only they", async () => {
    const api = new FakeApi();
    api.settings = {
      ...api.settings,
      outletNames: { 'ilfogliettone.it': 'Fogliettone', 'old.example.org': 'Old' },
    };
    const user = userEvent.setup();
    await renderApp(api);
    const box = await openDialog(user);
    expect(
      within(box)
        .getAllByTestId('outlet-row')
        .map((r) => r.getAttribute('data-domain')),
    ).toEqual(['ilfogliettone.it', 'old.example.org']);

    const rename = within(box).getByLabelText('Name for ilfogliettone.it');
    await user.clear(rename);
    await user.type(rename, 'Il Fogliettone');
    await user.click(within(box).getByLabelText('Remove old.example.org'));
    // A domain is normalised as it is added (case, www.); the built-in name shows as a hint.
    await user.type(within(box).getByTestId('outlet-add-domain'), 'WWW.Reuters.com');
    expect(within(box).getByTestId('outlet-add-name')).toHaveAttribute('placeholder', 'built in: Reuters');
    await user.type(within(box).getByTestId('outlet-add-name'), 'Reuters (wire){Enter}');
    expect(
      within(box)
        .getAllByTestId('outlet-row')
        .map((r) => r.getAttribute('data-domain')),
    ).toEqual(['ilfogliettone.it', 'reuters.com']);
    // Enter in the add fields added the row; the dialog is still open.
    expect(screen.getByTestId('settings-dialog')).toBeInTheDocument();

    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull());
    expect(api.callsOf('settings.update')).toEqual([
      {
        importLimits: { maxBytes: 20 * 1024 * 1024, maxPdfBytes: 50 * 1024 * 1024 },
        outletNames: [
          { domain: 'old.example.org', name: null },
          { domain: 'ilfogliettone.it', name: 'Il Fogliettone' },
          { domain: 'reuters.com', name: 'Reuters (wire)' },
        ],
      },
    ]);
    expect(api.settings.outletNames).toEqual({
      'ilfogliettone.it': 'Il Fogliettone',
      'reuters.com': 'Reuters (wire)',
    });
  });

  it('refuses a domain that is not one and a row without a name, before anything is sent', async () => {
    const api = new FakeApi();
    api.settings = { ...api.settings, outletNames: { 'example.org': 'Example' } };
    const user = userEvent.setup();
    await renderApp(api);
    const box = await openDialog(user);
    await user.type(within(box).getByTestId('outlet-add-domain'), 'la mia fonte');
    await user.type(within(box).getByTestId('outlet-add-name'), 'Fonte');
    await user.click(within(box).getByTestId('outlet-add'));
    expect(within(box).getByTestId('outlet-error')).toHaveTextContent(
      '"la mia fonte" is not a domain name such as example.org.',
    );
    expect(within(box).getAllByTestId('outlet-row')).toHaveLength(1);

    await user.clear(within(box).getByLabelText('Name for example.org'));
    expect(screen.getByTestId('settings-save')).toBeDisabled();
    expect(api.callsOf('settings.update')).toEqual([]);
  });

  it('after a rename of stored articles, reloads the list and says how many changed', async () => {
    const api = new FakeApi();
    const user = userEvent.setup();
    await renderApp(api);
    const listCalls = api.callsOf('articles.list').length;
    api.renamedOnUpdate = 3;
    const box = await openDialog(user);
    await user.type(within(box).getByTestId('outlet-add-domain'), 'ilfogliettone.it');
    await user.type(within(box).getByTestId('outlet-add-name'), 'Il Fogliettone{Enter}');
    await user.click(screen.getByTestId('settings-save'));
    expect(
      await screen.findByText('Settings saved: 3 stored articles took the new outlet names'),
    ).toBeInTheDocument();
    expect(api.callsOf('articles.list').length).toBeGreaterThan(listCalls);
  });
});
