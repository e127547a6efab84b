// A lowdb adapter for the library's index files that makes "the write() promise resolved" mean "this data
// is on disk and survives a crash", which is what every mutation in library.ts treats as its acknowledgement.
//
// Why not lowdb's JSONFile (steno 4)? Read in node_modules/steno/lib/index.js:
//   - it never fsyncs: writeFile(tmp) + rename(tmp, file). A process crash (SIGKILL) loses nothing, because
//     the data is already in the kernel's page cache, but a power cut or OS crash can lose acknowledged
//     writes, and with delayed allocation can even leave a zero-length file after the rename;
//   - its temp name is fixed (`.<name>.tmp`): two writers of the same file (two stores in one process, two
//     app instances) write into the same temp file and one can rename the other's half-written bytes into
//     place;
//   - its coalescing is correct (each promise resolves after a write holding data at least as new as its
//     call), but the caller that started a write waits for every write queued behind it, so under steady
//     load its acknowledgement can be delayed indefinitely.
// This adapter keeps the whole-file, temp-file + rename model and the coalescing, and adds: fsync of the
// file before the rename and of the folder after it; unique temp names; each promise resolves as soon as
// the first write that includes the data as of its call has finished; close() to flush and refuse more.
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { ServiceError } from '../../../shared/api/dispatcher';
import { writeFileAtomic } from '../fs-atomic';

interface Waiting {
  text: string;
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface DurableJsonFileOptions {
  /** Called after each successful write (the store uses it to schedule rolling backups). */
  onWritten?: () => void;
  /** Same format as lowdb's JSONFile, so files stay readable by hand and by older builds. */
  stringify?: (data: unknown) => string;
  /**
   * Awaited before each write starts: the store makes annotation writes wait for claim writes already
   * under way, so an acknowledged annotation never refers to a claim that is not on disk yet.
   */
  before?: () => Promise<void>;
}

const pretty = (data: unknown) => JSON.stringify(data, null, 2);

/** fsync a folder so that a rename inside it is durable. Not supported on Windows (and not needed there). */
export async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // EISDIR/EPERM/EINVAL on platforms or filesystems that cannot fsync a folder: nothing more to do.
  } finally {
    await fh?.close().catch(() => {});
  }
}

/** Write a whole file durably: temp file, fsync, rename over the target, fsync the folder. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, data);
  await syncDir(dirname(path));
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  #inFlight: Promise<void> | null = null;
  #waiting: Waiting | null = null;
  #closed: string | null = null;
  readonly #onWritten?: () => void;
  readonly #before?: () => Promise<void>;
  readonly #stringify: (data: unknown) => string;

  constructor(path: string, opts: DurableJsonFileOptions = {}) {
    this.path = path;
    this.#onWritten = opts.onWritten;
    this.#before = opts.before;
    this.#stringify = opts.stringify ?? pretty;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    if (this.#closed) return Promise.reject(new ServiceError('unavailable', this.#closed));
    // Serialize now: the promise acknowledges the data as of this call, whatever changes later.
    const text = this.#stringify(data);
    if (!this.#inFlight) return this.#start(text);
    // A write is running. Join the one write queued behind it: it will carry the newest data, which
    // includes this call's (the in-memory data only ever moves forward).
    if (this.#waiting) {
      this.#waiting.text = text;
      return this.#waiting.promise;
    }
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#waiting = { text, promise, resolve, reject };
    return promise;
  }

  /** Wait for every write already asked for, then refuse further writes with `reason`. */
  async close(reason = 'The library was closed; reopen it to make changes.'): Promise<void> {
    this.#closed ??= reason;
    await this.flush();
  }

  /** Resolves when no write is running or queued (failures are reported to their own callers). */
  async flush(): Promise<void> {
    while (this.#inFlight) await this.#inFlight.catch(() => {});
  }

  #start(text: string): Promise<void> {
    const p = (this.#before ? this.#before() : Promise.resolve())
      .then(() => writeFileDurable(this.path, text))
      .then(() => {
        try {
          this.#onWritten?.();
        } catch {
          // A failing observer must not turn a finished write into a failed one.
        }
      });
    this.#inFlight = p;
    const next = () => {
      this.#inFlight = null;
      const w = this.#waiting;
      this.#waiting = null;
      // Queued writes still go out after close(): they were asked for before it, and close() waits for them.
      if (w) this.#start(w.text).then(w.resolve, w.reject);
    };
    p.then(next, next);
    return p;
  }
}
