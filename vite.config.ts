import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './shared/api/csp.js';

// index.html gets its CSP <meta> from the one policy (shared/api/csp.ts) that the app:// protocol and the
// localhost host send as a header, so the page carries the same policy however it is opened.
// It goes right after <meta charset>, before anything the policy governs.
function contentSecurityPolicyMeta(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'workbench-csp-meta',
    transformIndexHtml(html) {
      if (!html.includes(charset) || META_CONTENT_SECURITY_POLICY.includes('"'))
        throw new Error('index.html: cannot place the CSP <meta>');
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

// The renderer is served over HTTP by the host and over the app:// protocol by Electron, never file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
