// Crash safety: a worker process changes annotations as fast as it can and is killed with SIGKILL at a
// random moment; the reopened library must hold every change the worker saw acknowledged, and open at all.
// `npm test` runs a reduced size; `npm run test:kill` the full one (or set KILL_RUNS / KILL_CHANGES).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../electron/services/workbench';
import { listBackups } from '../../../electron/services/library/backup';
import { FOGLIETTONE, SPUTNIK, fixture } from '../../helpers/temp-library';
import { checkAfterKill, parseLines } from './kill-check';

const full = process.env.npm_lifecycle_event === 'test:kill';
const RUNS = Number(process.env.KILL_RUNS ?? (full ? 25 : 20));
const CHANGES = Number(process.env.KILL_CHANGES ?? (full ? 1000 : 100));
const CHAINS = 4;

let work: string;
let workerJs: string;
let template: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'wb-kill-'));
  workerJs = join(work, 'kill-worker.mjs');
  // One self-contained bundle (lowdb and zod included), so the child needs no loader and no node_modules.
  await build({
    entryPoints: [fileURLToPath(new URL('./kill-worker.ts', import.meta.url))],
    outfile: workerJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  template = join(work, 'template');
  const wb = await openWorkbench({ libraryDir: template, version: 'test', ports: { shell: 'host' } });
  const report = await wb.importer.importFiles([fixture(SPUTNIK), fixture(FOGLIETTONE)]);
  expect(report.imported).toBe(2);
  await wb.close();
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunResult {
  stdout: string;
  killed: boolean;
  finished: boolean;
}

/**
 * Run the worker on `dir` and SIGKILL it `killAfterMs` after it is ready (a random moment of its run);
 * it is killed at the latest once it reports done. Resolves with the time from ready to done when it got there.
 */
function runAndKill(dir: string, seed: number, killAfterMs: number): Promise<RunResult & { ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerJs, dir, String(CHANGES), String(seed), String(CHAINS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let readyAt = 0;
    let ms = 0;
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!readyAt && stdout.startsWith('ready\n')) {
        readyAt = performance.now();
        setTimeout(kill, killAfterMs);
      }
      if (!ms && stdout.endsWith('\ndone\n')) {
        ms = performance.now() - readyAt;
        kill();
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    // 'exit' comes after the child is reaped, so its pid is really gone when the parent reopens.
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`worker exited with ${code ?? signal}: ${stderr}`));
      resolve({ stdout, killed: true, finished: stdout.includes('\ndone\n'), ms });
    });
  });
}

describe('SIGKILL during writes', () => {
  it(
    `keeps every acknowledged change over ${RUNS} kills of ${CHANGES} changes each`,
    async () => {
      let acked = 0;
      let annotations = 0;
      let claims = 0;
      let midRun = 0;
      // How long a whole run takes here: the kills are spread over that span.
      const calibration = join(work, 'calibration');
      cpSync(template, calibration, { recursive: true });
      const span = (await runAndKill(calibration, 999, 600_000)).ms;
      for (let run = 0; run < RUNS; run++) {
        const dir = join(work, `run-${run}`);
        cpSync(template, dir, { recursive: true });
        const seed = 1000 + run;
        const result = await runAndKill(dir, seed, Math.random() * span * 0.8);
        if (!result.finished) midRun++;
        // Reopens normally (a damaged file would throw), taking over the dead worker's stale lock.
        const wb = await openWorkbench({ libraryDir: dir, version: 'test', ports: { shell: 'host' } });
        try {
          const check = checkAfterKill(
            parseLines(result.stdout),
            wb.library.allAnnotations(),
            wb.library.listClaims(),
          );
          expect(check.problems, `run ${run} (seed ${seed})`).toEqual([]);
          acked += check.acked;
          annotations += check.checkedAnnotations;
          claims += check.checkedClaims;
          // Every backup left behind opens; a backup killed half-way was cleaned up or never became visible.
          for (const b of await listBackups(dir)) expect(b.articles).toBe(2);
          if (existsSync(join(dir, 'backups')))
            expect(readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('.'))).toEqual([]);
        } finally {
          await wb.close();
        }
        expect(existsSync(join(dir, '.lock'))).toBe(false);
        rmSync(dir, { recursive: true, force: true });
      }
      console.log(
        `kill test: ${RUNS} runs of ${CHANGES} changes (${midRun} killed mid-run, a full run takes ${Math.round(span)} ms), ${acked} acknowledgements, ${annotations} annotations and ${claims} claims checked`,
      );
      expect(midRun).toBeGreaterThanOrEqual(Math.ceil(RUNS / 4));
    },
    Math.max(60_000, RUNS * CHANGES * 20),
  );
});
