// The app:// request handler: files under the built renderer folder only, with the security headers.
// Electron-free (it takes a Fetch API Request and returns a Response) so it can be tested in plain Node.
import { readFile } from 'node:fs/promises';
import { contentTypeFor, securityHeaders } from '../services/renderer-files';
import { resolveRendererPath } from './protocol-path';

export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = securityHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers });
    const file = resolveRendererPath(request.url, rendererRoot);
    if (file === null) return new Response('Not found', { status: 404, headers });
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(file));
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' },
    });
  };
}
