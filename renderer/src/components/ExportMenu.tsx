// Export ▾ → Markdown / CSV / JSON. Electron saves through its dialog; the browser host downloads.
import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/types';
import { useApi } from '../api/api-context';
import { useAppStore } from '../state/store-context';
import { downloadFile } from '../lib/download';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'md', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
];

export function ExportMenu() {
  const api = useApi();
  const nativeDialogs = useAppStore((s) => s.appInfo?.nativeDialogs ?? false);
  const showError = useAppStore((s) => s.showError);
  const showToast = useAppStore((s) => s.showToast);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (format: ExportFormat) => {
    setOpen(false);
    try {
      if (nativeDialogs) {
        const res = await api.call('export.save', { format });
        if (res.saved) showToast(`Exported ${res.fileName ?? format.toUpperCase()}`);
      } else {
        const file = await api.call('export.build', { format });
        downloadFile(file);
        showToast(`Downloaded ${file.fileName}`);
      }
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="menu" ref={rootRef}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} data-testid="export-button" onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div className="menu-list" role="menu" aria-label="Export notes">
          {FORMATS.map(({ format, label }) => (
            <button key={format} type="button" role="menuitem" data-testid={`export-${format}`} onClick={() => void run(format)}>
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
