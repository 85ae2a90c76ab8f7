import { test, expect } from '@playwright/test';
import { submitWhileOffline } from './form-state.ts';

/**
 * The dropped-connection check on two small pages served under a fake origin (no server): one sends
 * its form whatever the connection (the browser's offline page, then Back, comes back empty: the
 * form is autocomplete=off, so the browser restores nothing), one keeps the page and says so.
 */
const form = (guard: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form</title></head><body><main>
<h1>Registration</h1>
<form method="post" action="/send"${guard ? '' : ' autocomplete="off"'}>
<p><label for="n">Given names</label> <input id="n" name="n"></p>
<fieldset><legend>Languages</legend><label><input type="checkbox" name="l" value="es"> Spanish</label></fieldset>
<p><label for="c">Country</label> <select id="c" name="c"><option value="">Choose</option><option>Honduras</option></select></p>
<p><button>Send</button></p>
</form>
<p id="offline" role="alert" hidden>You are offline: nothing was sent.</p>
${guard ? `<script>document.addEventListener('submit', (e) => { if (!navigator.onLine) { e.preventDefault(); document.getElementById('offline').hidden = false; } });</script>` : ''}
</main></body></html>`;

for (const guard of [false, true]) {
  test(`submitting while offline: ${guard ? 'a page that keeps the form loses nothing' : 'a page that sends anyway comes back empty'}`, async ({ page, context }) => {
    let posts = 0;
    await context.route('http://portico.test/**', (route) => {
      if (route.request().method() === 'POST') posts++;
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' }, body: route.request().method() === 'POST' ? '<h1>Thanks</h1>' : form(guard) });
    });
    await page.goto('http://portico.test/form');
    await page.getByLabel('Given names').fill('Rosa Elena');
    await page.getByLabel('Spanish').check();
    await page.getByLabel('Country').selectOption({ label: 'Honduras' });
    const facts = await submitWhileOffline(page, context, () => page.getByRole('button', { name: 'Send' }).click());
    expect(facts.before).toEqual({ 'Given names': 'Rosa Elena', 'Languages › Spanish': 'checked', Country: 'Honduras' });
    expect(facts.pageSawOffline).toBe(true);
    expect(posts, 'nothing reached the server while offline').toBe(0);
    if (guard) {
      expect(facts).toMatchObject({ landedOn: 'app', wayBack: 'none', lost: [] });
      expect(facts.requestsWhileOffline).toBe(0);
    } else {
      expect(facts).toMatchObject({ landedOn: 'browser-error', wayBack: 'back' });
      expect(facts.requestsWhileOffline).toBe(1);
      expect(facts.lost.map((l) => l.label)).toEqual(['Given names', 'Languages › Spanish', 'Country']);
    }
    // Back online: the page's requests go through again.
    await page.goto('http://portico.test/form');
    await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
  });
}

/**
 * A server-rendered form that posts to its own address (POST /details from /details), reached from
 * the page before it. The failed send can take the form's place in the history, so Back leads to the
 * page before; the form is opened again and compared — never the page Back reached. One version keeps
 * a draft (sessionStorage) and loses nothing; the other keeps nothing.
 */
const selfPosting = (draft: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Details</title></head><body><main>
<h1>Your details</h1>
<form method="post" action="/details" autocomplete="off">
<p><label for="n">First name</label> <input id="n" name="n"></p>
<p><label for="s">Surname</label> <input id="s" name="s"></p>
<p><button>Continue</button></p>
</form>
${draft ? `<script>const f = document.forms[0];
for (const el of f.elements) if (el.name) { el.value = sessionStorage.getItem('draft:' + el.name) ?? el.value; el.addEventListener('input', () => sessionStorage.setItem('draft:' + el.name, el.value)); }</script>` : ''}
</main></body></html>`;

for (const draft of [true, false]) {
  test(`a form that posts to its own address: ${draft ? 'with a draft kept, nothing is lost' : 'with nothing kept, the entries are lost'} — compared on the form itself`, async ({ page, context }) => {
    await context.route('http://portico.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/code') return route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><html lang="en"><title>Code</title><main><h1>Enter your code</h1><form><label for="c">Code</label><input id="c" value="504078"></form><a href="/details">Continue</a></main></html>' });
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' }, body: selfPosting(draft) });
    });
    await page.goto('http://portico.test/code');
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByLabel('First name').fill('María José');
    await page.getByLabel('Surname').fill('Pérez Núñez');
    const facts = await submitWhileOffline(page, context, () => page.getByRole('button', { name: 'Continue' }).click());
    expect(new URL(facts.url).pathname, 'compared on the form, not the page before it').toBe('/details');
    expect(facts.wayBack, 'Back led to the page before the form').toBe('reopened');
    expect(facts.lost.map((l) => l.label)).toEqual(draft ? [] : ['First name', 'Surname']);
  });
}
