import { test, expect } from '@playwright/test';
import { gatherKeyboard } from './keyboard.ts';
import { PROBES } from './probes/index.ts';
import { testPage } from './probes/test-pages/url.ts';

// Pages are not all HTML served as text/html: an SVG document has no <body>, and the elements a
// script creates in it have no style; an XHTML page is parsed as XML. ACT's test cases include
// both. The keyboard walk and every probe must still run there (a crash is an error verdict: no check).
const SVG = testPage('keyboard-documents', 'link-in-svg.svg');
const XHTML = testPage('keyboard-documents', 'xhtml-form.xhtml');

test('the keyboard walk goes through the links of an SVG document', async ({ page }) => {
  await page.goto(SVG);
  const kb = await gatherKeyboard(page, {});
  expect(kb.sequence.map((s) => s.tag)).toEqual(['a', 'a']);
  expect(kb.trap).toBeNull();
});

test('the keyboard walk goes through an XHTML form', async ({ page }) => {
  await page.goto(XHTML);
  const kb = await gatherKeyboard(page, {});
  expect(kb.sequence.map((s) => s.tag)).toEqual(['input', 'button']);
});

for (const [kind, url] of [['SVG', SVG], ['XHTML', XHTML]] as const) {
  test(`every probe runs on an ${kind} document`, async ({ page }) => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    for (const probe of PROBES) {
      await page.goto(url);
      await probe.gather(page, { locale: 'en', targetLocales: ['en'], stepId: 'document' }).catch((e: Error) => failures.push(`${probe.id}: ${e.message.split('\n')[0]}`));
    }
    expect(failures).toEqual([]);
  });
}
