// The ONE way out of the app to the system browser. Every caller (the shell.openExternal API method, links
// the window tries to open) goes through here: the shared rule checks the URL, and only then is it opened.
import { shell } from 'electron';
import { checkExternalUrl } from '../../shared/domain/external-url';

/** Opens `raw` in the system browser if it passes checkExternalUrl; returns whether it was opened. */
export async function openExternalChecked(raw: unknown): Promise<boolean> {
  if (typeof raw !== 'string') return false;
  const url = checkExternalUrl(raw);
  if (url === null) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
