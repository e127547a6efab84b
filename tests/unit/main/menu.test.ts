import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuDeps } from '../../../electron/main/menu';

type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

const deps = (over: Partial<MenuDeps> = {}): MenuDeps => ({
  appName: 'Analyst Workbench',
  isMac: false,
  isPackaged: true,
  send: vi.fn(),
  about: vi.fn(),
  ...over,
});
const submenu = (t: MenuItemConstructorOptions[], label: string) => {
  const m = t.find((i) => i.label === label);
  return (m?.submenu ?? []) as MenuItemConstructorOptions[];
};
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('application menu', () => {
  it('File > Import… (CmdOrCtrl+O) and the exports tell the renderer', () => {
    const d = deps();
    const file = submenu(menuTemplate(d), '&File');
    const imp = file.find((i) => i.id === 'import');
    expect(imp?.accelerator).toBe('CmdOrCtrl+O');
    click(imp);
    expect(file.find((i) => i.id === 'import-folder')?.accelerator).toBe('CmdOrCtrl+Shift+O');
    for (const id of ['import-folder', 'export-md', 'export-csv', 'export-json'])
      click(file.find((i) => i.id === id));
    expect(vi.mocked(d.send).mock.calls).toStrictEqual([
      ['import'],
      ['import-folder'],
      ['export-md'],
      ['export-csv'],
      ['export-json'],
    ]);
  });

  it('Edit has undo/redo roles; View reloads and devtools only in development', () => {
    const packaged = menuTemplate(deps());
    expect(submenu(packaged, '&Edit').map((i) => i.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'copy', 'paste', 'selectAll']),
    );
    const viewRoles = (t: MenuItemConstructorOptions[]) => submenu(t, '&View').map((i) => i.role);
    expect(viewRoles(packaged)).not.toContain('reload');
    expect(viewRoles(packaged)).not.toContain('toggleDevTools');
    expect(viewRoles(menuTemplate(deps({ isPackaged: false })))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('Help > About calls about(); macOS gets the app menu', () => {
    const d = deps({ isMac: true });
    const t = menuTemplate(d);
    expect(t[0]?.label).toBe('Analyst Workbench');
    click(submenu(t, '&Help').find((i) => i.id === 'about'));
    expect(d.about).toHaveBeenCalledTimes(1);
  });
});
