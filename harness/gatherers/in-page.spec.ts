import { test, expect } from '@playwright/test';
import { launchSharedChromium, type SharedChromium } from '../browser/launch.ts';
import { resolveDomPaths } from './dom-path.ts';
import { gatherKeyboard } from './keyboard.ts';

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
