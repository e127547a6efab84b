// The rules about the shell's source are lint rules (eslint.config.js), not regular expressions over the
// text. This proves each one fires: small offending snippets, linted as if they were files in the folder
// the rule guards, get the rule's error; the allowed forms (and the real preload entry) get none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

async function lint(file: string, code: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}
const rulesOf = async (file: string, code: string) => (await lint(file, code)).map((m) => m.rule);

// Loading the config (typescript-eslint and its plugins) takes seconds on a busy machine; do it once, first.
vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await eslint.calculateConfigForFile(path.join(root, 'electron/main/index.ts'));
}, 60_000);

describe('only external.ts calls shell.openExternal (no-restricted-properties)', () => {
  it('fires for shell.openExternal and any other openExternal read anywhere in the app', async () => {
    const shellCall =
      "import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);\n";
    expect(await rulesOf('electron/main/shell-ports.ts', shellCall)).toContain('no-restricted-properties');
    expect(await rulesOf('electron/main/index.ts', shellCall)).toContain('no-restricted-properties');
    expect(await rulesOf('electron/services/handlers.ts', shellCall)).toContain('no-restricted-properties');
    const other =
      "declare const api: { openExternal(u: string): void };\napi.openExternal('https://x');\nexport const { openExternal } = api;\nexport const alias = api['openExternal'];\n";
    for (const file of [
      'renderer/src/features/reader/Links.tsx',
      'shared/domain/links.ts',
      'electron/services/ports.ts',
      'electron/host/links.ts',
    ]) {
      const rules = await rulesOf(file, other);
      expect(
        rules.filter((r) => r === 'no-restricted-properties'),
        file,
      ).toHaveLength(3);
    }
  });

  it('allows the two reviewed call sites', async () => {
    const external =
      "import { shell } from 'electron';\nexport async function openChecked(u: string) {\n  await shell.openExternal(u, { activate: true });\n}\n";
    expect(await lint('electron/main/external.ts', external)).toStrictEqual([]);
    const port =
      'declare const ports: { openExternal?(u: string): Promise<void> };\nexport async function open(u: string) {\n  if (!ports.openExternal) return;\n  await ports.openExternal(u);\n}\n';
    expect(await lint('electron/services/handlers.ts', port)).toStrictEqual([]);
    // Declaring a port named openExternal is not reading one.
    expect(
      await lint(
        'electron/main/shell-ports.ts',
        'export const ports = { async openExternal(_u: string) {} };\n',
      ),
    ).toStrictEqual([]);
  });
});

describe('the main process loads app://, never a file (no-restricted-properties, no-restricted-syntax)', () => {
  it('fires for loadFile and file: URLs in electron/main', async () => {
    const win = 'declare const win: { loadFile(f: string): void; loadURL(u: string): void };\n';
    expect(await rulesOf('electron/main/index.ts', `${win}win.loadFile('index.html');\n`)).toContain(
      'no-restricted-properties',
    );
    expect(
      await rulesOf('electron/main/index.ts', `${win}win.loadURL('file:///opt/app/index.html');\n`),
    ).toContain('no-restricted-syntax');
    expect(
      await rulesOf(
        'electron/main/app-url.ts',
        'declare const p: string;\nexport const u = `file://${p}`;\n',
      ),
    ).toContain('no-restricted-syntax');
    expect(
      await lint('electron/main/index.ts', `${win}win.loadURL('app://workbench/index.html');\n`),
    ).toStrictEqual([]);
  });
});

describe('Electron-free modules import electron for types only (@typescript-eslint/no-restricted-imports)', () => {
  it('fires for a run-time import in electron/main modules other than the shell files, and in the preload bridge', async () => {
    for (const file of [
      'electron/main/menu.ts',
      'electron/main/protocol-path.ts',
      'electron/preload/api.ts',
    ]) {
      expect(
        await rulesOf(file, "import { Menu } from 'electron';\nexport const m = Menu;\n"),
        file,
      ).toContain('@typescript-eslint/no-restricted-imports');
      expect(
        await lint(file, "import type { Menu } from 'electron';\nexport type M = Menu;\n"),
        file,
      ).toStrictEqual([]);
    }
    expect(
      await lint(
        'electron/main/shell-ports.ts',
        "import { dialog } from 'electron';\nexport const d = dialog;\n",
      ),
    ).toStrictEqual([]);
  });
});

