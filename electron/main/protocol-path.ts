// Maps an app://workbench/... request URL to a file under the built renderer folder, or null. Pure, so the
// traversal rules can be tested without Electron: only the app origin, only files inside the root, no
// encoded separators or NUL bytes, no hidden files; "/" is index.html.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

export function resolveRendererPath(rawUrl: string, rendererRoot: string): string | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname.toLowerCase() !== APP_HOST || u.port !== '' || u.username || u.password) return null;

  // Reject encoded separators and dots before decoding: a "%2F" or "%2e%2e" has no business in an asset path.
  if (/%2f|%5c|%00|%2e/i.test(u.pathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
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

  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...segments);
  const rel = path.relative(root, file);
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
