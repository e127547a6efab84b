// Import…: the native open dialog in Electron, a hidden file input in the browser host.
import { useRef } from 'react';
import { useAppStore } from '../state/store-context';

export function ImportButton() {
  const nativeDialogs = useAppStore((s) => s.appInfo?.nativeDialogs ?? false);
  const importViaDialog = useAppStore((s) => s.importViaDialog);
  const importFiles = useAppStore((s) => s.importFiles);
  const busy = useAppStore((s) => s.importProgress !== null);
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="import-button"
        disabled={busy}
        onClick={() => (nativeDialogs ? void importViaDialog() : inputRef.current?.click())}
        title="Import article files (or drop files and folders anywhere)"
      >
        Import…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Clearing lets the same file be picked again later.
          e.currentTarget.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
    </>
  );
}
