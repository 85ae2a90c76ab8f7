import { test, expect } from '@playwright/test';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchSharedChromium, type SharedChromium } from '../browser/launch.ts';
import { gatherCheckpoint } from './index.ts';
import { loadPage } from '../navigate.ts';
import type { AxeArtifact, HtmlcsArtifact, LighthouseArtifact } from './types.ts';

const clean = pathToFileURL(join(resolve(import.meta.dirname, '..', 'test-pages'), 'clean.html')).href;
let shared: SharedChromium;
test.beforeAll(async () => { shared = await launchSharedChromium(); });
test.afterAll(async () => { await shared.browser.close(); });

test('every engine audits the SAME live page: state made after load is seen, and nothing reloads', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.goto(clean);
  // Change the live page after load: an engine that reloaded or opened its own tab would not see this.
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 42;
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.width = 30; img.height = 30; img.id = 'injected';
    document.querySelector('main')!.append(img);
  });
  const a = await gatherCheckpoint(page, { checkpoint: 'page', engines: ['axe', 'htmlcs', 'lighthouse'], cdpPort: shared.cdpPort, browserVersion: shared.version });
  const axe = a.gathered.axe as AxeArtifact;
  const htmlcs = a.gathered.htmlcs as HtmlcsArtifact;
  const lh = a.gathered.lighthouse as LighthouseArtifact;
  const path = 'html>body:nth-of-type(1)>main:nth-of-type(1)>img:nth-of-type(2)';
  expect(axe.violations.find((v) => v.id === 'image-alt')?.nodes[0].domPath).toBe(path);
  expect(htmlcs.issues.find((i) => i.code.endsWith('1_1_1.H37'))?.domPath).toBe(path);
  expect(lh.audits.find((x) => x.id === 'image-alt')?.items[0].domPath).toBe(path);
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  // One browser: all tabs seen by puppeteer belong to this Chromium, and there is just ours.
  expect(shared.browser.contexts().flatMap((c) => c.pages())).toHaveLength(1);
});

test('a crashed tab is reported as a crash, not audited', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  const outcome = await loadPage(page, 'chrome://crash', 10_000);
  expect(outcome.ok).toBe(false);
  expect(outcome.cause).toMatch(/crash/i);
});

test('a gatherer whose payload does not match its schema gives an error naming the checkpoint and field, and keeps the payload', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.goto(clean);
  const a = await gatherCheckpoint(page, {
    checkpoint: 'start', engines: [], cdpPort: shared.cdpPort, browserVersion: shared.version,
    extra: { 'new-window': async () => ({ schema: 'portico.probe.new-window/1', links: 'not a list' }), 'motion': async () => { throw new Error('boom'); } },
  });
  const bad = a.gathered['new-window'] as { error: string; malformed: unknown };
  expect(bad.error).toMatch(/^malformed artifact in checkpoint "start" as gathered: new-window\.\S+/);
  expect(bad.malformed).toEqual({ schema: 'portico.probe.new-window/1', links: 'not a list' });
  expect(a.gathered.motion).toEqual({ error: 'boom' });
  expect(a.gathered.pageInfo).not.toHaveProperty('error');
});
