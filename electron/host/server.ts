// The localhost host: serves the built renderer and the same API methods over HTTP, for the browser
// (tests, and `npm start` where the Electron binary is missing). It binds 127.0.0.1 only and trusts a
// request only when it carries the per-run token: the printed URL sets an HttpOnly cookie for pages and
// assets, and every API call must also send the token in a header, which other origins cannot do without
// a CORS preflight that we never grant. Host and Origin headers are checked against our own address, which
// stops DNS rebinding and requests from other local pages.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RPC_PATH, TOKEN_HEADER } from '../../shared/api/bridge';
import type { Dispatch } from '../../shared/api/dispatcher';
import type { ImportSizeLimits, RpcResponse } from '../../shared/api/rpc';
import { contentTypeFor, resolveStaticPath, securityHeaders } from '../services/renderer-files';

const COOKIE = 'wb_token';
/** Import batches carry base64 file contents; the renderer keeps one call under ~40 MB, except one big file sent
 *  alone: a PDF at the default cap (~67 MB as base64) must fit. tests/unit/security checks both. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

/**
 * The body cap for the per-file caps in force: one file at the larger cap, sent alone as base64 with its JSON
 * around it, and never less than the default. A library whose settings raise the caps raises this with them;
 * the memory this admits is what the user asked the import to read.
 */
export function bodyCapFor(limits: ImportSizeLimits): number {
  const largest = Math.max(limits.maxBytes, limits.maxPdfBytes);
  return Math.max(MAX_BODY_BYTES, Math.ceil((largest * 4) / 3) + 64 * 1024);
}
/** A client gets this long to send its headers, and this long for the whole request (a slow-loris bound). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** The per-file import caps in force (app.info's importLimits), read per request: they set the body cap. */
  importLimits?: () => ImportSizeLimits;
  /** Tests only: smaller limits than MAX_BODY_BYTES and the timeouts above. */
  limits?: { maxBodyBytes?: number; headersTimeoutMs?: number; requestTimeoutMs?: number };
}

export interface Host {
  url: string;
  /** The URL to open: it carries the token once, then the cookie takes over. */
  openUrl: string;
  port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  token: string;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const raw = req.headers.cookie ?? '';
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    ...securityHeaders(),
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > max) throw new Error('too large');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > max) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.staticDir);
  const indexFile = join(root, 'index.html');
  const maxBody = () =>
    opts.limits?.maxBodyBytes ?? (opts.importLimits ? bodyCapFor(opts.importLimits()) : MAX_BODY_BYTES);
  const headersTimeout = opts.limits?.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(opts.limits?.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  // Node checks the two timeouts every connectionsCheckingInterval; keep that well under them.
  const timeouts = {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  };
  const server = createServer(timeouts, async (req, res) => {
    try {
      // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host header.
      if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Refused: unknown Host header.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin))
        return send(res, 403, 'Refused: foreign Origin.');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      if (url.pathname === RPC_PATH) {
        if (req.method !== 'POST') return send(res, 405, 'POST only.', undefined, { allow: 'POST' });
        if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          // An RpcResponse, so the client shows the reason as it is.
          const body: RpcResponse = {
            ok: false,
            error: {
              code: 'refused',
              message: 'Refused: missing or wrong access token; reopen the URL the workbench printed.',
            },
          };
          return send(res, 401, JSON.stringify(body), 'application/json; charset=utf-8');
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'JSON only.');
        let body: { method?: unknown; input?: unknown };
        try {
          body = JSON.parse(await readBody(req, maxBody()));
        } catch (err) {
          const tooLarge = err instanceof Error && err.message === 'too large';
          // Too large: answer at once and drop the connection rather than read the rest.
          return send(
            res,
            tooLarge ? 413 : 400,
            tooLarge ? 'Request too large.' : 'Invalid JSON.',
            undefined,
            tooLarge ? { connection: 'close' } : {},
          );
        }
        const result = await opts.dispatch(String(body?.method ?? ''), body?.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'GET only.', undefined, { allow: 'GET' });
      const queryToken = url.searchParams.get('token');
      if (queryToken !== null) {
        if (!sameSecret(queryToken, token)) return send(res, 401, 'Refused: wrong token.');
        // Trade the token in the address bar for a cookie, and drop it from the URL the user sees.
        return send(res, 302, '', undefined, {
          location: '/',
          'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (!sameSecret(cookieToken(req), token)) {
        return send(res, 401, 'Refused: open the URL the workbench printed (it carries the access token).');
      }
      const file = resolveStaticPath(url.pathname, root);
      if (file === null) return send(res, 404, 'Not found.');
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        return send(res, 404, 'Not found.');
      }
      const type = contentTypeFor(file);
      if (file === indexFile) data = Buffer.from(data.toString('utf8').replace('__WORKBENCH_TOKEN__', token));
      return send(res, 200, req.method === 'HEAD' ? '' : data, type);
    } catch (err) {
      opts.log?.(`host error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}?token=${token}`,
        port,
        address: typeof addr === 'object' && addr ? addr.address : '',
        token,
        close: () =>
          new Promise<void>((res) => {
            server.closeAllConnections();
            server.close(() => res());
          }),
      });
    });
  });
}
