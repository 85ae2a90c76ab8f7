import type { Page } from 'playwright';
import type { Probe, ProbeContext } from '../../journey/types.ts';
import { describeIssue, measure, newIssues, settleLayout, type LayoutIssue, type LayoutMeasure } from './layout.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

export const TEXT_SPACING_STYLE_ID = 'portico-text-spacing';

/** WCAG 1.4.12's four metrics, as the well-known text-spacing bookmarklet applies them. */
export const TEXT_SPACING_CSS = `*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }`;

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type TextSpacingArtifact = ArtifactOf<'text-spacing'>;

export async function gatherTextSpacing(page: Page): Promise<TextSpacingArtifact> {
  let before: LayoutMeasure | undefined;
  let spaced: LayoutMeasure | undefined;
  let applied = false;
  let restored = false;
  const probeSpacing = () => page.evaluate(() => {
    const el = document.body ?? document.documentElement;
    const span = document.createElement('span');
    span.textContent = 'x';
    el.append(span);
    const ls = getComputedStyle(span).letterSpacing;
    span.remove();
    return ls;
  });
  try {
    before = await measure(page);
    const ownSpacing = await probeSpacing();
    await page.evaluate(({ id, css }) => {
      const style = document.createElement('style');
      style.id = id;
      style.textContent = css;
      (document.head ?? document.documentElement).append(style);
    }, { id: TEXT_SPACING_STYLE_ID, css: TEXT_SPACING_CSS });
    await settleLayout(page);
    const spacedSpacing = await probeSpacing();
    applied = spacedSpacing !== ownSpacing && spacedSpacing !== 'normal';
    spaced = await measure(page);
  } finally {
    await page.evaluate((id) => document.getElementById(id)?.remove(), TEXT_SPACING_STYLE_ID).catch(() => undefined);
    await settleLayout(page).catch(() => undefined);
    restored = await page.evaluate((id) => document.getElementById(id) === null, TEXT_SPACING_STYLE_ID).catch(() => false);
  }
  const newlyClipped = newIssues(before.clipped, spaced.clipped);
  const newOverlaps = newIssues(before.overlaps, spaced.overlaps);
  const summary = [
    `Injected WCAG 1.4.12 text spacing (line-height 1.5, paragraph spacing 2em, letter-spacing 0.12em, word-spacing 0.16em, all !important): ${applied ? 'applied' : 'DID NOT take effect (blocked by the page, e.g. CSP)'}; removed afterwards: ${restored ? 'yes' : 'NO'}.`,
    `With the spacing: ${newlyClipped.length} text element(s) newly clipped, ${newOverlaps.length} newly overlapping other text (before: ${before.counts.clipped} clipped, ${before.counts.overlaps} overlapping).`,
    ...newlyClipped.slice(0, 10).map((i) => '  ' + describeIssue(i)),
    ...newOverlaps.slice(0, 10).map((i) => '  ' + describeIssue(i)),
  ];
  return {
    schema: 'portico.probe.text-spacing/1',
    css: TEXT_SPACING_CSS,
    applied,
    restored,
    baseline: { clipped: before.counts.clipped, overlaps: before.counts.overlaps },
    spaced,
    newlyClipped,
    newOverlaps,
    summary,
  };
}

export const textSpacingProbe: Probe = {
  id: 'text-spacing',
  description: 'Injects the WCAG 1.4.12 text-spacing style, finds text newly clipped or overlapping, and removes the style (WCAG 1.4.12).',
  gather: (page: Page, _ctx: ProbeContext) => gatherTextSpacing(page),
};
