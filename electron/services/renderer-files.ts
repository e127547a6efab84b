// The built renderer's files as both servers hand them out: the app:// protocol in Electron
// (electron/main/app-protocol.ts) and the localhost host (electron/host/server.ts). One path rule, one MIME
// map and one set of security headers, so the two cannot drift. Never imports electron.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

/**
 * Maps a request URL's pathname (as the URL parser left it, still percent-encoded) to a file inside `root`,
 * or null: no encoded separators, dots or NUL bytes, no backslashes, no hidden files or folders, no
 * Windows drive or device characters, nothing outside the root; "/" is index.html.
 */
export function resolveStaticPath(rawPathname: string, root: string): string | null {
  // Reject encoded separators and dots before decoding: a "%2F" or "%2e%2e" has no business in an asset path.
  if (/%2f|%5c|%00|%2e/i.test(rawPathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';

  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0) return null;
  for (const s of segments) {
    if (s === '.' || s === '..' || s.startsWith('.')) return null;
    if (/[:*?"<>|]/.test(s)) return null;
  }

  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of either server, errors included: the one CSP, no sniffing, no referrer, no cross-origin use. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
