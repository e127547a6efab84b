// How an import splits its files into batches: in order, at most a number of files and a byte budget per
// batch, one file alone may exceed the budget (it still has to go). The one rule for a drop in the window, a
// dialog import run on the main side and the CLI; what differs between them is the budget (and what a file
// weighs), given as parameters below, each with its reason.
import { MAX_IMPORT_FILES_PER_CALL } from '../api/rpc';

export interface BatchBudget {
  /** Files per batch. */
  maxFiles: number;
  /** What the files of a batch may weigh together (bytes, or base64 characters for the window). */
  maxBytes: number;
}

const MB = 1024 * 1024;

/** The budgets in use, one per way files reach the importer. */
export const IMPORT_BATCH_BUDGETS: Readonly<Record<'drop' | 'dialog' | 'cli', Readonly<BatchBudget>>> = {
  /**
   * A drop in the window: a batch is one articles.import call, so the contract's file count, and files weigh
   * their base64; ~40 MB per message keeps each IPC/HTTP body well under the host's body cap.
   */
  drop: { maxFiles: MAX_IMPORT_FILES_PER_CALL, maxBytes: 40 * MB },
  /** A dialog import on the main side: as many files as a drop's call, so progress and Cancel move alike; bytes read. */
  dialog: { maxFiles: MAX_IMPORT_FILES_PER_CALL, maxBytes: 32 * MB },
  /** The CLI: no progress to show, so larger batches (fewer rewrites of the library index on big imports); bytes read. */
  cli: { maxFiles: 500, maxBytes: 32 * MB },
};

/** Whether a file weighing `weight` joins a batch of `count` files weighing `bytes`; a batch never stays empty. */
export function joinsBatch(count: number, bytes: number, weight: number, budget: BatchBudget): boolean {
  return count === 0 || (count < budget.maxFiles && bytes + weight <= budget.maxBytes);
}

/** How many of `items`, from index `from`, make the next batch (at least one while any are left). */
export function nextBatchLength<T>(
  items: readonly T[],
  weigh: (item: T) => number,
  budget: BatchBudget,
  from = 0,
): number {
  let bytes = 0;
  let n = 0;
  for (let i = from; i < items.length; i++) {
    const weight = weigh(items[i]!);
    if (!joinsBatch(n, bytes, weight, budget)) break;
    n++;
    bytes += weight;
  }
  return n;
}
