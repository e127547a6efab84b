import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The suite drives the built app; build it when run on its own (npm test builds first).
export default function globalSetup() {
  // A copy of a build made for this run (see WB_E2E_OUT in fixtures.ts): use it as it is.
  if (process.env.WB_E2E_OUT) {
    if (!existsSync(`${process.env.WB_E2E_OUT}/cli/cli.js`))
      throw new Error(`WB_E2E_OUT=${process.env.WB_E2E_OUT} holds no build`);
    return;
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(`${root}/out/cli/cli.js`) || !existsSync(`${root}/out/renderer/index.html`)) {
    const r = spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
}
