// Electron's File menu (Import…, Export as …) arrives through the preload bridge; the host has no menu.
import { useEffect } from 'react';
import { useAppStoreApi } from '../state/store-context';

export function useMenuCommands(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const bridge = window.workbench;
    if (!bridge || typeof bridge.onMenu !== 'function') return;
    return bridge.onMenu((action) => {
      const s = store.getState();
      if (action === 'import') void s.importViaDialog();
      else if (action === 'import-folder') void s.importViaDialog({ folders: true });
      else if (action === 'export-md') void s.exportNotes('md');
      else if (action === 'export-csv') void s.exportNotes('csv');
      else if (action === 'export-json') void s.exportNotes('json');
    });
  }, [store]);
}
