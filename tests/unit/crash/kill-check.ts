// Checks a library reopened after a SIGKILL against what the killed worker printed (see kill-worker.ts).
// The rule: every acknowledged change is on disk. A change that was asked for but not acknowledged may or
// may not be there; nothing else may be.
import type { Annotation, Claim } from '../../../shared/domain/types';

interface Event {
  kind: 'begin' | 'ack';
  op: string;
  id: string;
  data: Record<string, unknown>;
}

export interface KillCheck {
  problems: string[];
  acked: number;
  checkedAnnotations: number;
  checkedClaims: number;
  pending: number;
}

export function parseLines(stdout: string): Event[] {
  // The last line may be cut off by the kill: only whole lines count.
  const whole = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
  const events: Event[] = [];
  for (const line of whole.split('\n')) {
    const m = /^(begin|ack) (\S+) (\S+) (.*)$/.exec(line);
    if (m)
      events.push({
        kind: m[1] as Event['kind'],
        op: m[2]!,
        id: m[3]!,
        data: JSON.parse(m[4]!) as Record<string, unknown>,
      });
  }
  return events;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function checkAfterKill(events: Event[], annotations: Annotation[], claims: Claim[]): KillCheck {
  const problems: string[] = [];
  const onDisk = new Map(annotations.map((a) => [a.id, a]));
  const claimsOnDisk = new Map(claims.map((c) => [c.id, c]));
  const history = new Map<string, Event[]>();
  let pendingCreates = 0;
  let acked = 0;
  let checkedClaims = 0;
  for (const e of events) {
    if (e.kind === 'ack') acked++;
    if (e.op === 'claim') {
      checkedClaims++;
      if (!same(claimsOnDisk.get(e.id), e.data))
        problems.push(`acknowledged claim ${e.id} is missing or different`);
      continue;
    }
    if (e.op === 'create') {
      if (e.kind === 'begin') pendingCreates++;
      else {
        pendingCreates--;
        history.set(e.id, [e]);
      }
      continue;
    }
    history.get(e.id)?.push(e);
  }
  for (const [id, evs] of history) {
    let lastAck = -1;
    evs.forEach((e, i) => {
      if (e.kind === 'ack') lastAck = i;
    });
    const ack = evs[lastAck]!;
    const after = evs.slice(lastAck + 1); // begun, never acknowledged: at most one per chain
    const disk = onDisk.get(id);
    onDisk.delete(id);
    if (ack.op === 'delete') {
      if (disk) problems.push(`annotation ${id} was deleted (acknowledged) but is back`);
      continue;
    }
    if (same(disk, ack.data)) continue;
    const next = after[0];
    if (next?.op === 'delete' && !disk) continue;
    if (next?.op === 'update' && disk) {
      const expect = { ...ack.data, ...next.data, updatedAt: disk.updatedAt };
      if (same(disk, expect)) continue;
    }
    problems.push(
      `annotation ${id}: acknowledged ${ack.op} ${JSON.stringify(ack.data)} but found ${JSON.stringify(disk ?? null)}`,
    );
  }
  // What is left on disk was never acknowledged: only creates still in flight can explain it.
  if (onDisk.size > Math.max(0, pendingCreates))
    problems.push(
      `${onDisk.size} unknown annotation(s) on disk, only ${pendingCreates} create(s) were in flight`,
    );
  for (const a of annotations)
    if (!claimsOnDisk.has(a.claimId))
      problems.push(`annotation ${a.id} refers to claim ${a.claimId}, which is not on disk`);
  return {
    problems,
    acked,
    checkedAnnotations: history.size,
    checkedClaims,
    pending:
      events.filter((e) => e.kind === 'begin').length -
      events.filter((e) => e.kind === 'ack' && e.op !== 'claim').length,
  };
}
