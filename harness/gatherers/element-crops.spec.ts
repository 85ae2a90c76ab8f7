import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSharedChromium, type SharedChromium } from '../browser/launch.ts';
import { resolveDomPaths } from './dom-path.ts';
import { gatherElementCrops } from './element-crops.ts';
import { outlineInCrop } from '../report/crop.ts';

let shared: SharedChromium;
test.beforeAll(async () => { shared = await launchSharedChromium(); });
test.afterAll(async () => { await shared.browser.close(); });

// A red box far below the fold, a blue one hanging off the right edge of the page, one hidden.
const PAGE = `<!doctype html><html lang="en"><head><title>Crops</title><style>body{margin:0;background:#fff}</style></head><body>
<main style="height:2600px;position:relative;overflow:hidden">
<div id="red" style="position:absolute;left:100px;top:2000px;width:80px;height:30px;background:#ff0000"></div>
<div id="blue" style="position:absolute;left:770px;top:10px;width:30px;height:30px;background:#0000ff"></div>
<div id="hidden" style="display:none">x</div>
</main></body></html>`;

const pngSize = (file: string) => { const b = readFileSync(file); return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }; };

/** The colour of a pixel of a PNG, read back through a canvas in the browser. */
async function pixel(page: Page, file: string, x: number, y: number): Promise<number[]> {
  const url = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  return page.evaluate(async ({ url, x, y }) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return Array.from(g.getImageData(x, y, 1, 1).data).slice(0, 3);
  }, { url, x, y });
}

test('flagged elements are cropped by Chromium around their recorded box, inside the page; none without a box', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.setContent(PAGE);
  const paths = (await resolveDomPaths(page, ['#red', '#blue', '#hidden'].map((selector) => ({ kind: 'selector' as const, selector })))) as string[];
  const outDir = mkdtempSync(join(tmpdir(), 'portico-crops-'));
  const started = performance.now();
  const result = await gatherElementCrops(page, [...paths, 'html>body:nth-of-type(1)>nav:nth-of-type(1)'], { dir: join(outDir, 'evidence', 'p', '01-step'), outDir, pad: 32 });
  const ms = performance.now() - started;
  expect(result.skipped).toEqual([
    { domPath: paths[2], why: 'no visible box on the page' },
    { domPath: 'html>body:nth-of-type(1)>nav:nth-of-type(1)', why: 'not found in the page' },
  ]);
  const [red, blue] = result.crops;
  expect(red).toMatchObject({ domPath: paths[0], path: 'evidence/p/01-step/element-01.png', box: { x: 100, y: 2000, width: 80, height: 30 }, clip: { x: 68, y: 1968, width: 144, height: 94 } });
  // Off the right edge: the clip stops at the page (800 px wide).
  expect(blue.clip).toEqual({ x: 738, y: 0, width: 62, height: 72 });
  for (const c of [red, blue]) {
    const file = join(outDir, c.path);
    expect(pngSize(file)).toEqual({ width: c.clip.width, height: c.clip.height });
  }
  // The element is where its box says, in the crop: red inside the outline, white outside.
  const o = outlineInCrop(red)!;
  expect(await pixel(page, join(outDir, red.path), o.x + o.width / 2, o.y + o.height / 2)).toEqual([255, 0, 0]);
  expect(await pixel(page, join(outDir, red.path), o.x - 5, o.y - 5)).toEqual([255, 255, 255]);
  const b = outlineInCrop(blue)!;
  expect(await pixel(page, join(outDir, blue.path), b.x + 2, b.y + b.height / 2)).toEqual([0, 0, 255]);
  test.info().annotations.push({ type: 'timing', description: `2 crops in ${ms.toFixed(0)} ms` });
  console.log(`element crops: 2 crops in ${ms.toFixed(0)} ms`);
  // The page was not moved: the viewport is where it was.
  expect(await page.evaluate(() => [window.scrollY, window.innerWidth, window.innerHeight])).toEqual([0, 800, 600]);
  await context.close();
});

test('the cap keeps it cheap: at most max crops, the rest named as skipped', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.setContent(`<main>${Array.from({ length: 5 }, (_, i) => `<p id="p${i}">para ${i}</p>`).join('')}</main>`);
  const paths = (await resolveDomPaths(page, [0, 1, 2, 3, 4].map((i) => ({ kind: 'selector' as const, selector: `#p${i}` })))) as string[];
  const outDir = mkdtempSync(join(tmpdir(), 'portico-crops-'));
  const result = await gatherElementCrops(page, paths, { dir: join(outDir, 'e'), outDir, max: 2 });
  expect(result.crops.map((c) => c.domPath)).toEqual(paths.slice(0, 2));
  expect(result.skipped.map((s) => s.why)).toEqual(['over the cap of 2 crops per checkpoint', 'over the cap of 2 crops per checkpoint', 'over the cap of 2 crops per checkpoint']);
  await context.close();
});
