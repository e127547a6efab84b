// The one Content-Security-Policy of the renderer, wherever it is served: the app:// protocol in Electron,
// the localhost host, and the <meta> the build writes into index.html (vite.config.ts). Everything comes from
// the page's own origin: no inline scripts or styles, no eval, no remote origins, no frames, no plugins.
// React sets style props through the CSSOM, which style-src does not restrict, so 'unsafe-inline' is not needed.
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
  'base-uri': ["'none'"],
};

/** Directives a <meta> policy cannot carry (browsers ignore them there and log an error); headers carry them. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];

export function buildCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy as a response header. */
export const CONTENT_SECURITY_POLICY = buildCsp();

/** The same policy for index.html's <meta http-equiv>: the header's directives less the header-only ones. */
export const META_CONTENT_SECURITY_POLICY = buildCsp(
  Object.fromEntries(
    Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)),
  ),
);
