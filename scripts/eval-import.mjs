// `npm run eval:import [-- <dir>] [--check]`: bundles and runs scripts/eval/eval-import.ts. See that file for
// what it scores.
import { runTs } from './run-ts.mjs';

await runTs('scripts/eval/eval-import.ts', 'out/eval/eval-import.mjs');
