// Import… and Folder…: the native open dialog in Electron (for files, or for folders), hidden file inputs in
// the browser host (the folder one with webkitdirectory, its files labelled by their path in the folder).
import { useRef } from 'react';
import { pickedFolderFiles } from './drop-files';
import { useAppStore } from '../../state/store-context';

export function ImportButton() {
  const nativeDialogs = useAppStore((s) => s.appInfo?.nativeDialogs ?? false);
  const importViaDialog = useAppStore((s) => s.importViaDialog);
  const importFiles = useAppStore((s) => s.importFiles);
  const busy = useAppStore((s) => s.importProgress !== null);
  const inputRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  const take = (input: HTMLInputElement, folder: boolean) => {
    const files = Array.from(input.files ?? []);
    // Clearing lets the same file be picked again later.
    input.value = '';
    const chosen = folder ? pickedFolderFiles(files) : files;
    if (chosen.length > 0) void importFiles(chosen);
  };

  return (
    <span className="button-pair">
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
      <button
        type="button"
        className="button"
        data-testid="import-folder-button"
        disabled={busy}
        onClick={() => (nativeDialogs ? void importViaDialog({ folders: true }) : folderRef.current?.click())}
        title="Import a folder of articles, with its subfolders"
      >
        Folder…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        onChange={(e) => take(e.currentTarget, false)}
      />
      {/* webkitdirectory is not in React's attribute types; set as a plain attribute. */}
      <input
        ref={folderRef}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => take(e.currentTarget, true)}
      />
    </span>
  );
}
