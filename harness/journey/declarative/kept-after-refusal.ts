import type { StepContext } from '../types.ts';
import { lostEntries, snapshotForm, type FormSnapshot } from '../form-state.ts';
import { quoteThePage, whatThePageSays } from '../expect.ts';

/**
 * After a submit the page refused — it stayed on the form's address and says what is wrong — what
 * the person had entered must still be there (3.3.7 Redundant Entry: they must not type it all
 * again). A field the page marks invalid may rightly be emptied; every other value that is gone is
 * observed, named, keyed by the step. A page that moved on, or says nothing, is not judged here.
 */
export async function checkKeptAfterRefusal(ctx: StepContext, stepKey: string, before: FormSnapshot | null, urlBefore: string): Promise<void> {
  if (!before || Object.keys(before).length === 0) return;
  await ctx.page.waitForURL((u) => u.href !== urlBefore, { timeout: 1_500 }).catch(() => undefined);
  await ctx.page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
  if (new URL(ctx.page.url()).pathname !== new URL(urlBefore).pathname) return;
  const says = await whatThePageSays(ctx.page).catch(() => ({ messages: [], fields: [] }));
  if (!says.messages.length && !says.fields.length) return;
  const after = await snapshotForm(ctx.page).catch(() => null);
  if (!after) return;
  const invalid = says.fields.map((f) => f.field).filter(Boolean);
  const lost = lostEntries(before, after).filter((l) => l.after === null && !invalid.some((name) => l.label === name || l.label.endsWith(` › ${name}`)));
  if (!lost.length) return;
  ctx.observe({
    ruleId: 'data-lost-after-error',
    key: stepKey,
    message: `The form was refused (${quoteThePage(says)}) and what the person had entered elsewhere on it was gone: ${lost.slice(0, 6).map((l) => `${l.label} "${l.before}" → empty`).join(', ')}${lost.length > 6 ? ` and ${lost.length - 6} more` : ''}. They must type it all again to correct one mistake.`,
    wcag: ['3.3.7'],
    impact: 'serious',
    selector: `form:${stepKey}`,
  });
}
