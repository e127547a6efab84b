// The application menu, as a template built without Electron imports (types only) so it can be tested.
// File commands are sent to the renderer (workbench:menu), which calls the API as for its own buttons.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/api/bridge';

export interface MenuDeps {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  send(action: MenuAction): void;
  about(): void;
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, send } = deps;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: deps.appName,
      submenu: [
        { label: `About ${deps.appName}`, click: () => deps.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      {
        id: 'import-folder',
        label: 'Import Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => send('import-folder'),
      },
      { type: 'separator' },
      { id: 'export-md', label: 'Export Markdown…', click: () => send('export-md') },
      { id: 'export-csv', label: 'Export CSV…', click: () => send('export-csv') },
      { id: 'export-json', label: 'Export JSON…', click: () => send('export-json') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  // Undo/redo roles make text fields work; the reader's own Ctrl+Z is handled (and preventDefault-ed) by the renderer.
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [];
  if (!isPackaged)
    view.push({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  view.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: '&View', submenu: view });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'about', label: `About ${deps.appName}`, click: () => deps.about() }],
  });
  return template;
}
