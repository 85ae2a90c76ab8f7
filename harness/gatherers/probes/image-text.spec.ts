import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatherImageText, type ImageTextArtifact } from './image-text.ts';
import { imageTextAlternativeAudit } from '../../../audits/wcag/image-text-alternative.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';
import { corpora } from '../../report/test-data/corpora.ts';
import { CONTENT_PREFIX, serveCorpus, type CorpusServer } from '../../../bench/act-serve.ts';

const judge = (r: ImageTextArtifact) => imageTextAlternativeAudit.audit(artifactsWith('image-text', r), auditCtx);
const failedNames = (r: ImageTextArtifact) => judge(r).findings.filter((f) => f.outcome === 'failed').map((f) => f.message.match(/named "([^"]*)"/)?.[1]);

test.describe('image-text probe and image-text-alternative audit (1.1.1)', () => {
  test('a wordmark, an image button and a canvas banner named with their words pass; no-text and decorative pictures are left alone', async ({ page }) => {
    await page.goto(testPage('image-text', 'good.html'));
    const r = await gatherImageText(page);
    recordProbe('image-text-good', r);
    expect(r.source).toBe('cdp');
    // The decorative image (alt="") has no name and is not read.
    expect(r.images.map((i) => i.accessibleName)).toEqual(['Northwind Travel, home', 'Search flights', 'Summer sale: 20% off rail passes', 'Sun']);
    expect(r.images[0].words.map((w) => w.text)).toContain('Northwind');
    const v = judge(r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
  });

  test('the same pictures named with other words fail, one finding each; an image button is cantTell (it may be named for what it does)', async ({ page }) => {
    await page.goto(testPage('image-text', 'bad.html'));
    const r = await gatherImageText(page);
    recordProbe('image-text-bad', r);
    expect(failedNames(r)).toEqual(['logo-final-v2', 'Winter offers']);
    const v = judge(r);
    expect(v.findings.filter((f) => f.outcome === 'cantTell').map((f) => f.ruleId)).toEqual(['control-image-text-not-in-name']);
    expect(v.findings.find((f) => f.outcome === 'cantTell')!.message).toMatch(/reads "Search" .* named "Go"/);
  });
});

// ACT rule qt1vmo (image accessible name is descriptive): every approved case, served as bench:act serves them; and pictures of other rules' cases.
const ACT = corpora('act-rules');
const cases = (JSON.parse(readFileSync(resolve(ACT, 'testcases.json'), 'utf8')).testcases as Array<{ ruleId: string; testcaseId: string; expected: string; approved?: boolean; relativePath: string }>)
  .filter((c) => c.ruleId === 'qt1vmo' && c.approved);

test.describe('ACT rules cases', () => {
  let served: CorpusServer;
  test.beforeAll(async () => { served = await serveCorpus(ACT); });
  test.afterAll(async () => { await served?.close(); });
  test('the 3 failed cases fail, the 3 passed and 10 inapplicable ones do not', async ({ page }) => {
    expect(cases.length).toBe(16);
    const outcomes: Record<string, string[]> = { failed: [], passed: [], inapplicable: [] };
    for (const c of cases) {
      await page.goto(`${served.origin}${CONTENT_PREFIX}${c.relativePath}`, { waitUntil: 'load' });
      const v = judge(await gatherImageText(page));
      outcomes[c.expected].push(v.findings.some((f) => f.outcome === 'failed') ? 'failed' : v.outcome);
    }
    expect(outcomes.failed).toEqual(['failed', 'failed', 'failed']);
    expect(outcomes.passed).toEqual(['passed', 'passed', 'passed']);
    expect(outcomes.inapplicable.filter((o) => o === 'failed')).toEqual([]);
  });
  test('ACT c487ae: the W3C logo in a link to WAI, named "Web Accessibility Initiative", is not failed (cantTell)', async ({ page }) => {
    for (const id of ['d13a75a2a0b539a39063eb946505e3d3dd5aeef1', 'd6a239059266b317de6a6e73dbf443c5ca8a6f5f', 'e277de30edb9e550d8f9d5a72e1e3adde961d01d']) {
      await page.goto(`${served.origin}${CONTENT_PREFIX}testcases/c487ae/${id}.html`, { waitUntil: 'load' });
      const r = await gatherImageText(page);
      expect(r.images.map((i) => i.inControl)).toEqual([true]);
      expect(judge(r).outcome).toBe('cantTell');
    }
  });
  test('photographs OCR makes fragments of are not judged (ACT 0va7u6: fireworks, a Gothic title)', async ({ page }) => {
    for (const [name, id] of [['photo', '6e6a506352542f40f4fe08a805ce736e89b46b06'], ['lettering', '28b2597a08ca7a6fd85a273b484b599c04a03f1a']]) {
      await page.goto(`${served.origin}${CONTENT_PREFIX}testcases/0va7u6/${id}.html`, { waitUntil: 'load' });
      const r = await gatherImageText(page);
      recordProbe(`image-text-${name}`, r);
      expect(r.images).toHaveLength(1);
      expect(r.images[0].words.length).toBeGreaterThan(5);
      expect(judge(r).outcome).toBe('inapplicable');
    }
  });
});
