// The one Content-Security-Policy (shared/api/csp.ts): what it allows, and that the three places that carry
// it carry the same one: the app:// protocol's header, the localhost host's header, and the <meta> the build
// wrote into out/renderer/index.html (served by both).
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildCsp,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  HEADER_ONLY_DIRECTIVES,
  META_CONTENT_SECURITY_POLICY,
} from '../../../shared/api/csp';
import { securityHeaders } from '../../../electron/services/renderer-files';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { createHost, type Host } from '../../../electron/host/server';

const parse = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );

describe('Content-Security-Policy', () => {
  const csp = parse(CONTENT_SECURITY_POLICY);

  it('has no unsafe-inline, unsafe-eval, wasm-unsafe-eval, wildcard or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|file:|filesystem:/);
    for (const [, values] of csp) {
      for (const v of values) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(v);
    }
  });

  it('defaults to none and allows scripts and styles from the app origin only', () => {
    expect(csp.get('default-src')).toStrictEqual(["'none'"]);
    expect(csp.get('script-src')).toStrictEqual(["'self'"]);
    expect(csp.get('style-src')).toStrictEqual(["'self'"]);
    expect(csp.get('connect-src')).toStrictEqual(["'self'"]);
  });

  it('forbids plugins, frames, base and form targets', () => {
    for (const d of ['object-src', 'frame-src', 'child-src', 'frame-ancestors', 'form-action', 'base-uri']) {
      expect(csp.get(d), d).toStrictEqual(["'none'"]);
    }
  });

  it('is built from the directive table and sent with nosniff', () => {
    expect(buildCsp(CSP_DIRECTIVES)).toBe(CONTENT_SECURITY_POLICY);
    expect(securityHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });

  it('the <meta> form is the same policy less what only a header can carry', () => {
    const meta = parse(META_CONTENT_SECURITY_POLICY);
    expect(HEADER_ONLY_DIRECTIVES).toContain('frame-ancestors');
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta).toStrictEqual(new Map([...csp].filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))));
  });
});

describe('one policy in all three places', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const built = path.join(root, 'out', 'renderer');
  let host: Host;

  /** The CSP <meta> of a page: exactly one, its content as the browser reads it. */
  function metaPolicy(html: string): string {
    const metas = [
      ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi),
    ];
    expect(metas).toHaveLength(1);
    return metas[0]![1]!
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }
  function get(path: string, cookie = '') {
    return new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, cookie } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  beforeAll(async () => {
    host = await createHost({ dispatch: vi.fn(), staticDir: built });
  });
  afterAll(() => host?.close());

  it('the built index.html carries the policy as its <meta> (npm run build writes out/)', () => {
    expect(
      existsSync(path.join(built, 'index.html')),
      'out/renderer/index.html is missing: run npm run build',
    ).toBe(true);
    expect(metaPolicy(readFileSync(path.join(built, 'index.html'), 'utf8'))).toBe(
      META_CONTENT_SECURITY_POLICY,
    );
    // The source page has no policy of its own: the build writes it from shared/api/csp.ts.
    expect(readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8')).not.toMatch(
      /http-equiv="Content-Security-Policy"/i,
    );
  });

  it('the app:// protocol sends the policy with the built page', async () => {
    const res = await createAppProtocolHandler(built)(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(metaPolicy(await res.text())).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('the localhost host sends the policy with the built page, and with its refusals', async () => {
    const login = await get(`/?token=${host.token}`);
    expect(login.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const page = await get('/', String(login.headers['set-cookie']).split(';')[0]!);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(metaPolicy(page.body)).toBe(META_CONTENT_SECURITY_POLICY);
    expect((await get('/')).headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
