// A small pool of extraction workers with a per-file time limit. A file whose extraction runs past the
// limit, crashes its worker or exceeds the worker's memory cap is refused with that reason; the worker is
// replaced and the import goes on. Results keep the order of the calls.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ExtractedItem, ImportLimits } from '../formats/types';
import { DEFAULT_LIMITS } from '../formats/types';
import type { ExtractRequest, ExtractResponse } from './extract-worker';

export interface ExtractorPoolOptions {
  /** The built worker script (out/…/extract-worker.js). */
  workerFile: string;
  size?: number;
  timeoutMs?: number;
  /** Old-generation heap cap per worker, so a hostile file cannot take the whole process down. */
  maxHeapMb?: number;
}

interface Task {
  req: ExtractRequest;
  resolve: (items: ExtractedItem[]) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export interface ExtractorPool {
  /** `limits` travel with each file: a library's settings may change between two imports. */
  extract(label: string, bytes: Uint8Array, limits?: ImportLimits): Promise<ExtractedItem[]>;
  close(): Promise<void>;
}

export function createExtractorPool(opts: ExtractorPoolOptions): ExtractorPool {
  const size = opts.size ?? Math.max(1, Math.min(4, availableParallelism() - 1 || 1));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const refuse = (task: Task, reason: string) => task.resolve([{ label: task.req.label, refusal: reason }]);

  function spawn(): Slot {
    const worker = new Worker(opts.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (res: ExtractResponse) => {
      const task = slot.task;
      if (!task || task.req.id !== res.id) return;
      finish(slot);
      task.resolve(res.items);
      pump();
    });
    const fail = (why: string) => {
      const task = slot.task;
      finish(slot);
      if (task) refuse(task, why);
      replace(slot);
    };
    worker.on('error', (err) => fail(`the reader failed on this file (${err.message.slice(0, 160)})`));
    worker.on('exit', (code) => {
      if (!closed && slot.task) fail(`the reader stopped on this file (exit ${code})`);
    });
    worker.unref();
    return slot;
  }

  function finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  function replace(slot: Slot) {
    const i = slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0 && !closed) slots[i] = spawn();
    pump();
  }

  function pump() {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        finish(slot);
        refuse(
          task,
          `took longer than ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} to read; skipped`,
        );
        replace(slot);
      }, timeoutMs);
      slot.worker.postMessage(task.req);
    }
  }

  return {
    extract(label, bytes, limits = DEFAULT_LIMITS) {
      if (closed) return Promise.resolve([{ label, refusal: 'the import was stopped' }]);
      // Workers start with the first import, not with the library: each holds its own heap and the
      // extractors' modules (~35 MB), which a session that only reads should not pay for.
      if (slots.length === 0) for (let i = 0; i < size; i++) slots.push(spawn());
      return new Promise((resolve) => {
        queue.push({ req: { id: nextId++, label, bytes, limits }, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) refuse(t, 'the import was stopped');
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
