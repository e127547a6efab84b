// Source-level rules of the shell that a type checker cannot see.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
// Source with comments removed, so the rules look at code only.
const code = (rel: string) => read(rel).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
const mainFiles = readdirSync(path.join(root, 'electron/main')).filter((f) => f.endsWith('.ts'));

describe('shell sources', () => {
  it('only external.ts calls shell.openExternal, and only after checkExternalUrl', () => {
    for (const f of mainFiles) {
      const src = code(`electron/main/${f}`);
      if (f === 'external.ts') {
        expect(src.indexOf('checkExternalUrl(')).toBeGreaterThan(-1);
        expect(src.indexOf('checkExternalUrl(')).toBeLessThan(src.indexOf('shell.openExternal('));
      } else {
        expect(src, f).not.toMatch(/shell\.openExternal|\bshell\b.*from 'electron'/);
      }
    }
  });

  it('never loads file:// or loadFile, and registers the app scheme as privileged', () => {
    for (const f of mainFiles) expect(code(`electron/main/${f}`), f).not.toMatch(/loadFile\(|file:\/\//);
    const index = read('electron/main/index.ts');
    expect(index).toMatch(/registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true, supportFetchAPI: true \} \}\]\)/);
    expect(index).toMatch(/setPermissionRequestHandler\(/);
    expect(index).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(index).toMatch(/requestSingleInstanceLock\(\)/);
  });

  it('the pure modules import nothing from electron at runtime', () => {
    const pure = ['app-url.ts', 'args.ts', 'csp.ts', 'menu.ts', 'navigation.ts', 'protocol-path.ts', 'sender-check.ts', 'window-options.ts'];
    for (const f of pure) expect(read(`electron/main/${f}`), f).not.toMatch(/^import (?!type )[^;]*from 'electron'/m);
    expect(read('electron/preload/api.ts')).not.toMatch(/from 'electron'/);
  });
});
