// The states of an import job, the same for a drop and a dialog import: progress batch by batch, Cancel,
// and how the job ended.
import { describe, expect, it } from 'vitest';
import {
  batchStored,
  cancelRequested,
  filesAdded,
  jobEnd,
  jobStarted,
  readingFile,
  storingBatch,
} from '../../../../shared/domain/import-jobs';
import type { ImportFileResult } from '../../../../shared/domain/types';

const line: ImportFileResult = { fileName: 'a.txt', status: 'imported' };

describe('job progress', () => {
  it('starts reading with nothing done', () => {
    expect(jobStarted(7)).toEqual({
      done: 0,
      total: 7,
      batchesDone: 0,
      phase: 'reading',
      current: '',
      cancelling: false,
    });
    expect(jobStarted().total).toBe(0);
  });

  it('reads a file, stores the batch as a range, and counts it done', () => {
    let p = filesAdded(jobStarted(2), 3);
    expect(p.total).toBe(5);
    p = readingFile(p, 'f1.txt');
    expect(p).toMatchObject({ phase: 'reading', current: 'f1.txt' });
    p = storingBatch(p, ['f1.txt', 'f2.txt', 'f3.txt']);
    expect(p).toMatchObject({ phase: 'importing', current: 'f1.txt … f3.txt' });
    expect(storingBatch(p, ['solo.txt']).current).toBe('solo.txt');
    p = batchStored(p, 3);
    expect(p).toMatchObject({ done: 3, batchesDone: 1 });
    expect(batchStored(p, 2)).toMatchObject({ done: 5, batchesDone: 2 });
  });

  it("keeps the other fields of a larger object (the window's start time, the main side's job id)", () => {
    const p = { ...jobStarted(4), startedAt: 123, jobId: 'j' };
    const next = cancelRequested(readingFile(p, 'x'));
    expect(next).toMatchObject({ startedAt: 123, jobId: 'j', cancelling: true, current: 'x' });
    // Transitions return a new object; the one given is left as it was.
    expect(p.cancelling).toBe(false);
  });
});

describe('jobEnd', () => {
  it('is cancelled only when Cancel left files unsent', () => {
    expect(jobEnd([line], ['b.txt'], true)).toEqual({ results: [line], cancelled: true, notSent: ['b.txt'] });
    // Cancel pressed while the last batch was in flight: everything was stored.
    expect(jobEnd([line], [], true).cancelled).toBe(false);
    expect(jobEnd([line], ['b.txt'], false).cancelled).toBe(false);
  });
  it('carries the error of a failed batch, and no error key otherwise', () => {
    const failed = jobEnd([], ['a.txt'], false, 'disk full');
    expect(failed).toEqual({ results: [], cancelled: false, notSent: ['a.txt'], error: 'disk full' });
    expect('error' in jobEnd([line], [], false)).toBe(false);
  });
});
