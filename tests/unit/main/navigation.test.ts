import { describe, expect, it } from 'vitest';
import { importDialogProperties, mayNavigate, windowOpenDecision } from '../../../electron/main/navigation';

describe('navigation and window.open policy', () => {
  it('allows navigation only within app://workbench', () => {
    expect(mayNavigate('app://workbench/index.html')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://other/',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('always denies new windows; only http(s) links go to the system browser', () => {
    expect(windowOpenDecision('https://example.com/a?b=1')).toStrictEqual({
      action: 'deny',
      external: 'https://example.com/a?b=1',
    });
    expect(windowOpenDecision('http://example.com')).toStrictEqual({
      action: 'deny',
      external: 'http://example.com/',
    });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://workbench/index.html',
      'about:blank',
      'https://user:pw@example.com/',
      'smb://host/share',
    ]) {
      expect(windowOpenDecision(url), url).toStrictEqual({ action: 'deny', external: null });
    }
  });

  it('import dialog picks files and folders on macOS, files elsewhere', () => {
    expect(importDialogProperties('darwin')).toStrictEqual(['openFile', 'openDirectory', 'multiSelections']);
    expect(importDialogProperties('linux')).toStrictEqual(['openFile', 'multiSelections']);
    expect(importDialogProperties('win32')).toStrictEqual(['openFile', 'multiSelections']);
    // Import Folder… picks folders where one dialog cannot pick both.
    expect(importDialogProperties('linux', 'folders')).toStrictEqual(['openDirectory', 'multiSelections']);
    expect(importDialogProperties('win32', 'folders')).toStrictEqual(['openDirectory', 'multiSelections']);
    expect(importDialogProperties('darwin', 'folders')).toStrictEqual([
      'openFile',
      'openDirectory',
      'multiSelections',
    ]);
  });
});
