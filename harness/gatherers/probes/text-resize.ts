import type { Page } from 'playwright';
import type { Probe, ProbeContext } from '../../journey/types.ts';
import { currentViewport, describeIssue, measure, newIssues, settleLayout, type LayoutIssue, type LayoutMeasure } from './layout.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * WCAG 1.4.4 at 200%, emulated the way Chromium's page zoom works: zooming to 200% halves the
 * viewport measured in CSS px and doubles the device pixels per CSS px. Layout, media queries
 * (width and resolution) and font sizes then behave exactly as under Ctrl + "+" — text is twice as
 * big relative to the window. We do it with the DevTools protocol (Emulation.setDeviceMetricsOverride)
 * because Playwright cannot change deviceScaleFactor on a live page; when CDP is unavailable the CSS
 * viewport is halved alone (same layout; only raster resolution differs).
 *
 * Not emulated: "zoom text only" (Firefox) — it keeps the viewport and only scales font sizes, which
 * can catch px-sized boxes that page zoom does not. Below a 640 px window the halved viewport would go
 * under 320 CSS px (beyond 1.4.10's own limit), so the zoomed width is floored at 320 and the factor
 * actually applied is recorded.
 */
/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type TextResizeArtifact = ArtifactOf<'text-resize'>;

const windowMetrics = (page: Page) => page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, devicePixelRatio: window.devicePixelRatio }));

export async function gatherTextResize(page: Page, zoom = 2): Promise<TextResizeArtifact> {
  const hadViewport = page.viewportSize() !== null;
  const vp = await currentViewport(page);
  const originalMetrics = await windowMetrics(page);
  const original = { width: vp.width, height: vp.height, devicePixelRatio: originalMetrics.devicePixelRatio };
  const width = Math.max(320, Math.round(vp.width / zoom));
  const height = Math.max(160, Math.round(vp.height / zoom));
  const factor = Math.round((vp.width / width) * 100) / 100;
  let method: TextResizeArtifact['method'] = 'cdp-device-metrics';
  let before: LayoutMeasure | undefined;
  let atZoom: LayoutMeasure | undefined;
  let zoomed = { width, height, devicePixelRatio: original.devicePixelRatio * factor };
  let restoredTo = original;
  const cdp = await page.context().newCDPSession(page).catch(() => null);
  try {
    before = await measure(page);
    if (cdp) {
      const mobile = await page.evaluate(() => matchMedia('(pointer: coarse)').matches && 'ontouchstart' in window).catch(() => false);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: original.devicePixelRatio * factor, mobile });
    } else {
      method = 'viewport-only';
      await page.setViewportSize({ width, height });
    }
    await settleLayout(page);
    zoomed = await windowMetrics(page);
    atZoom = await measure(page);
  } finally {
    // Overrides belong to the DevTools session that set them: clear ours, then let Playwright
    // re-send its own full emulation (size, scale factor, mobile) by setting the size again.
    if (cdp) {
      await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    }
    // Playwright skips an override identical to the last one it sent, so step through another size.
    if (hadViewport) {
      await page.setViewportSize({ width: vp.width + 1, height: vp.height });
      await page.setViewportSize({ width: vp.width, height: vp.height });
    }
    await settleLayout(page).catch(() => undefined);
    restoredTo = await windowMetrics(page).catch(() => ({ width: -1, height: -1, devicePixelRatio: -1 }));
  }
  const restored = restoredTo.width === originalMetrics.width && restoredTo.height === originalMetrics.height && restoredTo.devicePixelRatio === originalMetrics.devicePixelRatio;
  const newlyClipped = newIssues(before.clipped, atZoom.clipped);
  const newOverlaps = newIssues(before.overlaps, atZoom.overlaps);
  const summary = [
    `Emulated ${Math.round(factor * 100)}% page zoom (${method}): viewport ${original.width}×${original.height} CSS px @${original.devicePixelRatio}x → ${zoomed.width}×${zoomed.height} CSS px @${zoomed.devicePixelRatio}x; restored to ${restoredTo.width}×${restoredTo.height} @${restoredTo.devicePixelRatio}x${restored ? '' : ' — NOT the original'}.`,
    `At ${Math.round(factor * 100)}%: ${newlyClipped.length} text element(s) newly clipped, ${newOverlaps.length} newly overlapping other text (at 100%: ${before.counts.clipped} clipped, ${before.counts.overlaps} overlapping); horizontal overflow ${atZoom.horizontalOverflow} px${atZoom.document.clipsX ? ' (hidden: not scrollable)' : ''}.`,
    ...newlyClipped.slice(0, 10).map((i) => '  ' + describeIssue(i)),
    ...newOverlaps.slice(0, 10).map((i) => '  ' + describeIssue(i)),
  ];
  return {
    schema: 'portico.probe.text-resize/1',
    method,
    original,
    zoomed,
    factor,
    restored,
    restoredTo,
    baseline: { clipped: before.counts.clipped, overlaps: before.counts.overlaps },
    atZoom,
    newlyClipped,
    newOverlaps,
    summary,
  };
}

export const textResizeProbe: Probe = {
  id: 'text-resize',
  description: 'Emulates 200% page zoom (half the CSS viewport, twice the device scale factor), finds text newly clipped or overlapping, and restores the viewport (WCAG 1.4.4).',
  gather: (page: Page, _ctx: ProbeContext) => gatherTextResize(page),
};
