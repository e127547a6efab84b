// The localhost host against what other local software and web pages can throw at it: it listens on
// 127.0.0.1 only, wants the token on every request, refuses foreign and rebinding Host names and foreign
// Origins (never grants CORS), caps the body, and does not wait forever for slow clients.
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_IMPORT_SIZE_LIMITS,
  droppedFileSchema,
  IMPORT_SIZE_LIMIT_MAX_BYTES,
  type ImportSizeLimits,
} from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/csp';
import {
  bodyCapFor,
  createHost,
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  REQUEST_TIMEOUT_MS,
  type Host,
} from '../../../electron/host/server';
import { tempDir } from '../../helpers/temp-library';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
const seen: Reply[] = [];

function raw(
  host: Host,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          const r = { status: res.statusCode ?? 0, headers: res.headers, body };
          seen.push(r);
          resolve(r);
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A hand-written request on a bare socket: what a non-browser client can send. Resolves with what came back and how it ended. */
function socketExchange(
  port: number,
  chunks: Array<string | { wait: number }>,
  opts: { giveUpMs?: number } = {},
) {
  return new Promise<{ data: string; closed: boolean; ms: number }>((resolve) => {
    const started = Date.now();
    let data = '';
    let closed = false;
    let done = false;
    const sock: Socket = connect(port, '127.0.0.1');
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(giveUp);
      sock.destroy();
      resolve({ data, closed, ms: Date.now() - started });
    };
    const giveUp = setTimeout(finish, opts.giveUpMs ?? 5_000);
    sock.on('data', (c) => (data += c.toString('latin1')));
    sock.on('close', () => {
      closed = true;
      finish();
    });
    sock.on('error', () => undefined);
    sock.on('connect', async () => {
      for (const c of chunks) {
        if (done || sock.destroyed) return;
        if (typeof c === 'string') sock.write(c);
        else await new Promise((r) => setTimeout(r, c.wait));
      }
    });
  });
}

const statusOf = (data: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0);

function canConnect(hostname: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: hostname, port });
    s.setTimeout(2_000, () => {
      s.destroy();
      resolve(false);
    });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

const tmp = tempDir('wb-host-hostile-');
const staticDir = join(tmp.dir, 'renderer');
const dispatch = vi.fn(async (method: string) => ({ ok: true as const, result: { method } }));
let host: Host;
let small: Host;
let cookie = '';

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<meta name="workbench-token" content="__WORKBENCH_TOKEN__"><p>app</p>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'do not serve');
  // Hidden files inside the served folder: never served either.
  mkdirSync(join(staticDir, '.git'), { recursive: true });
  writeFileSync(join(staticDir, '.env'), 'hidden: do not serve');
  writeFileSync(join(staticDir, '.git', 'config'), 'hidden: do not serve');
  writeFileSync(join(staticDir, 'assets', '.hidden.js'), 'hidden: do not serve');
  host = await createHost({ dispatch, staticDir });
  small = await createHost({
    dispatch,
    staticDir,
    limits: { maxBodyBytes: 1024, headersTimeoutMs: 400, requestTimeoutMs: 800 },
  });
  const login = await raw(host, { path: `/?token=${host.token}` });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  await small.close();
  tmp.cleanup();
});

const api = (
  h: Host,
  headers: Record<string, string> = {},
  body = JSON.stringify({ method: 'app.info', input: {} }),
) =>
  raw(h, {
    method: 'POST',
    path: '/api/rpc',
    headers: { 'content-type': 'application/json', 'x-workbench-token': h.token, ...headers },
    body,
  });

describe('binding', () => {
  it('is bound to 127.0.0.1 only', async () => {
    expect(host.address).toBe('127.0.0.1');
    expect(small.address).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
  });

  it('is not reachable on IPv6 loopback or on any other interface', async () => {
    expect(await canConnect('::1', host.port)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const addr of external) expect(await canConnect(addr, host.port), addr).toBe(false);
  });
});

