import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractorPool } from '../../../../../electron/services/import/pipeline/worker-pool';
import { FOGLIETTONE, PNG_BYTES, SPUTNIK, fixture, tempDir } from '../../../../helpers/temp-library';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const realWorker = join(root, 'out/cli/extract-worker.js');
const tmp = tempDir();

// Stand-in workers that misbehave the ways hostile files make real extractors misbehave.
const hang = join(tmp.dir, 'hang.mjs');
const crash = join(tmp.dir, 'crash.mjs');
const hog = join(tmp.dir, 'hog.mjs');

beforeAll(() => {
  if (!existsSync(realWorker))
    spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  writeFileSync(
    hang,
    "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { for (;;) {} });\n",
  );
  writeFileSync(
    crash,
    "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
  );
  writeFileSync(
    hog,
    "import { parentPort } from 'node:worker_threads';\nconst keep = [];\nparentPort.on('message', () => { for (;;) keep.push(new Array(1e6).fill({ a: 1 })); });\n",
  );
}, 120_000);
afterAll(() => tmp.cleanup());

describe('extraction worker pool', () => {
  it('extracts real files in workers, in call order, and refuses bad ones with the reason', async () => {
    const pool = createExtractorPool({ workerFile: realWorker, size: 2 });
    try {
      const files = [
        fixture(SPUTNIK),
        { name: 'photo.txt', size: 8, bytes: PNG_BYTES },
        fixture(FOGLIETTONE),
      ];
      const results = await Promise.all(files.map((f) => pool.extract(f.name, f.bytes)));
      expect(results.map((r) => r[0]!.label)).toEqual([SPUTNIK, 'photo.txt', FOGLIETTONE]);
      const first = results[0]![0]!;
      expect('article' in first && first.article.outlet.name).toBe('Sputnik Italia');
      expect('bytes' in first && first.bytes.byteLength).toBe(fixture(SPUTNIK).size);
      expect(results[1]![0]).toMatchObject({ refusal: expect.stringMatching(/PNG/) });
    } finally {
      await pool.close();
    }
  });

  it('refuses a file that runs past the time limit and keeps serving with a fresh worker', async () => {
    const pool = createExtractorPool({ workerFile: hang, size: 1, timeoutMs: 300 });
    try {
      const [a, b] = await Promise.all([
        pool.extract('slow.txt', new Uint8Array([65])),
        pool.extract('next.txt', new Uint8Array([66])),
      ]);
      expect(a).toEqual([{ label: 'slow.txt', refusal: 'took longer than 300 ms to read; skipped' }]);
      expect(b![0]!.label).toBe('next.txt');
    } finally {
      await pool.close();
    }
  });

  it('refuses a file whose reader crashes or runs out of memory', async () => {
    const crashing = createExtractorPool({ workerFile: crash, size: 1 });
    try {
      expect(await crashing.extract('boom.txt', new Uint8Array([1]))).toEqual([
        { label: 'boom.txt', refusal: 'the reader stopped on this file (exit 3)' },
      ]);
    } finally {
      await crashing.close();
    }
    const hogging = createExtractorPool({ workerFile: hog, size: 1, maxHeapMb: 32, timeoutMs: 20_000 });
    try {
      const [r] = await hogging.extract('bomb.txt', new Uint8Array([1]));
      expect(r).toMatchObject({
        label: 'bomb.txt',
        refusal: expect.stringMatching(/reader (failed|stopped)/),
      });
    } finally {
      await hogging.close();
    }
  }, 30_000);
});