describe('the preload exposes window.workbench and nothing else (no-restricted-syntax)', () => {
  const entry = 'electron/preload/index.ts';
  const head =
    "import { contextBridge, ipcRenderer } from 'electron';\nimport { createBridge } from './api';\n";
  const expose =
    "contextBridge.exposeInMainWorld('workbench', createBridge(ipcRenderer, process.platform));\n";
  const messages = async (code: string) =>
    (await lint(entry, code)).filter((m) => m.rule === 'no-restricted-syntax').map((m) => m.message);

  it('allows the real preload entry and its one call', async () => {
    expect(await lint(entry, readFileSync(path.join(root, entry), 'utf8'))).toStrictEqual([]);
    expect(await lint(entry, head + expose)).toStrictEqual([]);
  });

  it('fires for a second exposure, another name, a hand-written object, a nested call or an extra argument', async () => {
    expect(await messages(head + expose + expose)).toStrictEqual([
      'window.workbench is the only thing exposed: one exposeInMainWorld call.',
    ]);
    expect(
      await messages(
        head + "contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer, process.platform));\n",
      ),
    ).toStrictEqual(["The bridge is exposed as 'workbench' and under no other name."]);
    expect(
      await messages(
        head +
          "contextBridge.exposeInMainWorld('workbench', { invoke: ipcRenderer.invoke, createBridge });\n",
      ),
    ).toStrictEqual(['Expose createBridge(...) (electron/preload/api.ts), never an object written here.']);
    expect(await messages(head + `if (process.platform) {\n  ${expose}}\n`)).toStrictEqual([
      'Expose the bridge once, at the top level of the preload entry.',
    ]);
    expect(
      await messages(
        head +
          "contextBridge.exposeInMainWorld('workbench', createBridge(ipcRenderer, process.platform), 1);\n",
      ),
    ).toStrictEqual(['exposeInMainWorld takes the name and the bridge, nothing else.']);
  });

  it('fires for the isolated world, webFrame and require in the entry', async () => {
    expect(
      await messages(head + expose + "contextBridge.exposeInIsolatedWorld(1, 'workbench', {});\n"),
    ).toHaveLength(1);
    expect(
      await messages(
        "import { contextBridge, ipcRenderer, webFrame } from 'electron';\nimport { createBridge } from './api';\n" +
          expose +
          'webFrame.setZoomFactor(1);\n',
      ),
    ).toContain('The preload takes only contextBridge and ipcRenderer from electron.');
    expect(await messages(head + expose + "require('fs');\n")).toStrictEqual([
      'The sandboxed preload requires nothing.',
    ]);
  });

  it('fires for exposeInMainWorld anywhere else', async () => {
    const elsewhere =
      "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('workbench', {});\n";
    for (const file of [
      'electron/preload/api.ts',
      'electron/main/index.ts',
      'renderer/src/main.tsx',
      'shared/api/bridge.ts',
    ]) {
      expect(await rulesOf(file, elsewhere), file).toContain('no-restricted-syntax');
    }
  });
});

describe('the CLI and the host reach the services only through the contract (no-restricted-imports)', () => {
  it('fires for an import of the library, the importer or the search index', async () => {
    for (const spec of [
      '../services/library/library',
      '../services/import/pipeline/importer',
      '../services/search',
      '../services/handlers',
    ]) {
      const code = `import * as inside from '${spec}';\nexport const x = inside;\n`;
      expect(await rulesOf('electron/cli/commands.ts', code), spec).toContain('no-restricted-imports');
      expect(await rulesOf('electron/host/server.ts', code), spec).toContain('no-restricted-imports');
    }
  });

  it('allows opening a workbench and calling its contract', async () => {
    const code =
      "import { openWorkbench } from '../services/workbench';\nimport { createDispatchClient } from '../../shared/api/client';\nexport const open = async (d: string) => createDispatchClient((await openWorkbench({ libraryDir: d, version: '', ports: { shell: 'host' } })).dispatch);\n";
    expect(await lint('electron/cli/index.ts', code)).toStrictEqual([]);
  });
});
