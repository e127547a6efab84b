import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/csp';

const base = mkdtempSync(path.join(os.tmpdir(), 'workbench-protocol-'));
const rendererRoot = path.join(base, 'out', 'renderer');
mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(rendererRoot, '.env'), 'outside the renderer folder');
writeFileSync(path.join(rendererRoot, 'assets', '.hidden.js'), 'outside the renderer folder');
writeFileSync(path.join(base, 'out', 'secret.txt'), 'outside the renderer folder');
const handle = createAppProtocolHandler(rendererRoot);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('serves files from the renderer folder with CSP and a content type', async () => {
    const res = await handle(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>x</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await handle(new Request('app://workbench/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://workbench/'))).status).toBe(200);
  });

  it('refuses traversal, other hosts, directories and missing files with 404 (and still sends the CSP)', async () => {
    for (const url of [
      'app://workbench/../secret.txt',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/assets%2F..%2F..%2Fsecret.txt',
      'app://workbench/..%5csecret.txt',
      'app://other/index.html',
      'app://workbench/assets',
      'app://workbench/missing.js',
      'app://workbench/.env',
      'app://workbench/assets/.hidden.js',
    ]) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('outside the renderer folder');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only GET and HEAD', async () => {
    expect(
      (await handle(new Request('app://workbench/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    const head = await handle(new Request('app://workbench/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
