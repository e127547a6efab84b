// Who may call the API over IPC: only the main frame of our own window, showing a page of the app origin.
// Electron-free so it can be tested in plain Node; index.ts gathers the facts from the IPC event.
import { isAppUrl } from './app-url';

export interface SenderFacts {
  /** event.senderFrame; null/undefined when the frame is gone (navigated away or destroyed). */
  frame: { url: string; parent: unknown | null; processId: number; routingId: number } | null | undefined;
  /** id of event.sender (the WebContents that sent the message). */
  senderWebContentsId: number;
  /** Our window's WebContents and its main frame, or null when there is no window. */
  window: { webContentsId: number; mainFrame: { processId: number; routingId: number } } | null;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function checkSender(facts: SenderFacts): SenderVerdict {
  const { frame, window } = facts;
  if (!frame) return { ok: false, reason: 'no sender frame' };
  if (!window) return { ok: false, reason: 'no application window' };
  if (facts.senderWebContentsId !== window.webContentsId)
    return { ok: false, reason: 'not the application window' };
  if (frame.parent !== null && frame.parent !== undefined) return { ok: false, reason: 'not the main frame' };
  if (frame.processId !== window.mainFrame.processId || frame.routingId !== window.mainFrame.routingId) {
    return { ok: false, reason: 'not the main frame' };
  }
  if (!isAppUrl(frame.url)) return { ok: false, reason: 'not the app origin' };
  return { ok: true };
}
