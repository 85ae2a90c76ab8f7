import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './harness/browser/launch.ts';

export default defineConfig({
  timeout: 120_000,
  workers: process.env.CI ? 2 : 2,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'harness', testDir: './harness', testMatch: /.*\.spec\.ts$/ },
    { name: 'reference', testDir: './targets/reference', testMatch: /.*\.spec\.ts$/ },
  ],
});
