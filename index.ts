/**
 * The `portico` package: `import { test, expect, personas, defineConfig } from 'portico'`.
 * `portico/playwright` has the same fixtures; `portico/reporter` is the Playwright reporter that
 * writes a run's bundle and reports.
 */
export { test, expect, asPersona } from './composition/playwright/index.ts';
export type { NoBarriersOptions, PorticoOptions, PorticoTestFixtures, PorticoWorkerFixtures } from './composition/playwright/index.ts';
export { PERSONAS as personas } from './personas/index.ts';
export { defineConfig, type PorticoConfig } from './composition/config/schema.ts';
export type { Finding, RunBundle, Requirements } from './harness/types.ts';
