// What a save answers (AnnotationChange): the claim summaries it carries are counted from the articles that cite
// each claim (an index the annotations store keeps), and must always equal what claims.list counts over the whole
// library, through creates, moves to another claim, deletes and restores, on a real library folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../../electron/services/workbench';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { Annotation, ClaimSummary } from '../../../../shared/domain/types';
import { FOGLIETTONE, SPUTNIK, fixture, tempDir } from '../../../helpers/temp-library';
import { callApi, workbenchPool } from '../../../helpers/workbench';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
const pool = workbenchPool();

beforeEach(async () => {
  tmp = tempDir('wb-change-');
  wb = await pool.open(tmp.dir);
});
afterEach(async () => {
  await pool.closeAll();
  tmp.cleanup();
});

type Change = { claimSummaries: ClaimSummary[]; annotations: Annotation[] };

/** The reply's summaries agree with claims.list for every claim they name, and name every claim touched. */
async function expectExact(change: Change, touched: string[]): Promise<void> {
  const all = await callApi<ClaimSummary[]>(wb, 'claims.list', {});
  expect(change.claimSummaries.map((c) => c.id).sort()).toEqual([...new Set(touched)].sort());
  for (const s of change.claimSummaries) expect(s).toEqual(all.find((c) => c.id === s.id));
}

describe('a save answers the exact counts of the claims it touched', () => {
  it('through creates in two articles, a move to another claim, a delete and a restore', async () => {
    const report = await wb.importer.importFiles([fixture(SPUTNIK), fixture(FOGLIETTONE)]);
    const [a, b] = report.results.map((r) => r.articleId!);
    const tag = (articleId: string, start: number, claim: object, stance = 'reports') =>
      callApi<MethodOutput<'annotations.create'>>(wb, 'annotations.create', {
        articleId,
        target: { start, end: start + 8 },
        ...claim,
        stance,
        speaker: '',
        tags: [],
        note: '',
      });

    const first = await tag(a!, 0, { newClaim: { text: 'Troops will withdraw', speaker: '' } });
    const x = first.claim.id;
    await expectExact(first, [x]);
    expect(first.claimSummaries[0]).toMatchObject({ sourceCount: 1, counts: { reports: 1 } });

    const second = await tag(b!, 10, { claimId: x }, 'asserts');
    await expectExact(second, [x]);
    expect(second.claimSummaries[0]).toMatchObject({ sourceCount: 2, counts: { reports: 1, asserts: 1 } });

    const other = await tag(b!, 30, { newClaim: { text: 'Prices rose', speaker: '' } }, 'denies');
    const y = other.claim.id;
    await expectExact(other, [y]);

    // Moving the first annotation to the other claim counts it there, and no longer under the first.
    const moved = await callApi<Change & { annotation: Annotation }>(wb, 'annotations.update', {
      id: first.annotation.id,
      claimId: y,
    });
    await expectExact(moved, [x, y]);
    expect(moved.claimSummaries.find((c) => c.id === x)).toMatchObject({
      sourceCount: 1,
      counts: { reports: 0 },
    });
    expect(moved.claimSummaries.find((c) => c.id === y)).toMatchObject({ sourceCount: 2 });
    // A later save that touches only that claim still counts the moved annotation.
    const more = await tag(b!, 50, { claimId: y }, 'supports');
    await expectExact(more, [y]);
    expect(more.claimSummaries[0]).toMatchObject({
      sourceCount: 2,
      counts: { reports: 1, denies: 1, supports: 1 },
    });

    const deleted = await callApi<Change & { annotation: Annotation }>(wb, 'annotations.delete', {
      id: second.annotation.id,
    });
    await expectExact(deleted, [x]);
    expect(deleted.claimSummaries[0]).toMatchObject({ sourceCount: 0, counts: { asserts: 0 } });

    const restored = await callApi<Change>(wb, 'annotations.restore', { annotation: deleted.annotation });
    await expectExact(restored, [x]);
    expect(restored.claimSummaries[0]).toMatchObject({ sourceCount: 1, counts: { asserts: 1 } });
  });

  it('counts what a reopened library already holds', async () => {
    const report = await wb.importer.importFiles([fixture(SPUTNIK), fixture(FOGLIETTONE)]);
    const ids = report.results.map((r) => r.articleId!);
    const base = { stance: 'reports', speaker: '', tags: [], note: '' };
    const made = await callApi<MethodOutput<'annotations.create'>>(wb, 'annotations.create', {
      ...base,
      articleId: ids[0],
      target: { start: 0, end: 5 },
      newClaim: { text: 'Held before the reopening', speaker: '' },
    });
    await pool.closeAll();
    wb = await pool.open(tmp.dir);
    const again = await callApi<MethodOutput<'annotations.create'>>(wb, 'annotations.create', {
      ...base,
      articleId: ids[1],
      target: { start: 0, end: 5 },
      claimId: made.claim.id,
    });
    await expectExact(again, [made.claim.id]);
    expect(again.claimSummaries[0]).toMatchObject({ sourceCount: 2, counts: { reports: 2 } });
  });
});
