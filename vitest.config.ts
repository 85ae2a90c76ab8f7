import { defineConfig } from 'vitest/config';

// *.test.ts = pure logic, no browser (vitest). *.spec.ts = Playwright, never run here.
export default defineConfig({
  test: {
    include: ['{harness,audits,personas,targets,composition,bench,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.spec.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
