// Lint, including the layering rule (as in VS Code): shared/ is pure, services never import electron,
// the renderer reaches the main side only through the API contract in shared/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'worker_threads'];
const noElectron = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-output/**'] },
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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules.' },
            { group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing from the other layers.' },
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
            { group: ['**/electron/**', 'lowdb', 'lowdb/*'], message: 'The renderer reaches the main side only through the API client.' },
          ],
        },
      ],
      // The contract's schemas are zod: the renderer takes only their types, so zod stays out of its bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/api/contract', '**/shared/api/dispatcher', 'zod'], allowTypeImports: true, message: 'Import types only (values live in shared/api/rpc).' }] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
