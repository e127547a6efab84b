import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/app-url';
import { checkSender, type SenderFacts } from '../../../electron/main/sender-check';

const main = { processId: 4, routingId: 1 };
const ok: SenderFacts = {
  frame: { url: 'app://workbench/index.html', parent: null, ...main },
  senderWebContentsId: 7,
  window: { webContentsId: 7, mainFrame: main },
};

describe('IPC sender check', () => {
  it('accepts the main frame of our window on the app origin', () => {
    expect(checkSender(ok)).toStrictEqual({ ok: true });
    expect(checkSender({ ...ok, frame: { ...ok.frame!, url: 'app://workbench/#/reader?x=1' } }).ok).toBe(
      true,
    );
  });

  it('refuses a missing frame or window', () => {
    expect(checkSender({ ...ok, frame: null }).ok).toBe(false);
    expect(checkSender({ ...ok, frame: undefined }).ok).toBe(false);
    expect(checkSender({ ...ok, window: null }).ok).toBe(false);
  });

  it('refuses other origins', () => {
    for (const url of [
      'https://example.com/',
      'file:///opt/app/out/renderer/index.html',
      'app://evil/index.html',
      'app://workbench.evil/index.html',
      'app://workbench:1/index.html',
      'about:blank',
      'data:text/html,hi',
      '',
    ]) {
      expect(checkSender({ ...ok, frame: { ...ok.frame!, url } }).ok, url).toBe(false);
    }
  });

  it('refuses subframes and other WebContents', () => {
    expect(checkSender({ ...ok, frame: { ...ok.frame!, parent: {} } }).ok).toBe(false);
    expect(checkSender({ ...ok, frame: { ...ok.frame!, routingId: 2 } }).ok).toBe(false);
    expect(checkSender({ ...ok, frame: { ...ok.frame!, processId: 5 } }).ok).toBe(false);
    expect(checkSender({ ...ok, senderWebContentsId: 8 }).ok).toBe(false);
  });

  it('isAppUrl compares the origin by parts', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('APP://WORKBENCH/index.html')).toBe(true);
    expect(isAppUrl('app://workbench@evil/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('::')).toBe(false);
  });
});
