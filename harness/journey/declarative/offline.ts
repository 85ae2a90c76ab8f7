import type { StepContext } from '../types.ts';
import { submitWhileOffline } from '../form-state.ts';

/**
 * `sendOffline: true` on a step: the connection drops just as the person sends the form (a shared
 * mobile connection at a shelter). Back online and back on the form, everything entered must still
 * be there; what is gone is observed (keyed by the step id), then the person types it again and the
 * step goes on with its own click. The facts (`offlineSubmit`) are recorded either way.
 */
export async function sendOffline(ctx: StepContext, stepId: string, send: () => Promise<void>, refill: () => Promise<void>): Promise<void> {
  const formUrl = ctx.page.url();
  const offline = await submitWhileOffline(ctx.page, ctx.context, send);
  ctx.record('offlineSubmit', offline);
  if (offline.lost.length) {
    ctx.observe({
      ruleId: 'data-lost-offline',
      key: stepId,
      message: `The connection dropped as the form was sent; back online and back on the form, what the person had entered was gone: ${offline.lost.slice(0, 6).map((l) => `${l.label} "${l.before}" → ${l.after === null ? 'empty' : `"${l.after}"`}`).join(', ')}${offline.lost.length > 6 ? ` and ${offline.lost.length - 6} more` : ''}. They must type it all again (${offline.wayBack === 'reopened' ? "the browser's offline page; Back led to the page before the form, so the form was opened again" : offline.landedOn === 'browser-error' ? "the browser's offline page, then Back" : 'the app stayed on its page'}).`,
      other: ['data loss when the connection drops (3.3.7 Redundant Entry, analogy)'],
      impact: 'serious',
      selector: `form:${stepId}`,
    });
  }
  if (ctx.page.url() !== formUrl) {
    await ctx.page.goto(formUrl, { waitUntil: 'load' });
    // A page drawn by script after it loads (on a slow phone, seconds later) has its form only then.
    await ctx.page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  }
  if (offline.lost.length) await refill();
}
