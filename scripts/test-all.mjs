// `npm test`: every suite in turn, then one closing line `N passed, N failed, N skipped` with the totals.
// Typecheck, lint and build count as one check each; vitest and Playwright counts are read from their JSON
// reports. Exits non-zero when anything failed (a suite that crashed without a report counts as failed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.test-output');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, ms: Date.now() - started };
}

function record(name, passed, failed, skipped, ms, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  rows.push({ name, passed, failed, skipped, ms, note });
}

function check(name, cmd, args) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const { code, ms } = run(cmd, args);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1, 0, ms);
}

function vitest() {
  if (only.length && !only.includes('vitest')) return;
  const report = join(outDir, 'vitest.json');
  console.log('\n━━ vitest (unit + component)');
  const { code, ms } = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) return record('vitest', 0, 1, 0, ms, `no report (exit ${code})`);
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const failedSuites = (j.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  const failed = j.numFailedTests + failedSuites + (code !== 0 && j.numFailedTests + failedSuites === 0 ? 1 : 0);
  record('vitest', j.numPassedTests, failed, j.numPendingTests + (j.numTodoTests ?? 0), ms);
}

function playwright(name, config, extraEnv = {}, wrap = []) {
  if (only.length && !only.includes(name)) return;
  const report = join(outDir, `${name}.json`);
  console.log(`\n━━ ${name}: playwright -c ${config}`);
  const args = ['playwright', 'test', '-c', config, '--reporter=list,json'];
  const [cmd, ...pre] = wrap.length ? [...wrap, 'npx'] : ['npx'];
  const { code, ms } = run(cmd, [...pre, ...args], { PLAYWRIGHT_JSON_OUTPUT_FILE: report, ...extraEnv });
  if (!existsSync(report)) return record(name, 0, 1, 0, ms, `no report (exit ${code})`);
  const s = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
  const failed = (s.unexpected ?? 0) + (code !== 0 && !(s.unexpected > 0) ? 1 : 0);
  record(name, (s.expected ?? 0) + (s.flaky ?? 0), failed, s.skipped ?? 0, ms);
}

check('build', 'node', ['scripts/build.mjs', '--quiet']);
check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
vitest();
playwright('e2e', 'tests/e2e/playwright.config.ts');
// The Electron shell suite needs a display when the binary exists; it reports itself skipped when not.
const needsXvfb = !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run') && existsSync(join(root, 'node_modules/electron/dist'));
playwright('electron', 'tests/electron/playwright.config.ts', {}, needsXvfb ? ['xvfb-run', '-a'] : []);

console.log('\n━━ summary');
for (const r of rows) {
  console.log(`${r.name.padEnd(10)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${(r.ms / 1000).toFixed(1)}s ${r.note}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
