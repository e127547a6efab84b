// The single rule for links leaving the app: only http(s) URLs without credentials, normalised.
// Electron's shell.openExternal and the browser fallback both go through this check.
export function checkExternalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  if (!u.hostname) return null;
  return u.toString();
}
