import { test, expect } from '@playwright/test';
import { launchSharedChromium, type SharedChromium } from '../browser/launch.ts';
import { resolveDomPaths } from './dom-path.ts';
import { gatherKeyboard } from './keyboard.ts';
import { evaluateInPage, IN_PAGE_PRELUDE } from './in-page.ts';

let shared: SharedChromium;
test.beforeAll(async () => { shared = await launchSharedChromium(); });
test.afterAll(async () => { await shared.browser.close(); });

// A page that plants its own "helper" before Portico looks, and makes it impossible to replace:
// were the DOM path read from the page's globals, every element would get the same path and
// different barriers would merge into one finding.
const HOSTILE = `<!doctype html><html lang="en"><head><title>Hostile</title>
<script>
  Object.defineProperty(globalThis, '__porticoDomPath', { value: () => 'html', writable: false, configurable: false });
</script></head>
<body><main><h1>Form</h1><button id="a">One</button><button id="b">Two</button></main></body></html>`;

test('the DOM-path helper is bound where the page cannot reach it', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.setContent(HOSTILE);
  expect(await page.evaluate(() => (globalThis as unknown as { __porticoDomPath: () => string }).__porticoDomPath())).toBe('html');
  const paths = await resolveDomPaths(page, [{ kind: 'selector', selector: '#a' }, { kind: 'selector', selector: '#b' }]);
  expect(paths).toEqual([
    'html>body:nth-of-type(1)>main:nth-of-type(1)>button:nth-of-type(1)',
    'html>body:nth-of-type(1)>main:nth-of-type(1)>button:nth-of-type(2)',
  ]);
  const keyboard = await gatherKeyboard(page, { checkFocusVisibility: false });
  const stops = keyboard.sequence.map((s) => s.domPath);
  expect(new Set(stops).size).toBe(stops.length);
  expect(stops).toContain(paths[1]);
});

// One element per case that tells the predicates apart (each id names its case).
const CASES = `<!doctype html><html lang="en"><head><title>Cases</title><style>
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0 }
[hidden].shown { display: block }
</style></head><body><main>
<button id="plain">Plain</button>
<button id="display-none" style="display:none">display:none</button>
<div style="display:none"><button id="display-none-ancestor">Inside display:none</button></div>
<button id="visibility-hidden" style="visibility:hidden">visibility:hidden</button>
<div style="visibility:hidden"><button id="visibility-hidden-ancestor">Inside visibility:hidden</button></div>
<div aria-hidden="true"><button id="aria-hidden-ancestor">Inside aria-hidden</button></div>
<button id="hidden-attribute" hidden>hidden</button>
<div hidden class="shown"><button id="hidden-restyled">Inside [hidden] restyled to show</button></div>
<div inert><button id="inert-ancestor">Inside inert</button></div>
<button id="opacity-0" style="opacity:0">opacity 0</button>
<span id="sr-only" class="sr-only">Screen-reader only</span>
<div id="zero-size" style="width:0;height:0;overflow:hidden">Zero size</div>
</main></body></html>`;

// [notRendered, hiddenFromAll, hasBox, hasOperableBox] for each case.
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean]> = {
  'plain': [false, false, true, true],
  'display-none': [true, true, false, false],
  'display-none-ancestor': [true, true, false, false],
  'visibility-hidden': [true, true, false, false],
  'visibility-hidden-ancestor': [true, true, false, false],
  'aria-hidden-ancestor': [false, true, true, true],
  'hidden-attribute': [true, true, false, false],
  'hidden-restyled': [true, true, true, false],
  'inert-ancestor': [false, false, true, false],
  'opacity-0': [false, false, true, true],
  'sr-only': [false, false, true, true],
  'zero-size': [false, false, false, false],
};

test('the in-page visibility predicates: what each one counts', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.setContent(CASES);
  const got = await evaluateInPage(page, (ids) => Object.fromEntries(ids.map((id) => {
    const el = document.getElementById(id)!;
    return [id, [__portico.notRendered(el), __portico.hiddenFromAll(el), __portico.hasBox(el), __portico.hasOperableBox(el)]];
  })), Object.keys(EXPECTED));
  expect(got).toEqual(EXPECTED);
});

test('the in-page text helpers', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.setContent(`<label for="f">Your
    email</label><input id="f"><label>  address </label>
    <span id="a"> First </span><span id="b">second  part</span><button id="btn">Go</button>`);
  // The second <label> wraps nothing: it labels no control.
  const got = await evaluateInPage(page, () => ({
    norm: [__portico.norm('  a \n\t b  '), __portico.norm(null), __portico.norm(undefined)],
    truncate: [__portico.truncate('abcdef', 4), __portico.truncate('  ab  ', 6)],
    clip: [__portico.clip(' a  b '), __portico.clip('x'.repeat(201)).length, __portico.clip('one  two three', 8)],
    idRefText: [__portico.idRefText(' a  missing b '), __portico.idRefText(null)],
    labelText: [__portico.labelText(document.getElementById('f')!), __portico.labelText(document.getElementById('btn')!), __portico.labelText(document.getElementById('a')!)],
  }));
  expect(got).toEqual({
    norm: ['a b', '', ''],
    truncate: ['abc…', '  ab  '],
    clip: ['a b', 200, 'one two…'],
    idRefText: ['First second part', ''],
    labelText: ['Your email', '', ''],
  });
});

test('the in-page library is bound where the page cannot reach it, for evaluated functions and for CDP source alike', async () => {
  const page = await (await shared.browser.newContext()).newPage();
  await page.setContent(`<script>
    const fake = { norm: () => 'page', hasBox: () => false };
    Object.defineProperty(globalThis, '__portico', { value: fake, writable: false, configurable: false });
  </script><button>Go</button>`);
  expect(await page.evaluate(() => (globalThis as unknown as { __portico: { norm(): string } }).__portico.norm())).toBe('page');
  expect(await evaluateInPage(page, () => [__portico.norm(' a  b '), __portico.hasBox(document.querySelector('button')!)])).toEqual(['a b', true]);
  expect(await page.evaluate(`(() => { ${IN_PAGE_PRELUDE} return __portico.norm(' c  d '); })()`)).toBe('c d');
});
