import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronStandIn } from '../../helpers/electron-stand-in';

// The real 'electron' module throws outside Electron; the stand-in's shell.openExternal records the calls.
const electron = createElectronStandIn();
const openExternal = electron.shell.openExternal;
vi.mock('electron', () => electron.module);

const { openExternalChecked } = await import('../../../electron/main/external');

describe('openExternalChecked: the one way to the system browser', () => {
  beforeEach(() => openExternal.mockClear());

  it('opens checked http(s) URLs, normalised', async () => {
    await expect(openExternalChecked('  https://example.com/a b  ')).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls[0]![0]).toBe('https://example.com/a%20b');
  });

  it('refuses everything else without calling shell.openExternal', async () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://workbench/',
      'https://u:p@example.com/',
      'not a url',
      42,
      null,
      undefined,
    ]) {
      await expect(openExternalChecked(bad), String(bad)).resolves.toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
