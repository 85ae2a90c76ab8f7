import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The package as a developer gets it: `npm pack`, installed into an empty project, gives
 * `npx portico` (compiled JavaScript: Node does not strip types under node_modules) and
 * `import { test, expect, personas, defineConfig } from 'portico'` with type declarations; the
 * developer's own Playwright test uses a persona fixture and `expect(page).toHaveNoBarriers()`.
 */
const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PORTICO_MODE: '', PORTICO_TARGET: '', CI: '' };
const sh = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
};

test('npm pack → install into an empty project → npx portico audit, and the user\'s own Playwright test with a persona', async () => {
  test.setTimeout(480_000);
  const work = mkdtempSync(join(tmpdir(), 'portico-pack-'));
  const packed = sh('npm', ['pack', '--pack-destination', work, '--silent'], root);
  expect(packed.code, packed.out).toBe(0);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  const app = join(work, 'app');
  mkdirSync(join(app, 'tests'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
  const installed = sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], app);
  expect(installed.code, installed.out).toBe(0);

  for (const page of ['clean.html', 'violations.html']) copyFileSync(join(root, 'harness', 'test-pages', page), join(app, page));
  const help = sh('npx', ['portico', '--help'], app);
  expect(help.code, help.out).toBe(0);
  expect(help.out).toMatch(/audit[\s\S]*run[\s\S]*baseline/);
  expect(sh('npx', ['portico', 'audit', 'clean.html', '--out', 'clean-out'], app).code).toBe(0);
  const bad = sh('npx', ['portico', 'audit', 'violations.html', '--out', 'bad-out'], app);
  expect(bad.code, bad.out).toBe(1);
  expect(bad.out).toMatch(/BARRIERS — \d+ issues? \(\d+ occurrences?\)[\s\S]*1\.1\.1 Non-text Content/);

  writeFileSync(join(app, 'playwright.config.ts'), `import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: 'tests', workers: 1, reporter: 'line' });\n`);
  writeFileSync(join(app, 'tests', 'mine.spec.ts'), `import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test, expect, asPersona, personas, defineConfig } from 'portico';
import { test as sameTest } from 'portico/playwright';
import PorticoReporter from 'portico/reporter';

test.use(asPersona('keyboard'));
const at = (name: string) => pathToFileURL(join(process.cwd(), name)).href;

test('a clean page has no barriers', async ({ page, persona, actor }) => {
  expect(persona.id).toBe('keyboard');
  expect(typeof actor.click).toBe('function');
  expect(personas.map((p) => p.id)).toContain('screen-reader');
  expect(defineConfig({ failOn: 'serious' })).toEqual({ failOn: 'serious' });
  expect(sameTest).toBe(test);
  expect(typeof PorticoReporter).toBe('function');
  await page.goto(at('clean.html'));
  await expect(page).toHaveNoBarriers();
});

test('a page with barriers fails the matcher, naming them', async ({ page }) => {
  await page.goto(at('violations.html'));
  await expect(page).not.toHaveNoBarriers();
  const error = await expect(page).toHaveNoBarriers().catch((e: Error) => e);
  expect(String(error)).toMatch(/image-alt \\(1\\.1\\.1\\)/);
});
`);
  const run = sh('npx', ['playwright', 'test'], app);
  expect(run.code, run.out).toBe(0);
  expect(run.out).toContain('2 passed');

  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2024', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] }, include: ['tests'] }));
  const typed = sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app);
  expect(typed.code, typed.out).toBe(0);
});
