import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/csp';
import { createHost, type Host } from '../../../electron/host/server';
import { tempDir } from '../../helpers/temp-library';

// Raw requests, so that Host and Origin headers can be forged as an attacker's page or a rebinding DNS name would.
function raw(
  host: Host,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let host: Host;
const tmp = tempDir();
const dispatch = vi.fn(async (method: string) => ({ ok: true as const, result: { method } }));

beforeAll(async () => {
  const dir = join(tmp.dir, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<meta name="workbench-token" content="__WORKBENCH_TOKEN__"><p>app</p>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'do not serve');
  host = await createHost({ dispatch, staticDir: dir });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

const rpc = (headers: Record<string, string>, body = JSON.stringify({ method: 'app.info', input: {} })) =>
  raw(host, {
    method: 'POST',
    path: '/api/rpc',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('localhost host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.openUrl).toBe(`${host.url}?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await rpc({})).status).toBe(401);
    expect((await rpc({ 'x-workbench-token': 'wrong' })).status).toBe(401);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers API calls with the token', async () => {
    const r = await rpc({ 'x-workbench-token': host.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, result: { method: 'app.info' } });
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await rpc({ 'x-workbench-token': host.token, host: `evil.example:${host.port}` });
    expect(r.status).toBe(421);
    expect(
      (await raw(host, { path: `/?token=${host.token}`, headers: { host: 'evil.example' } })).status,
    ).toBe(421);
  });

  it('refuses a foreign Origin (CSRF from another local page) even with the token', async () => {
    expect((await rpc({ 'x-workbench-token': host.token, origin: 'http://127.0.0.1:9' })).status).toBe(403);
    expect((await rpc({ 'x-workbench-token': host.token, origin: 'null' })).status).toBe(403);
    expect(
      (await rpc({ 'x-workbench-token': host.token, origin: `http://127.0.0.1:${host.port}` })).status,
    ).toBe(200);
  });

  it('refuses non-JSON bodies and non-POST API requests', async () => {
    expect((await rpc({ 'x-workbench-token': host.token, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await raw(host, { path: '/api/rpc', headers: { 'x-workbench-token': host.token } })).status).toBe(
      405,
    );
    expect((await rpc({ 'x-workbench-token': host.token }, '{not json')).status).toBe(400);
  });

  it('serves pages only after the token URL set its cookie, and injects the token for the API client', async () => {
    expect((await raw(host, { path: '/' })).status).toBe(401);
    expect((await raw(host, { path: '/?token=wrong' })).status).toBe(401);
    const login = await raw(host, { path: `/?token=${host.token}` });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await raw(host, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${host.token}"`);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw(host, { path: '/assets/app.js', headers: { cookie } })).status).toBe(200);
    expect((await raw(host, { path: '/assets/app.js' })).status).toBe(401);
  });

  it('never serves files outside the renderer folder', async () => {
    const login = await raw(host, { path: `/?token=${host.token}` });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await raw(host, { path, headers: { cookie } });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
  });
});
