// One writer per library. Two app instances on the same folder would each keep an in-memory copy of the
// index and rewrite whole files from it: the later write wins and the other instance's acknowledged
// changes silently disappear. So the first opener creates `<lib>/.lock` atomically (open with 'wx' fails
// if it exists) holding pid, host and start time, and any other process is refused until it goes.
//
// Within one process there is a single owner who can hand over cleanly: a second open of the same folder
// (a reopen, a restore) first asks the current holder to flush its writes and stop (onHandOver), then
// takes the lock over without the file ever disappearing, so no other process can slip in between.
//
// A lock left by a crash is taken over when its pid is not alive on this host. A lock from another host
// (a library on a network share) cannot be checked, so it is respected.
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export const LOCK_FILE = '.lock';
const APP = 'Analyst Workbench';
/** A lock file still empty or unreadable after this long was left by a crash between create and write. */
const GARBLED_STALE_MS = 10_000;
/** How long an opener waits for another one that is creating or taking over the lock right now. */
const BUSY_WAIT_MS = 3_000;

export interface LockInfo {
  app: string;
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random, so that a process only ever removes the lock file it wrote itself. */
  token: string;
}

export class LibraryLockedError extends Error {
  constructor(
    readonly holder: LockInfo | null,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryLockedError';
  }
}

export interface LibraryLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours. Safe to call twice; a no-op after a hand-over. */
  release(): Promise<void>;
}

interface Holder {
  raw: string;
  info: LockInfo;
  onHandOver?: () => Promise<void>;
  handle: LibraryLock;
}
const held = new Map<string, Holder>();
const queues = new Map<string, Promise<unknown>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Released on process exit too. Signals that kill the process skip this; the stale-lock check covers them.
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [path, h] of held) {
      try {
        if (readFileSync(path, 'utf8') === h.raw) unlinkSync(path);
      } catch {
        // Already gone, or the folder is unreachable: nothing to release.
      }
    }
  });
}

export function lockPath(dir: string): string {
  return join(resolve(dir), LOCK_FILE);
}

/**
 * Take the library lock. `onHandOver` is called (and awaited) when a later open in this same process takes
 * the lock over: the holder must flush its writes and refuse further ones.
 */
export async function acquireLibraryLock(
  dir: string,
  opts: { onHandOver?: () => Promise<void> } = {},
): Promise<LibraryLock> {
  const path = lockPath(dir);
  // Serialize acquisitions of one lock within this process, so two hand-overs cannot interleave.
  const prev = queues.get(path) ?? Promise.resolve();
  const run = prev.catch(() => {}).then(() => acquire(path, opts.onHandOver));
  queues.set(path, run);
  try {
    return await run;
  } finally {
    if (queues.get(path) === run) queues.delete(path);
  }
}

async function acquire(path: string, onHandOver?: () => Promise<void>): Promise<LibraryLock> {
  const current = held.get(path);
  if (current) {
    await current.onHandOver?.();
    return register(path, current.raw, current.info, onHandOver);
  }
  const info: LockInfo = {
    app: APP,
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const raw = JSON.stringify(info);
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    if (await createExclusive(path, raw)) return register(path, raw, info, onHandOver);
    const existing = await readLock(path);
    if (!existing) {
      // Released between our attempt and the read: try again.
      if (Date.now() > deadline)
        throw new LibraryLockedError(
          null,
          'The library is being opened by another Analyst Workbench window.',
        );
      continue;
    }
    const { raw: theirRaw, info: theirs, ageMs } = existing;
    if (theirs && !isStale(theirs)) throw lockedError(theirs);
    if (theirs || ageMs > GARBLED_STALE_MS) {
      await removeIfUnchanged(path, theirRaw);
      if (Date.now() < deadline) continue;
    }
    // Empty or half-written: another opener is writing it right now. Wait a little, then give up.
    if (Date.now() > deadline)
      throw new LibraryLockedError(
        theirs,
        'The library is being opened by another Analyst Workbench window.',
      );
    await sleep(50);
  }
}

function register(path: string, raw: string, info: LockInfo, onHandOver?: () => Promise<void>): LibraryLock {
  installExitHook();
  const handle: LibraryLock = {
    path,
    info,
    release: async () => {
      const h = held.get(path);
      if (!h || h.handle !== handle) return; // handed over, or released already
      held.delete(path);
      const now = await readFile(path, 'utf8').catch(() => null);
      if (now === raw) await unlink(path).catch(() => {});
    },
  };
  held.set(path, { raw, info, onHandOver, handle });
  return handle;
}

async function createExclusive(path: string, raw: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(raw);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => {});
    await unlink(path).catch(() => {});
    throw err;
  }
  await fh.close();
  return true;
}

async function readLock(path: string): Promise<{ raw: string; info: LockInfo | null; ageMs: number } | null> {
  try {
    const [raw, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { raw, info: parseLock(raw), ageMs: Date.now() - st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0 || typeof v.hostname !== 'string')
      return null;
    return {
      app: String(v.app ?? APP),
      pid: v.pid,
      hostname: v.hostname,
      startedAt: String(v.startedAt ?? ''),
      token: String(v.token ?? ''),
    };
  } catch {
    return null;
  }
}

function isStale(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return false;
  // Our own pid but not in our table: an earlier process had this pid (pid 1 in containers, reboots).
  if (info.pid === process.pid) return true;
  return !pidAlive(info.pid);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
  // A process that exited but was not yet reaped by its parent still answers; Linux says so in /proc.
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // No /proc (macOS, Windows): trust kill(0).
  }
  return true;
}

/**
 * Remove a stale lock, but only if it still holds the bytes we judged stale: two openers taking over at
 * once must not delete each other's fresh locks. A guard file makes the check-and-remove exclusive.
 */
async function removeIfUnchanged(path: string, staleRaw: string): Promise<void> {
  const guard = `${path}.takeover`;
  let fh;
  try {
    fh = await open(guard, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const st = await stat(guard).catch(() => null);
    // A guard this old was left by an opener that crashed mid take-over.
    if (st && Date.now() - st.mtimeMs > GARBLED_STALE_MS) await unlink(guard).catch(() => {});
    else await sleep(50);
    return;
  }
  try {
    await fh.close();
    const now = await readFile(path, 'utf8').catch(() => null);
    if (now === staleRaw) await unlink(path).catch(() => {});
  } finally {
    await unlink(guard).catch(() => {});
  }
}

function lockedError(info: LockInfo): LibraryLockedError {
  const where = info.hostname === hostname() ? `pid ${info.pid}` : `pid ${info.pid} on ${info.hostname}`;
  return new LibraryLockedError(
    info,
    `The library is open in another Analyst Workbench window (${where}). Close it there first.`,
  );
}
