import type { Page } from 'playwright';
import type { Probe, ProbeContext } from '../../journey/types.ts';
import { currentViewport, describeIssue, measure, newIssues, settleLayout, type LayoutIssue, type LayoutMeasure } from './layout.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** WCAG 1.4.10: 1280 CSS px at 400% zoom = a 320 CSS px wide viewport. */
export const REFLOW_WIDTH = 320;

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type ReflowArtifact = ArtifactOf<'reflow'>;

export async function gatherReflow(page: Page, width = REFLOW_WIDTH): Promise<ReflowArtifact> {
  const original = await currentViewport(page);
  const tested = { width, height: original.height };
  let narrow: LayoutMeasure | undefined;
  let before: LayoutMeasure | undefined;
  let restoredTo = original;
  try {
    before = await measure(page, { overlaps: false });
    await page.setViewportSize(tested);
    await settleLayout(page);
    narrow = await measure(page, { overlaps: false });
  } finally {
    await page.setViewportSize(original);
    await settleLayout(page).catch(() => undefined);
    restoredTo = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight })).catch(() => ({ width: -1, height: -1 }));
  }
  const restored = restoredTo.width === original.width && restoredTo.height === original.height;
  const newlyClipped = newIssues(before.clipped, narrow.clipped);
  const summary = [
    `Viewport set from ${original.width}×${original.height} to ${tested.width}×${tested.height} CSS px (WCAG 1.4.10: 1280 px at 400%), then restored to ${restoredTo.width}×${restoredTo.height}${restored ? '' : ' — NOT the original size'}.`,
    `At ${width} px the document is ${narrow.document.scrollWidth} px wide for a ${narrow.document.clientWidth} px viewport (horizontal overflow ${narrow.horizontalOverflow} px${narrow.document.clipsX ? ', and the page hides horizontal overflow so what sticks out cannot be scrolled to' : ''}); at the original width the overflow was ${before.horizontalOverflow} px.`,
    `${narrow.counts.offScreen} element(s) extend beyond the viewport, ${newlyClipped.length} newly clipped, ${narrow.counts.exempt} not judged (tables, code, media, own scroll regions).`,
    ...narrow.offScreen.slice(0, 10).map((i) => '  ' + describeIssue(i)),
    ...newlyClipped.slice(0, 10).map((i) => '  ' + describeIssue(i)),
    ...narrow.exempt.slice(0, 5).map((i) => '  ' + describeIssue(i)),
  ];
  return {
    schema: 'portico.probe.reflow/1',
    original,
    tested,
    restored,
    restoredTo,
    baseline: { horizontalOverflow: before.horizontalOverflow, clipped: before.counts.clipped, offScreen: before.counts.offScreen },
    narrow,
    newlyClipped,
    summary,
  };
}

export const reflowProbe: Probe = {
  id: 'reflow',
  description: 'Narrows the viewport to 320 CSS px (keeping its height), measures horizontal scrolling and content pushed off-screen or clipped, and restores the viewport (WCAG 1.4.10).',
  gather: (page: Page, _ctx: ProbeContext) => gatherReflow(page),
};
