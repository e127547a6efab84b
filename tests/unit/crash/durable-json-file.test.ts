import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../electron/services/library/durable-json-file';
import { tempDir } from '../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const onDisk = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { v: number }).v;

describe('DurableJsonFile', () => {
  it('resolves each write only once a write holding at least its data is on disk, coalescing the rest', async () => {
    const path = join(tmp.dir, 'f.json');
    const file = new DurableJsonFile<{ v: number }>(path);
    const seen: Array<[number, number]> = [];
    const writes: Promise<void>[] = [];
    for (let v = 1; v <= 200; v++) {
      writes.push(file.write({ v }).then(() => void seen.push([v, onDisk(path)])));
      if (v % 17 === 0) await new Promise((r) => setTimeout(r, 1)); // let some writes finish in between
    }
    await Promise.all(writes);
    for (const [v, disk] of seen) expect(disk).toBeGreaterThanOrEqual(v);
    expect(onDisk(path)).toBe(200);
    expect(readdirSync(tmp.dir)).toEqual(['f.json']); // no temp files left
  });

  it('does not make the first caller wait for the writes queued behind it', async () => {
    const path = join(tmp.dir, 'f.json');
    const file = new DurableJsonFile<{ v: number }>(path);
    let latestDone = false;
    let queuedAtFirst: boolean | undefined;
    const first = file.write({ v: 0 }).then(() => (queuedAtFirst = !latestDone));
    // Keep a write queued at all times. steno resolves the first promise only once its queue is empty,
    // which under steady load can be never; here it resolves after its own write, with others still queued.
    for (let v = 1; queuedAtFirst === undefined; v++) {
      latestDone = false;
      void file.write({ v }).then(() => (latestDone = true));
      await new Promise((r) => setImmediate(r));
    }
    await first;
    expect(queuedAtFirst).toBe(true);
    await file.flush();
  });

  it('serializes the data at the call, not when the write runs', async () => {
    const path = join(tmp.dir, 'f.json');
    const file = new DurableJsonFile<{ v: number }>(path);
    const data = { v: 1 };
    const p = file.write(data);
    data.v = 2; // changed after the call, never written
    await p;
    expect(onDisk(path)).toBe(1);
  });

  it('close() waits for queued writes, then refuses new ones', async () => {
    const path = join(tmp.dir, 'f.json');
    const file = new DurableJsonFile<{ v: number }>(path);
    const a = file.write({ v: 1 });
    const b = file.write({ v: 2 });
    await file.close('closed for the test');
    await Promise.all([a, b]);
    expect(onDisk(path)).toBe(2);
    await expect(file.write({ v: 3 })).rejects.toThrow('closed for the test');
    expect(onDisk(path)).toBe(2);
  });
});
