// Export: Markdown / CSV / JSON, always one click away in the header (no menu to open first).
import type { ExportFormat } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; title: string }> = [
  { format: 'md', label: 'Markdown', title: 'Claims with their evidence, as a readable report' },
  { format: 'csv', label: 'CSV', title: 'One row per piece of evidence, for spreadsheets' },
  { format: 'json', label: 'JSON', title: 'The whole library: articles, claims and annotations' },
];

export function ExportButtons() {
  const exportNotes = useAppStore((s) => s.exportNotes);
  return (
    <div className="button-group" role="group" aria-label="Export notes">
      <span className="button-group-label">Export</span>
      {FORMATS.map(({ format, label, title }) => (
        <button
          key={format}
          type="button"
          className="button"
          data-testid={`export-${format}`}
          title={title}
          onClick={() => void exportNotes(format)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
