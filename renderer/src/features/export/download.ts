// Saving an export in the browser host: a Blob behind an <a download>.
import type { ExportFile } from '../../../../shared/domain/types';

export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.hidden = true;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking straight away can cancel the download in some engines; a minute later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