describe('the token, on every request', () => {
  it('static files, the index and unknown paths all answer 401 without the cookie (not 404, not the file)', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/missing.js',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/api',
      '/favicon.ico',
    ]) {
      const r = await raw(host, { path });
      expect(r.status, path).toBe(401);
      expect(r.body, path).not.toContain('do not serve');
      expect(r.body, path).not.toContain(host.token);
    }
    expect((await raw(host, { path: '/assets/app.js', headers: { cookie: 'wb_token=wrong' } })).status).toBe(
      401,
    );
    expect(
      (await raw(host, { path: '/assets/app.js', headers: { cookie: `wb_token=${host.token}x` } })).status,
    ).toBe(401);
    expect((await raw(host, { path: '/assets/app.js', headers: { cookie } })).status).toBe(200);
  });

  it('the API wants the header: the cookie alone (what a cross-site form would carry), the query or a bearer token are not enough', async () => {
    dispatch.mockClear();
    const noHeader = { 'content-type': 'application/json' };
    for (const headers of [
      { ...noHeader, cookie },
      { ...noHeader, authorization: `Bearer ${host.token}` },
      { ...noHeader, 'x-workbench-token': '' },
      { ...noHeader, 'x-workbench-token': host.token.slice(0, -1) },
      { ...noHeader, 'x-workbench-token': `${host.token}x` },
    ]) {
      const r = await raw(host, {
        method: 'POST',
        path: '/api/rpc',
        headers,
        body: '{"method":"app.info","input":{}}',
      });
      expect(r.status).toBe(401);
      expect(r.body).not.toContain(host.token);
    }
    const q = await raw(host, {
      method: 'POST',
      path: `/api/rpc?token=${host.token}`,
      headers: noHeader,
      body: '{"method":"app.info","input":{}}',
    });
    expect(q.status).toBe(401);
    expect(dispatch).not.toHaveBeenCalled();
    expect((await api(host)).status).toBe(200);
  });

  it('a token from another run of the host is refused', async () => {
    expect(small.token).not.toBe(host.token);
    expect((await api(host, { 'x-workbench-token': small.token })).status).toBe(401);
    expect((await raw(host, { path: '/', headers: { cookie: `wb_token=${small.token}` } })).status).toBe(401);
  });
});

