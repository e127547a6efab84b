// The app's own origin. The renderer is served from app://workbench/ (a privileged standard scheme), never
// file://. Node's URL gives non-special schemes the origin "null", so the origin is compared by parts.
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `raw` is a URL on the app's own origin (app://workbench, no port, no credentials). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (typeof raw !== 'string' || raw === '') return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname.toLowerCase() === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}
