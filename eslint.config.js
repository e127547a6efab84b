// Lint, including the layering rule (as in VS Code): shared/ is pure, services never import electron,
// the renderer reaches the main side only through the API contract in shared/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'zlib',
  'worker_threads',
];
const noElectron = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/main and electron/preload may import electron.',
};

// The app's own source (not tests or scripts), for the rules about the Electron shell below.
const appSource = ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'];
const anyOpenExternal = {
  property: 'openExternal',
  message: 'Open links only through openExternalChecked (electron/main/external.ts).',
};
const shellOpenExternal = {
  object: 'shell',
  property: 'openExternal',
  message: 'Only electron/main/external.ts calls shell.openExternal.',
};
const loadFile = {
  property: 'loadFile',
  message: 'The window loads app://workbench/ (APP_ENTRY_URL), never a file.',
};
const noFileUrl = {
  selector: 'Literal[value=/^file:/i], TemplateElement[value.raw=/^file:/i]',
  message: 'No file:// URLs in the main process: the app is served from app://workbench/.',
};
const exposeCall = "CallExpression[callee.property.name='exposeInMainWorld']";
const noExposure = [
  {
    selector: exposeCall,
    message: 'Only electron/preload/index.ts exposes anything to the page (window.workbench).',
  },
  {
    selector:
      "CallExpression[callee.property.name='exposeInIsolatedWorld'], MemberExpression[property.name='webFrame'], ImportSpecifier[imported.name='webFrame']",
    message: 'Nothing but window.workbench crosses into the page.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [noElectron] }],
    },
  },
  {
    // The CLI and the host are entry points like the window: they reach the library, the importer and the search
    // index only through the contract (openWorkbench().dispatch), never into the services behind it.
    files: ['electron/cli/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            {
              group: [
                '**/services/library/**',
                '**/services/import/**',
                '**/services/search',
                '**/services/handlers',
                '**/services/near-duplicates',
              ],
              message:
                'Entry points call the contract (createDispatchClient over openWorkbench().dispatch), not the services behind it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules.' },
            {
              group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'],
              message: 'shared/ imports nothing from the other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            {
              group: ['**/electron/**', 'lowdb', 'lowdb/*'],
              message: 'The renderer reaches the main side only through the API client.',
            },
          ],
        },
      ],
      // The contract's schemas are zod: the renderer takes only their types, so zod stays out of its bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/api/contract', '**/shared/api/schemas', '**/shared/api/dispatcher', 'zod'],
              allowTypeImports: true,
              message: 'Import types only (values live in shared/api/rpc).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Rules about the shell's source, proved to fire by tests/unit/main/lint-rules.test.ts.
  // Electron at run time only where the shell must touch it; every other module of electron/main and the
  // preload's bridge stay plain Node, testable without the binary (types are fine).
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: [
      'electron/main/index.ts',
      'electron/main/external.ts',
      'electron/main/shell-ports.ts',
      'electron/preload/index.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'An Electron-free module: import types only (eslint.config.js lists the files that may import electron).',
            },
          ],
        },
      ],
    },
  },
  // The one way to the system browser: shell.openExternal is called in electron/main/external.ts (behind
  // checkExternalUrl), a port's openExternal in electron/services/handlers.ts (behind the same check); no other
  // file reads an openExternal property. The main process loads app://workbench/, never a file.
  {
    files: appSource,
    ignores: ['electron/main/external.ts', 'electron/services/handlers.ts'],
    rules: { 'no-restricted-properties': ['error', anyOpenExternal] },
  },
  {
    files: ['electron/services/handlers.ts'],
    rules: { 'no-restricted-properties': ['error', shellOpenExternal] },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/external.ts'],
    rules: { 'no-restricted-properties': ['error', anyOpenExternal, loadFile] },
  },
  { files: ['electron/main/external.ts'], rules: { 'no-restricted-properties': ['error', loadFile] } },
  // The bridge: exposeInMainWorld only in the preload entry (see below), never exposeInIsolatedWorld.
  {
    files: appSource,
    ignores: ['electron/preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noExposure] },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noExposure, noFileUrl] },
  },
  // The preload entry exposes one object, once, at top level, as 'workbench', made by createBridge(...) (whose
  // object literal `satisfies WorkbenchBridge`, so it has no other key); it takes only contextBridge and
  // ipcRenderer from electron, and requires nothing.
  {
    files: ['electron/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: exposeCall + ':not(Program > ExpressionStatement > CallExpression)',
          message: 'Expose the bridge once, at the top level of the preload entry.',
        },
        {
          selector: `ExpressionStatement:has(> ${exposeCall}) ~ ExpressionStatement:has(> ${exposeCall})`,
          message: 'window.workbench is the only thing exposed: one exposeInMainWorld call.',
        },
        {
          selector: `${exposeCall}:not([arguments.0.value='workbench'])`,
          message: "The bridge is exposed as 'workbench' and under no other name.",
        },
        {
          selector: `${exposeCall}:not([arguments.1.callee.name='createBridge'])`,
          message: 'Expose createBridge(...) (electron/preload/api.ts), never an object written here.',
        },
        {
          selector: `${exposeCall}[arguments.length!=2]`,
          message: 'exposeInMainWorld takes the name and the bridge, nothing else.',
        },
        ...noExposure.slice(1),
        {
          selector:
            "ImportDeclaration[source.value='electron'] > ImportSpecifier:not([imported.name=/^(contextBridge|ipcRenderer)$/])",
          message: 'The preload takes only contextBridge and ipcRenderer from electron.',
        },
        {
          selector: "CallExpression[callee.name='require']",
          message: 'The sandboxed preload requires nothing.',
        },
      ],
    },
  },
);
