import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { LibraryLockedError, acquireLibraryLock } from '../../../../electron/services/library/lock';
import { tempDir } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
const open: Workbench[] = [];
const openWb = async (dir = tmp.dir) => {
  const wb = await openWorkbench({
    libraryDir: dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
  });
  open.push(wb);
  return wb;
};
const lockFile = () => join(tmp.dir, '.lock');
const lockInfo = () =>
  JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; hostname: string; startedAt: string };

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
  tmp.cleanup();
});

// A child process that takes the lock through the real module and waits (or exits when told to).
let holderJs: string;
let scratch: ReturnType<typeof tempDir>;
beforeAll(async () => {
  scratch = tempDir('wb-lock-holder-');
  holderJs = join(scratch.dir, 'holder.mjs');
  const lockTs = fileURLToPath(new URL('../../../../electron/services/library/lock.ts', import.meta.url));
  await build({
    stdin: {
      contents: `import { acquireLibraryLock } from ${JSON.stringify(lockTs)};
        await acquireLibraryLock(process.argv[2]);
        process.stdout.write('locked\\n');
        if (process.argv[3] === 'exit') process.exit(0);
        setInterval(() => {}, 1000);`,
      resolveDir: scratch.dir,
      loader: 'ts',
    },
    outfile: holderJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return () => scratch.cleanup();
});

function startHolder(dir: string, mode: 'stay' | 'exit' = 'stay') {
  const child = spawn(process.execPath, [holderJs, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => c.toString().includes('locked') && resolve());
    child.on('exit', () => reject(new Error('holder exited before locking')));
  });
  return { child, locked, exited };
}

describe('library lock', () => {
  it('is created on open with pid, host and start time, and released on close', async () => {
    const wb = await openWb();
    expect(lockInfo()).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Date.parse(lockInfo().startedAt)).not.toBeNaN();
    await wb.close();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a second opener in another process, naming its pid; takes over once that process died', async () => {
    const holder = startHolder(tmp.dir);
    await holder.locked;
    const err = await openWb().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryLockedError);
    expect((err as Error).message).toBe(
      `The library is open in another Analyst Workbench window (pid ${holder.child.pid}). Close it there first.`,
    );
    holder.child.kill('SIGKILL');
    await holder.exited; // reaped: the pid is gone
    await openWb();
    expect(lockInfo().pid).toBe(process.pid);
  });

  it('another process releases the lock when it exits normally', async () => {
    const holder = startHolder(tmp.dir, 'exit');
    await holder.locked;
    expect(await holder.exited).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a stale lock: a dead pid on this host, or an empty lock file left long ago', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(
      lockFile(),
      JSON.stringify({
        app: 'Analyst Workbench',
        pid: dead.pid,
        hostname: hostname(),
        startedAt: '2024-01-01T00:00:00Z',
        token: 'x',
      }),
    );
    const wb = await openWb();
    expect(lockInfo().pid).toBe(process.pid);
    await wb.close();
    open.length = 0;

    writeFileSync(lockFile(), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    await openWb();
    expect(lockInfo().pid).toBe(process.pid);
  });

  it('respects a lock from another host, which it cannot check', async () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({
        app: 'Analyst Workbench',
        pid: 4242,
        hostname: 'other-machine',
        startedAt: '2024-01-01T00:00:00Z',
        token: 'x',
      }),
    );
    await expect(openWb()).rejects.toThrow(
      'The library is open in another Analyst Workbench window (pid 4242 on other-machine). Close it there first.',
    );
    expect(lockInfo().hostname).toBe('other-machine');
  });

  it('two opens in one process: the second takes over, the first stops saving, nothing acknowledged is lost', async () => {
    const first = await openWb();
    const { claim } = await first.library.addClaim('Saved by the first', '');
    const second = await openWb();
    expect(second.library.listClaims().map((c) => c.id)).toEqual([claim.id]);
    await expect(first.library.addClaim('Too late', '')).rejects.toThrow(/opened again in this app/);
    await second.library.addClaim('Saved by the second', '');
    const third = await openWb();
    expect(third.library.listClaims().map((c) => c.text)).toEqual([
      'Saved by the first',
      'Saved by the second',
    ]);
    expect(lockInfo().pid).toBe(process.pid);
  });

  it('two acquisitions racing in one process hand over in turn', async () => {
    const order: string[] = [];
    const a = await acquireLibraryLock(tmp.dir, { onHandOver: async () => void order.push('a stops') });
    const [b, c] = await Promise.all([
      acquireLibraryLock(tmp.dir, { onHandOver: async () => void order.push('b stops') }),
      acquireLibraryLock(tmp.dir, { onHandOver: async () => void order.push('c stops') }),
    ]);
    expect(order).toEqual(['a stops', 'b stops']);
    await a.release();
    await b.release();
    expect(existsSync(lockFile())).toBe(true); // released by old holders: no effect
    await c.release();
    expect(existsSync(lockFile())).toBe(false);
  });
});
