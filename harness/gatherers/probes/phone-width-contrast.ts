/**
 * Text contrast as the page is laid out for a phone (or for 400 % zoom): 320 CSS px wide, WCAG
 * 1.4.10's width. A layout that is fine at desktop width can, when narrow, push text over another
 * background (a header's white link spilling past its dark bar onto the light page). axe's
 * color-contrast rule is run at that width, and the viewport put back. Facts only; the
 * contrast-at-phone-width audit judges them against the desktop run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { resolveDomPaths } from '../dom-path.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

export type PhoneWidthContrastArtifact = ArtifactOf<'phone-width-contrast'>;

export const PHONE_WIDTH = 320;

export async function gatherPhoneWidthContrast(page: Page): Promise<PhoneWidthContrastArtifact> {
  const before = page.viewportSize();
  if (!before) return { schema: 'portico.probe.phone-width-contrast/1', width: null, failing: [], note: 'the browser window has no fixed viewport to narrow' };
  await page.setViewportSize({ width: PHONE_WIDTH, height: before.height });
  try {
    // Let the page lay itself out again (media queries, resize observers) before measuring.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    const nodes = results.violations.flatMap((v) => v.nodes);
    const paths = await resolveDomPaths(page, nodes.map((n) => ({ kind: 'selector' as const, selector: n.target as string | string[] })));
    return {
      schema: 'portico.probe.phone-width-contrast/1',
      width: PHONE_WIDTH,
      failing: nodes.map((n, i) => ({ domPath: paths[i] ?? null, html: n.html.slice(0, 300), summary: (n.failureSummary ?? '').slice(0, 400) })),
    };
  } finally {
    await page.setViewportSize(before);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => undefined);
  }
}

export const phoneWidthContrastProbe: Probe = {
  id: 'phone-width-contrast',
  description: 'Text contrast with the page laid out 320 px wide (axe color-contrast at that width).',
  gather: (page) => gatherPhoneWidthContrast(page),
};
