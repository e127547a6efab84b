import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererPath } from '../../../electron/main/protocol-path';
import { contentTypeFor } from '../../../electron/services/renderer-files';

const root = path.resolve('/opt/app/out/renderer');
const r = (url: string) => resolveRendererPath(url, root);

describe('app:// → file under out/renderer', () => {
  it('maps the root and assets inside the renderer folder', () => {
    expect(r('app://workbench/')).toBe(path.join(root, 'index.html'));
    expect(r('app://workbench')).toBe(path.join(root, 'index.html'));
    expect(r('app://workbench/index.html')).toBe(path.join(root, 'index.html'));
    expect(r('app://workbench/assets/index-Ab12.js')).toBe(path.join(root, 'assets', 'index-Ab12.js'));
    expect(r('app://workbench/assets/index.css?v=1#x')).toBe(path.join(root, 'assets', 'index.css'));
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://workbench/../package.json',
      'app://workbench/assets/../../main/main.js',
      'app://workbench/%2e%2e/%2e%2e/package.json',
      'app://workbench/%2E%2E%2Fpackage.json',
      'app://workbench/assets%2F..%2F..%2Fpackage.json',
      'app://workbench/..%5c..%5cpackage.json',
      'app://workbench/assets/..\\..\\package.json',
      'app://workbench/%00index.html',
      'app://workbench/%E0%A4%A',
      'app://workbench//etc/passwd',
      'app://workbench/C:/Windows/win.ini',
      'app://workbench/.env',
      'app://workbench/assets/.hidden',
    ]) {
      const got = r(url);
      if (got !== null) {
        // Either refused, or (after URL normalisation) still inside the renderer folder.
        expect(path.relative(root, got).startsWith('..'), url).toBe(false);
        expect(path.isAbsolute(path.relative(root, got)), url).toBe(false);
      }
    }
    // The URL parser already folds %2e%2e segments away: what is left stays inside the folder.
    expect(r('app://workbench/%2e%2e/%2e%2e/package.json')).toBe(path.join(root, 'package.json'));
    expect(r('app://workbench/assets%2F..%2F..%2Fpackage.json')).toBeNull();
    expect(r('app://workbench/%00index.html')).toBeNull();
    expect(r('app://workbench/.env')).toBeNull();
    expect(r('app://workbench/C:/Windows/win.ini')).toBeNull();
  });

  it('refuses other origins and schemes', () => {
    for (const url of [
      'app://other/index.html',
      'app://workbench:8080/index.html',
      'app://user:pw@workbench/index.html',
      'file:///opt/app/out/renderer/index.html',
      'https://workbench/index.html',
      'not a url',
    ]) {
      expect(r(url), url).toBeNull();
    }
  });

  it('gives content types by extension', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
