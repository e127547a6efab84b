import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The suite drives the built app; build it when run on its own (npm test builds first).
export default function globalSetup() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(`${root}/out/cli/cli.js`) || !existsSync(`${root}/out/renderer/index.html`)) {
    const r = spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
}
