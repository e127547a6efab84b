// The machine a bench ran on, printed above the table and stored with the results.
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { formatBytes } from './stats';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramBytes: number;
  freeRamBytes: number;
  node: string;
  os: string;
  /** 1-minute load average when the bench started: other work on the machine skews timings. */
  load1: number;
  /** The filesystem the bench's temp folder lives on (type and options), from /proc/mounts. */
  tmpFilesystem: string;
}

function filesystemOf(path: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .filter((f) => f.length >= 4 && path.startsWith(f[1]!));
    const best = mounts.sort((a, b) => b[1]!.length - a[1]!.length)[0];
    return best ? `${best[2]} (${best[3]}) on ${best[1]}` : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function machineInfo(tmpDir: string): MachineInfo {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    ramBytes: totalmem(),
    freeRamBytes: freemem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    load1: Math.round(loadavg()[0]! * 100) / 100,
    tmpFilesystem: filesystemOf(tmpDir),
  };
}

export function describeMachine(m: MachineInfo): string {
  return [
    `CPU: ${m.cpu}, ${m.cores} cores; RAM ${formatBytes(m.ramBytes)} (${formatBytes(m.freeRamBytes)} free)`,
    `Node ${m.node} on ${m.os}; load average at start ${m.load1}`,
    `temp folder filesystem: ${m.tmpFilesystem}`,
  ].join('\n');
}