describe('static files (the same path rule as the app:// protocol)', () => {
  it('never serves hidden files or folders, even with the cookie', async () => {
    for (const path of ['/.env', '/.git/config', '/assets/.hidden.js', '/assets/%2ehidden.js', '/%2eenv']) {
      const r = await raw(host, { path, headers: { cookie } });
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('do not serve');
    }
  });

  it('refuses encoded separators, backslashes and NUL bytes, even where they would name a real file', async () => {
    expect((await raw(host, { path: '/assets/app.js', headers: { cookie } })).status).toBe(200);
    for (const path of [
      '/assets%2fapp.js',
      '/assets%2Fapp.js',
      '/assets%5capp.js',
      '/assets%5Capp.js',
      '/assets/app.js%00',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/%E0%A4%A',
    ]) {
      const r = await raw(host, { path, headers: { cookie } });
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('do not serve');
      expect(r.body, path).not.toContain('console.log');
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  const foreign = (port: number) => [
    `localhost.evil.com:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `127.0.0.1.evil.com:${port}`,
    `evil.com:${port}`,
    'evil.com',
    `[::1]:${port}`,
    '[::1]',
    `[::ffff:127.0.0.1]:${port}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port + 1}`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `127.0.0.2:${port}`,
    `127.0.0.1.:${port}`,
    `localhost.:${port}`,
    `127.0.0.1:${port}@evil.com`,
    `127.0.0.1:0${port}`,
  ];

  it('refuses foreign and rebinding names with 421, for the API (even with the token) and for pages (even with the cookie)', async () => {
    dispatch.mockClear();
    for (const name of foreign(host.port)) {
      expect((await api(host, { host: name })).status, `API Host: ${name}`).toBe(421);
      expect(
        (await raw(host, { path: '/', headers: { host: name, cookie } })).status,
        `page Host: ${name}`,
      ).toBe(421);
      expect(
        (await raw(host, { path: `/?token=${host.token}`, headers: { host: name } })).status,
        `login Host: ${name}`,
      ).toBe(421);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts exactly 127.0.0.1:<port> and localhost:<port>', async () => {
    expect((await api(host, { host: `127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await api(host, { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('a request without any Host header is refused (HTTP/1.1: 400 from Node; HTTP/1.0: 421 from us)', async () => {
    const v11 = await socketExchange(host.port, [
      `GET /?token=${host.token} HTTP/1.1\r\nConnection: close\r\n\r\n`,
    ]);
    expect(statusOf(v11.data)).toBe(400);
    const v10 = await socketExchange(host.port, [`GET /?token=${host.token} HTTP/1.0\r\n\r\n`]);
    expect(statusOf(v10.data)).toBe(421);
    const empty = await socketExchange(host.port, [
      `GET /?token=${host.token} HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n`,
    ]);
    expect([400, 421]).toContain(statusOf(empty.data));
    const apiV10 = await socketExchange(host.port, [
      `POST /api/rpc HTTP/1.0\r\nx-workbench-token: ${host.token}\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`,
    ]);
    expect(statusOf(apiV10.data)).toBe(421);
  });

  it('a foreign Host first and ours second is still refused', async () => {
    const r = await socketExchange(host.port, [
      `GET /?token=${host.token} HTTP/1.1\r\nHost: evil.com\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    ]);
    expect([400, 421]).toContain(statusOf(r.data));
  });
});

describe('Origin and CORS', () => {
  const foreignOrigins = (port: number) => [
    'null',
    `http://localhost.evil.com:${port}`,
    `http://127.0.0.1.nip.io:${port}`,
    `http://127.0.0.1:${port + 1}`,
    'http://127.0.0.1',
    `https://127.0.0.1:${port}`,
    `http://[::1]:${port}`,
    'file://',
    'https://example.com',
    `http://127.0.0.1:${port}.evil.com`,
    `HTTP://127.0.0.1:${port}`,
  ];

  it('refuses foreign Origins with 403 on the API (with the token) and on pages (with the cookie)', async () => {
    dispatch.mockClear();
    for (const origin of foreignOrigins(host.port)) {
      expect((await api(host, { origin })).status, origin).toBe(403);
      expect((await raw(host, { path: '/assets/app.js', headers: { origin, cookie } })).status, origin).toBe(
        403,
      );
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect((await api(host, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await api(host, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('never grants a CORS preflight', async () => {
    const preflight = {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-workbench-token, content-type',
    };
    const foreign = await raw(host, {
      method: 'OPTIONS',
      path: '/api/rpc',
      headers: { ...preflight, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const sameOrigin = await raw(host, {
      method: 'OPTIONS',
      path: '/api/rpc',
      headers: { ...preflight, origin: `http://127.0.0.1:${host.port}` },
    });
    expect(sameOrigin.status).toBeGreaterThanOrEqual(400);
    const bare = await raw(host, { method: 'OPTIONS', path: '/api/rpc' });
    expect(bare.status).toBe(405);
    for (const r of [foreign, sameOrigin, bare]) {
      for (const h of Object.keys(r.headers)) expect(h).not.toMatch(/^access-control-allow-/);
    }
  });
});

describe('body size', () => {
  // One file sent alone (the renderer does so for a big file), with its name and the JSON around it.
  const callFor = (fileBytes: number) => Math.ceil((fileBytes * 4) / 3) + 255 * 6 + 200;

  it('the default cap fits one file at the default per-file caps, and stays a memory bound', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(callFor(DEFAULT_IMPORT_SIZE_LIMITS.maxPdfBytes));
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(128 * 1024 * 1024);
    expect(bodyCapFor(DEFAULT_IMPORT_SIZE_LIMITS)).toBe(MAX_BODY_BYTES);
  });

  it('a library that raises its caps raises the body cap with them, up to the largest call the contract accepts', () => {
    const b64Max = Number(
      (z.toJSONSchema(droppedFileSchema) as unknown as { properties: { dataBase64: { maxLength: number } } })
        .properties.dataBase64.maxLength,
    );
    const ceiling = { maxBytes: IMPORT_SIZE_LIMIT_MAX_BYTES, maxPdfBytes: IMPORT_SIZE_LIMIT_MAX_BYTES };
    expect(bodyCapFor(ceiling)).toBeGreaterThanOrEqual(b64Max + 255 * 6 + 200);
    expect(bodyCapFor({ maxBytes: 120 * 1024 * 1024, maxPdfBytes: 10 * 1024 * 1024 })).toBeGreaterThanOrEqual(
      callFor(120 * 1024 * 1024),
    );
    // Lowering the caps never shrinks it below the default: batches of small files still need their room.
    expect(bodyCapFor({ maxBytes: 1024 * 1024, maxPdfBytes: 1024 * 1024 })).toBe(MAX_BODY_BYTES);
  });

  it('reads the caps per request: a body refused under the default caps is accepted once the library raises them', async () => {
    let caps: ImportSizeLimits = { ...DEFAULT_IMPORT_SIZE_LIMITS };
    const live = await createHost({ dispatch, staticDir, importLimits: () => caps });
    try {
      const declared = MAX_BODY_BYTES + 1024 * 1024;
      const head = `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${live.port}\r\nx-workbench-token: ${live.token}\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n{"method":`;
      const refused = await socketExchange(live.port, [head]);
      expect(statusOf(refused.data)).toBe(413);
      caps = { maxBytes: 20 * 1024 * 1024, maxPdfBytes: 100 * 1024 * 1024 };
      // Now the host waits for the body instead of refusing it: no answer before the client gives up.
      const waited = await socketExchange(live.port, [head], { giveUpMs: 400 });
      expect(waited.data).toBe('');
      expect(waited.closed).toBe(false);
    } finally {
      await live.close();
    }
  });

  it('answers 413 for a declared Content-Length over the cap without reading it, and closes the connection', async () => {
    dispatch.mockClear();
    const r = await socketExchange(small.port, [
      `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nx-workbench-token: ${small.token}\r\ncontent-type: application/json\r\ncontent-length: 999999999\r\n\r\n{"method":`,
    ]);
    expect(statusOf(r.data)).toBe(413);
    expect(r.closed).toBe(true);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers 413 for a chunked body that grows over the cap', async () => {
    dispatch.mockClear();
    const chunk = 'x'.repeat(600);
    const r = await socketExchange(small.port, [
      `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nx-workbench-token: ${small.token}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      '0\r\n\r\n',
    ]);
    expect(statusOf(r.data)).toBe(413);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a body at the cap is read; an unauthenticated big body is refused before it is read', async () => {
    const body = JSON.stringify({ method: 'app.info', input: {}, pad: 'x'.repeat(1024 - 50) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024);
    expect((await api(small, {}, body)).status).toBe(200);
    dispatch.mockClear();
    const r = await raw(small, {
      method: 'POST',
      path: '/api/rpc',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(5000),
    });
    expect(r.status).toBe(401);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('slow clients', () => {
  it('has header and request timeouts', () => {
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(0);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    expect(REQUEST_TIMEOUT_MS).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(120_000);
  });

  it('drops a client that trickles its headers (slow loris)', async () => {
    const trickle: Array<string | { wait: number }> = [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\n`];
    for (let i = 0; i < 40; i++) trickle.push({ wait: 100 }, `X-Slow-${i}: 1\r\n`);
    const r = await socketExchange(small.port, trickle, { giveUpMs: 6_000 });
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(3_500);
    expect([0, 408]).toContain(statusOf(r.data));
  });

  it('drops a client that trickles its body', async () => {
    const trickle: Array<string | { wait: number }> = [
      `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nx-workbench-token: ${small.token}\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n`,
    ];
    for (let i = 0; i < 40; i++) trickle.push({ wait: 100 }, 'x');
    const r = await socketExchange(small.port, trickle, { giveUpMs: 6_000 });
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(4_000);
  });

  it('still serves others while a slow client hangs on', async () => {
    const slow = socketExchange(
      small.port,
      [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\n`, { wait: 5_000 }],
      { giveUpMs: 6_000 },
    );
    expect((await api(small)).status).toBe(200);
    await slow;
  });
});

describe('every response', () => {
  it('carried the security headers and never a CORS grant', () => {
    expect(seen.length).toBeGreaterThan(50);
    for (const r of seen) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(r.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });
});
