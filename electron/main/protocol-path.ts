// Maps an app://workbench/... request URL to a file under the built renderer folder, or null. Pure, so the
// rules can be tested without Electron: only the app origin; the path rules (inside the root, no encoded
// separators, no hidden files) are the ones the localhost host uses too (electron/services/renderer-files).
import { resolveStaticPath } from '../services/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-url';

export function resolveRendererPath(rawUrl: string, rendererRoot: string): string | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (
    u.protocol !== `${APP_SCHEME}:` ||
    u.hostname.toLowerCase() !== APP_HOST ||
    u.port !== '' ||
    u.username ||
    u.password
  )
    return null;
  return resolveStaticPath(u.pathname, rendererRoot);
}
