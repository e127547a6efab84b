// `npm run bench`: bundles scripts/bench/bench.ts with esbuild (dependencies stay external, like the CLI
// bundle) into out/bench/bench.mjs and runs it with the same arguments. Run it after `node scripts/build.mjs`
// (npm run bench does both): the browser part serves the built renderer through the built CLI's host.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = 'out/bench/bench.mjs';
await build({
  entryPoints: ['scripts/bench/bench.ts'],
  outfile,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', `${root}/${outfile}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
