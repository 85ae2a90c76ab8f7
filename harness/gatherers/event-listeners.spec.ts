import { test, expect } from '@playwright/test';
import { readEventListeners } from './event-listeners.ts';

const PAGE = `<!doctype html><html lang="en"><title>Listeners</title><main>
<button id="save">Save</button>
<div id="handle" style="cursor:grab">Drag me</div>
<p id="plain">No listener</p>
<span id="inline" onclick="void 0">Inline handler</span>
<div id="host"></div>
</main><script>
document.getElementById('save').addEventListener('click', () => {});
document.getElementById('save').addEventListener('click', () => {});
document.getElementById('save').addEventListener('keydown', () => {});
document.getElementById('handle').addEventListener('pointerdown', () => {});
const root = document.getElementById('host').attachShadow({ mode: 'open' });
root.innerHTML = '<button id="inner">Inner</button>';
root.getElementById('inner').addEventListener('mousedown', () => {});
</script></html>`;

const SELECT = `['save', 'handle', 'plain', 'inline', 'missing'].map((id) => document.getElementById(id))`;

test.beforeEach(async ({ page }) => { await page.setContent(PAGE); });

test('per element index, the listener types it has, each once; no listener and null entries are left out', async ({ page }) => {
  const { listeners } = await readEventListeners(page, SELECT);
  expect(listeners.read).toBe(true);
  if (!listeners.read) return;
  expect(listeners.elements).toBe(4); // the null for "missing" is not an element
  expect([...listeners.types.entries()]).toEqual([[0, ['click', 'keydown']], [1, ['pointerdown']], [3, ['click']]]);
});

test('filtered by event types: an element with none of them is left out', async ({ page }) => {
  const { listeners } = await readEventListeners(page, SELECT, { types: ['pointerdown', 'keydown'] });
  expect(listeners.read && [...listeners.types.entries()]).toEqual([[0, ['keydown']], [1, ['pointerdown']]]);
});

test('an element the expression reaches inside a shadow root is read like any other', async ({ page }) => {
  const { listeners } = await readEventListeners(page, `[document.getElementById('host').shadowRoot.getElementById('inner')]`);
  expect(listeners.read && [...listeners.types.entries()]).toEqual([[0, ['mousedown']]]);
});

test('then runs on the same elements with the types read, and an existing session is left attached', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const fn = `function (types, read, suffix) { return this.map((el, i) => el ? el.id + ':' + (types[i] || []).join('+') + suffix + ':' + read + ':' + __porticoDomPath(el) : null); }`;
  const { value } = await readEventListeners<Array<string | null>>(cdp, SELECT, { types: ['click'], then: { fn, args: ['!'] } });
  expect(value).toEqual(['save:click!:true:html>body:nth-of-type(1)>main:nth-of-type(1)>button:nth-of-type(1)', 'handle:!:true:html>body:nth-of-type(1)>main:nth-of-type(1)>div:nth-of-type(1)', 'plain:!:true:html>body:nth-of-type(1)>main:nth-of-type(1)>p:nth-of-type(1)', 'inline:click!:true:html>body:nth-of-type(1)>main:nth-of-type(1)>span:nth-of-type(1)', null]);
  await expect(cdp.send('Runtime.evaluate', { expression: '1 + 1', returnByValue: true })).resolves.toMatchObject({ result: { value: 2 } });
  await cdp.detach();
});

test('could not read is its own result, never an empty "no listeners"', async ({ page }) => {
  const thrown = await readEventListeners(page, `(() => { throw new Error('boom'); })()`);
  expect(thrown.listeners).toMatchObject({ read: false, reason: expect.stringContaining('boom') });
  const notAnObject = await readEventListeners(page, `undefined`, { then: { fn: 'function () { return 1; }' } });
  expect(notAnObject.listeners.read).toBe(false);
  expect(notAnObject.value).toBeUndefined();
  const cdp = await page.context().newCDPSession(page);
  await cdp.detach();
  const detached = await readEventListeners(cdp, SELECT);
  expect(detached.listeners).toMatchObject({ read: false });
});

test('a then function that throws reports its error and no value', async ({ page }) => {
  const r = await readEventListeners(page, SELECT, { then: { fn: 'function () { throw new Error("in page"); }' } });
  expect(r.listeners.read).toBe(true);
  expect(r.value).toBeUndefined();
  expect(r.thenError).toContain('in page');
});

test('the element handles Runtime.getProperties gives are in the array\'s object group, so releasing the group frees them (what the helper relies on)', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: SELECT, objectGroup: 'g' });
  const { result: props } = await cdp.send('Runtime.getProperties', { objectId: result.objectId!, ownProperties: true });
  const first = props.find((p) => p.name === '0')!.value!.objectId!;
  await expect(cdp.send('DOMDebugger.getEventListeners', { objectId: first })).resolves.toBeTruthy();
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'g' });
  await expect(cdp.send('DOMDebugger.getEventListeners', { objectId: first })).rejects.toThrow();
  await cdp.detach();
});
