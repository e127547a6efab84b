// Reading named files and folders in batches by the one batching rule (shared/domain/import-batches): at most
// maxFiles and maxBytes read per batch, a file over its cap read not at all (it goes by name and size) and
// weighing nothing, a file that cannot be walked reported as a problem.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readFileBatches,
  type PathProblem,
} from '../../../../../electron/services/import/pipeline/read-paths';
import { DEFAULT_LIMITS } from '../../../../../electron/services/import/formats/types';
import type { BatchBudget } from '../../../../../shared/domain/import-batches';
import { tempDir } from '../../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** Files named by their size in bytes, in walk order. */
function files(sizes: number[]): string[] {
  return sizes.map((n, i) => {
    const path = join(tmp.dir, `${String(i).padStart(2, '0')}.txt`);
    writeFileSync(path, 'x'.repeat(n));
    return path;
  });
}

async function batches(paths: string[], budget: BatchBudget, limits = DEFAULT_LIMITS) {
  const problems: PathProblem[] = [];
  const out: Array<Array<{ name: string; size: number; read: boolean }>> = [];
  for await (const b of readFileBatches(paths, problems, { budget, limits }))
    out.push(b.map((f) => ({ name: f.name, size: f.size, read: f.bytes !== undefined })));
  return { out, problems };
}

describe('readFileBatches', () => {
  it('cuts batches by count and by bytes, a heavy file alone, never over the budget with two files', async () => {
    const { out } = await batches(files([10, 10, 10, 10, 10]), { maxFiles: 2, maxBytes: 1000 });
    expect(out.map((b) => b.length)).toEqual([2, 2, 1]);
    const bySize = await batches(files([40, 40, 40, 150, 10]), { maxFiles: 10, maxBytes: 100 });
    expect(bySize.out.map((b) => b.map((f) => f.size))).toEqual([[40, 40], [40], [150], [10]]);
  });

  it('reads no bytes of a file over its cap, and counts none of them in the budget', async () => {
    const limits = { ...DEFAULT_LIMITS, maxBytes: 100 };
    const { out } = await batches(files([60, 500, 30]), { maxFiles: 10, maxBytes: 100 }, limits);
    expect(out).toEqual([
      [
        { name: '00.txt', size: 60, read: true },
        { name: '01.txt', size: 500, read: false },
        { name: '02.txt', size: 30, read: true },
      ],
    ]);
  });

  it('reports a path that is not there and goes on with the rest', async () => {
    const [a] = files([5]);
    const { out, problems } = await batches([join(tmp.dir, 'sparito.txt'), a!], {
      maxFiles: 10,
      maxBytes: 100,
    });
    expect(out.flat().map((f) => f.name)).toEqual(['00.txt']);
    expect(problems).toEqual([{ path: join(tmp.dir, 'sparito.txt'), reason: 'no such file or folder' }]);
  });
});
