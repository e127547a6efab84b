// `npm run bench`: bundles and runs scripts/bench/bench.ts. Run it after `node scripts/build.mjs` (npm run bench
// does both): the browser part serves the built renderer through the built CLI's host.
import { runTs } from './run-ts.mjs';

await runTs('scripts/bench/bench.ts', 'out/bench/bench.mjs', ['--expose-gc']);
