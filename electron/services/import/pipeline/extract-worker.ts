// Runs inside a worker thread: reads one file at a time with the full format registry. Extraction runs here,
// not on the thread that answers the UI, and a file that hangs or exhausts memory kills only this worker.
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../formats/registry';
import type { ExtractedItem, ImportLimits } from '../formats/types';

export interface ExtractRequest {
  id: number;
  label: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}
export interface ExtractResponse {
  id: number;
  items: ExtractedItem[];
}

parentPort?.on('message', async (req: ExtractRequest) => {
  const items = await extractFile(req.label, req.bytes, { limits: req.limits });
  const transfer = items.flatMap((i) =>
    'bytes' in i && i.bytes.byteOffset === 0 && i.bytes.byteLength === i.bytes.buffer.byteLength
      ? [i.bytes.buffer as ArrayBuffer]
      : [],
  );
  // Transfer distinct buffers only: two items may share one (a text file is its own single item).
  parentPort!.postMessage({ id: req.id, items } satisfies ExtractResponse, [...new Set(transfer)]);
});
