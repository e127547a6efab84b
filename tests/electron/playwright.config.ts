import { defineConfig } from '@playwright/test';

// Smoke tests of the Electron shell (Playwright's _electron). Where the Electron binary is missing (it cannot
// be downloaded on this machine or in CI), every test reports itself skipped.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/electron',
  use: { trace: 'off' },
});
