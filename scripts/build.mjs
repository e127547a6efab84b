// Builds everything without the Electron binary: the main-process bundles with esbuild (dependencies stay
// external, so the packaged app carries them as production node_modules) and the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
const started = Date.now();
rmSync(`${root}/out`, { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  // Electron main process (ESM; Electron ≥ 28 loads ESM main entries).
  esbuild({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'out/main/main.js',
    format: 'esm',
    external: ['electron'],
  }),
  // A sandboxed preload must be one CommonJS file with nothing but 'electron' required.
  esbuild({
    ...node,
    packages: undefined,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  // The CLI (also the host behind `npm start` when Electron is missing). Never imports electron.
  esbuild({ ...node, entryPoints: ['electron/cli/index.ts'], outfile: 'out/cli/cli.js', format: 'esm' }),
  // The extraction worker, beside each entry that starts a pool of them.
  ...['out/main', 'out/cli'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['electron/services/import/pipeline/extract-worker.ts'],
      outfile: `${dir}/extract-worker.js`,
      format: 'esm',
    }),
  ),
  viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: quiet ? 'warn' : 'info' }),
]);
if (!quiet) console.log(`build: done in ${Date.now() - started} ms`);
