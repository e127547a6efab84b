// `workbench import`: the desktop app's Import… through the contract. The CLI's shell answers the open dialog
// with the paths named on its command line (index.ts), so import.openDialog walks, reads and stores them as the
// main side's job for a dialog pick does (same batches, caps, labels and outlet names), and the CLI follows the
// job with import.jobStatus: its progress, and each file's line as soon as its batch is stored.
import type { ImportFileResult, ImportJobStatus } from '../../shared/domain/types';
import { countByStatus } from '../../shared/domain/import-report';
import type { CommandContext } from './commands';
import { reportField, startProgress, type Out } from './output';

/** How often the job is asked how far it got; its progress line is printed about once a second. */
const POLL_MS = 40;

function printLine(out: Out, r: ImportFileResult): void {
  const titled = r.title && (r.status === 'imported' || r.status === 'near-duplicate');
  out.log(
    `${r.status}\t${reportField(r.fileName)}${r.articleId ? `\t${r.articleId}` : ''}${titled ? `\t${reportField(r.title!)}` : ''}${r.reason ? `\t${reportField(r.reason)}` : ''}`,
  );
}

export async function importPaths({ api, values, out }: CommandContext): Promise<number> {
  const job = await api.call('import.openDialog', { kind: 'files' });
  if (!job) throw new Error('nothing to import');
  const progress = values.progress || out.isTTY ? startProgress(job.total, out) : null;
  const printed: ImportFileResult[] = [];
  let status: ImportJobStatus;
  for (;;) {
    status = await api.call('import.jobStatus', { jobId: job.jobId, resultsFrom: printed.length });
    progress?.update(status);
    for (const r of status.results ?? []) {
      progress?.clear();
      printLine(out, r);
      printed.push(r);
    }
    if (status.state === 'finished') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  progress?.stop();

  const totals = countByStatus(printed);
  // A batch that failed stops the job: the files after it were not imported, and each still gets its line.
  for (const label of status.notSent ?? []) {
    totals.refused++;
    out.log(`refused\t${reportField(label)}\tnot imported: the import stopped before it`);
  }
  if (status.error) out.err(`workbench: the import stopped: ${status.error}`);
  out.err(
    `${totals.imported} imported, ${totals.duplicate} duplicate, ${totals.refused} refused, ${totals['near-duplicate']} near-duplicate`,
  );
  return totals.refused || status.error ? 1 : 0;
}
