import { test, expect } from '@playwright/test';
import { lingerObservation, lingerOnForm } from './linger.ts';
import type { StepContext } from './types.ts';

/**
 * Lingering on pages that are not the reference app, whose own timers drive the time limit (the
 * browser clock is all it takes, no hook): one warns at 8 minutes with a way to extend and signs out
 * at 10; one signs out at 10 minutes without a word; one has no time limit.
 */
const page = (mode: 'warns' | 'silent' | 'none') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form</title></head><body><main>
<h1>Registration</h1>
<form><p><label for="n">Given names</label> <input id="n"></p><button type="button">Send</button></form>
<div role="alertdialog" aria-labelledby="w" hidden id="warn"><p id="w">Your session ends in 2 minutes.</p><button type="button">Stay signed in</button></div>
<script>
if (${JSON.stringify(mode)} !== 'none') {
  if (${JSON.stringify(mode)} === 'warns') setTimeout(() => { document.getElementById('warn').hidden = false; }, 8 * 60 * 1000);
  setTimeout(() => { location.href = '/signed-out'; }, 10 * 60 * 1000);
}
</script></main></body></html>`;

for (const mode of ['warns', 'silent', 'none'] as const) {
  test(`linger on the browser clock: ${mode}`, async ({ page: p, context }) => {
    await context.route('http://localhost:9/**', (r) => r.fulfill({ contentType: 'text/html', body: r.request().url().endsWith('/signed-out') ? '<h1>Signed out</h1>' : page(mode) }));
    await p.clock.install();
    await p.goto('http://localhost:9/form');
    await p.getByLabel('Given names').fill('Rosa Elena');
    const started = Date.now();
    const facts = await lingerOnForm({ page: p, hooks: {} } as unknown as StepContext, 'form', { seconds: 1500, chunkSeconds: 30 });
    expect(Date.now() - started, 'the browser clock, not real time').toBeLessThan(30_000);
    expect(facts.entered).toEqual({ 'Given names': 'Rosa Elena' });
    expect(facts.serverClock).toBe(false);
    if (mode === 'warns') {
      expect(facts.warning).toMatchObject({ atSeconds: 480, extend: 'Stay signed in' });
      expect(facts.warning?.text).toMatch(/session ends in 2 minutes/);
      expect(lingerObservation(facts, true)).toBeNull();
    } else if (mode === 'silent') {
      expect(facts.warning).toBeNull();
      expect(facts.navigatedTo).toMatch(/\/signed-out$/);
      expect(lingerObservation(facts, false)).toMatchObject({ ruleId: 'time-limit-no-warning', wcag: ['2.2.1'] });
      expect(lingerObservation(facts, false)?.outcome).toBeUndefined();
    } else {
      expect(facts.warning).toBeNull();
      expect(facts.navigatedTo).toBeNull();
      // Without the server's clock, "nothing happened" is not a pass for a server-side limit.
      expect(lingerObservation(facts, false)?.outcome).toBe('cantTell');
    }
  });
}
