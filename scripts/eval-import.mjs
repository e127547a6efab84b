// `npm run eval:import [-- <dir>]`: bundles scripts/eval/eval-import.ts with esbuild (dependencies stay
// external) into out/eval/eval-import.mjs and runs it with the same arguments. See that file for what it scores.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = 'out/eval/eval-import.mjs';
await build({
  entryPoints: ['scripts/eval/eval-import.ts'],
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
const r = spawnSync(process.execPath, ['--enable-source-maps', `${root}/${outfile}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
