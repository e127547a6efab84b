#!/usr/bin/env node
// The `workbench` command. The TypeScript sources are bundled by `npm run build` (run by `npm ci` through
// the prepare script) into out/cli/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('workbench: not built yet; run `npm run build` in the project folder first.');
  process.exit(2);
}
const { runCli } = await import(bundle);
process.exitCode = await runCli(process.argv.slice(2));
