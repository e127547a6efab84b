// Bundles one TypeScript tool script with esbuild (dependencies stay external, like the CLI bundle) into
// out/<outfile> and runs it with this process's arguments, exiting with its status. Used by `npm run bench`
// and `npm run eval:import`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function runTs(entry, outfile, nodeFlags = []) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    entryPoints: [entry],
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
  const r = spawnSync(
    process.execPath,
    ['--enable-source-maps', ...nodeFlags, `${root}/${outfile}`, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
