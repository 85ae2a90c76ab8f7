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

/**
 * With the target's way to extend (`extend`): the person presses it at each warning. A page whose
 * button restarts the timers keeps them signed in with their entries (nothing to report); one whose
 * button does nothing signs them out anyway, one whose button reloads an empty form loses the entries
 * (both 2.2.1: the way to extend did not work).
 */
const extendPage = (mode: 'extends' | 'ignores' | 'clears') => `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Formulario</title></head><body><main>
<h1>Registro</h1>
<form><p><label for="n">Nombre</label> <input id="n"></p><button type="button">Enviar</button></form>
<div role="alertdialog" aria-labelledby="w" hidden id="warn"><p id="w">Su sesión se cerrará pronto.</p><button type="button" id="stay">Seguir conectado</button></div>
<script>
let warnT, endT;
const schedule = () => { clearTimeout(warnT); clearTimeout(endT);
  warnT = setTimeout(() => { document.getElementById('warn').hidden = false; }, 8 * 60 * 1000);
  endT = setTimeout(() => { location.href = '/signed-out'; }, 10 * 60 * 1000); };
schedule();
document.getElementById('stay').addEventListener('click', () => {
  document.getElementById('warn').hidden = true;
  if (${JSON.stringify(mode)} === 'extends') schedule();
  if (${JSON.stringify(mode)} === 'clears') { document.getElementById('n').value = ''; schedule(); }
});
</script></main></body></html>`;

for (const mode of ['extends', 'ignores', 'clears'] as const) {
  test(`linger, pressing the described way to extend at each warning: ${mode}`, async ({ page: p, context }) => {
    await context.route('http://localhost:9/**', (r) => r.fulfill({ contentType: 'text/html', body: r.request().url().endsWith('/signed-out') ? '<h1>Sesión cerrada</h1>' : extendPage(mode) }));
    await p.clock.install();
    await p.goto('http://localhost:9/form');
    await p.getByLabel('Nombre').fill('Rosa Elena');
    const facts = await lingerOnForm({ page: p, hooks: {} } as unknown as StepContext, 'form', { seconds: 1500, chunkSeconds: 30, extend: { role: 'button', name: 'Seguir conectado' } });
    expect(facts.warning).toMatchObject({ atSeconds: 480, extend: 'Seguir conectado' });
    if (mode === 'extends') {
      expect(facts.navigatedTo).toBeNull();
      expect(facts.extended).toMatchObject({ times: 3, missingAtSeconds: null, lost: [] });
      expect(lingerObservation(facts, false)).toBeNull();
    } else if (mode === 'ignores') {
      expect(facts.navigatedTo).toMatch(/\/signed-out$/);
      expect(lingerObservation(facts, true)).toMatchObject({ ruleId: 'time-limit-extend-failed', wcag: ['2.2.1'], message: expect.stringMatching(/signed out anyway/) });
    } else {
      expect(facts.extended?.lost).toEqual([{ label: 'Nombre', before: 'Rosa Elena', after: null }]);
      expect(lingerObservation(facts, false)).toMatchObject({ ruleId: 'time-limit-extend-failed', message: expect.stringMatching(/Nombre "Rosa Elena" → empty/) });
    }
  });
}
