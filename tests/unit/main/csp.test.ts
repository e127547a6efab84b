import { describe, expect, it } from 'vitest';
import { buildCsp, CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, securityHeaders } from '../../../electron/main/csp';

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
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
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
});
