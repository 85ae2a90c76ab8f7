import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../harness/browser/launch.ts';

/** The benefits target's own browser tests: `npx playwright test -c targets/benefits/playwright.config.ts`. */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/benefits',
  use: { launchOptions: chromiumLaunchOptions(), trace: 'off' },
});
