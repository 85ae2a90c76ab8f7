import { test, expect } from '@playwright/test';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../browser/launch.ts';
import { BlockedError, MissingControlError, keyboardActor, pointerActor, screenReaderActor } from './actors.ts';
import { classifyStepError } from './walk.ts';

/** Block causes: 4.1.2 / 2.1.1 only when the control is there for a sighted person; else the step is incomplete. */
test.describe.configure({ mode: 'serial' });
let browser: Browser;
let page: Page;
test.beforeAll(async () => { browser = await chromium.launch(chromiumLaunchOptions()); page = await browser.newPage(); });
test.afterAll(async () => { await browser.close(); });

const caught = async (p: Promise<unknown>) => p.then(() => null, (e: Error) => e);
const state = { crashed: false, badResponse: null };

test('screen reader: a clickable div that reads "Pay" is a 4.1.2 block (the persona\'s criteria)', async () => {
  await page.setContent('<main><p>Review your order.</p><div class="btn" tabindex="-1">Pay</div></main>');
  const e = await caught(screenReaderActor(page).click('button', 'Pay'));
  expect(e).toBeInstanceOf(BlockedError);
  expect((e as BlockedError).cites).toBeUndefined();
  expect('blocked' in classifyStepError(e as Error, state)).toBe(true);
});

test('screen reader: no "Pay" anywhere (only a sentence mentioning it) is an incomplete step, not a barrier', async () => {
  await page.setContent('<main><p>When you have checked everything you will be able to press Pay on the next page.</p><button>Back</button></main>');
  const e = await caught(screenReaderActor(page).click('button', 'Pay'));
  expect(e).toBeInstanceOf(MissingControlError);
  expect(e!.message).toMatch(/the description names a control the page does not have/);
  expect(classifyStepError(e as Error, state)).toEqual({ incomplete: expect.stringMatching(/does not have/) });
});

test('pointer: a field nobody can find (no label, no placeholder, no words) is incomplete', async () => {
  await page.setContent('<main><label for="a">Name</label><input id="a"></main>');
  expect(await caught(pointerActor(page).fill('Passport number', 'X1'))).toBeInstanceOf(MissingControlError);
});

test('keyboard: choosing an option the list does not have is incomplete, not 2.1.1; an existing one is chosen', async () => {
  await page.setContent('<main><label for="s">Port</label><select id="s"><option value="">Choose</option><option value="el-paso">El Paso</option></select></main>');
  const kb = keyboardActor(page);
  const e = await caught(kb.select('Port', { value: 'nogales' }));
  expect(e).toBeInstanceOf(MissingControlError);
  expect('incomplete' in classifyStepError(e as Error, state)).toBe(true);
  await kb.select('Port', { value: 'el-paso' });
  expect(await page.locator('#s').inputValue()).toBe('el-paso');
});

test('keyboard: a radio that is not the group\'s Tab stop is chosen with the arrow keys (GOV.UK radios), and its conditional field is then reachable', async () => {
  await page.setContent(`<main><form><fieldset><legend>Your situation</legend>
    <input id="a" name="s" type="radio" value="a"><label for="a">Other</label>
    <input id="b" name="s" type="radio" value="b" aria-controls="c-b"><label for="b">I have lost my job</label>
    <div id="c-b" hidden><label for="when">When did your income stop?</label><input id="when"></div>
    <input id="c" name="s" type="radio" value="c"><label for="c">Not sure</label></fieldset><button>Continue</button></form>
    <script>for (const i of document.querySelectorAll('input[name=s]')) i.addEventListener('change', () => { document.getElementById('c-b').hidden = !document.getElementById('b').checked; });</script></main>`);
  const kb = keyboardActor(page);
  await kb.check('I have lost my job');
  expect(await page.locator('#b').isChecked()).toBe(true);
  await kb.fill('When did your income stop?', 'March');
  expect(await page.locator('#when').inputValue()).toBe('March');
});

test('screen reader: a radio button is checked by its accessible name (a description\'s check is a checkbox or a radio)', async () => {
  await page.setContent('<main><fieldset><legend>Situation</legend><input type="radio" name="s" id="a"><label for="a">Other</label><input type="radio" name="s" id="b"><label for="b">I have lost my job</label></fieldset></main>');
  await screenReaderActor(page).check('I have lost my job');
  expect(await page.locator('#b').isChecked()).toBe(true);
});

test('words shown inside a field count as the control being there: a list whose first option reads "Nationality" is a block (4.1.2), not an incomplete step', async () => {
  await page.setContent('<main><select><option value="">Nationality</option><option>HN</option></select></main>');
  const e = await caught(screenReaderActor(page).select('Nationality', { value: 'HN' }));
  expect(e).toBeInstanceOf(BlockedError);
  expect('blocked' in classifyStepError(e as Error, state)).toBe(true);
});

test('a label that is how another begins: each actor fills the field whose label is exactly those words (البلد, not البلدة أو المدينة); a label found only inside another still works', async () => {
  const form = '<main dir="rtl" lang="ar"><label for="t">البلدة أو المدينة</label><input id="t"><label for="c">البلد</label><input id="c"><label for="p">الرمز البريدي للمنطقة</label><input id="p"></main>';
  for (const make of [pointerActor, screenReaderActor, keyboardActor]) {
    await page.setContent(form);
    const a = make(page);
    await a.fill('البلد', 'Honduras');
    await a.fill('الرمز البريدي', '11101');
    expect(await page.locator('#c').inputValue(), make.name).toBe('Honduras');
    expect(await page.locator('#t').inputValue(), make.name).toBe('');
    expect(await page.locator('#p').inputValue(), make.name).toBe('11101');
  }
});

test('a button its script enables a moment later (a camera warming up) is pressed, not a block; one that stays disabled blocks', async () => {
  await page.setContent(`<main><button id="take" disabled>Take the photo</button><p id="said"></p><script>
    setTimeout(() => { take.disabled = false; }, 1500);
    take.addEventListener('click', () => { said.textContent = 'taken'; });</script></main>`);
  await pointerActor(page).click('button', 'Take the photo');
  await expect(page.locator('#said')).toHaveText('taken');
  await page.setContent('<main><button disabled>Take the photo</button></main>');
  const e = await caught(pointerActor(page).click('button', 'Take the photo'));
  expect(e).toBeInstanceOf(BlockedError);
  expect(e!.message).toMatch(/is disabled/);
});

test('the keyboard user waits for it too: Tab reaches the button once its script enables it; one that stays disabled is disabled, not "Tab never reached"', async () => {
  await page.setContent(`<main><button id="take" disabled>Take the photo</button><p id="said"></p><script>
    setTimeout(() => { take.disabled = false; }, 1500);
    take.addEventListener('click', () => { said.textContent = 'taken'; });</script></main>`);
  await keyboardActor(page).click('button', 'Take the photo');
  await expect(page.locator('#said')).toHaveText('taken');
  await page.setContent('<main><button disabled>Take the photo</button></main>');
  const e = await caught(keyboardActor(page).click('button', 'Take the photo'));
  expect(e).toBeInstanceOf(BlockedError);
  expect(e!.message).toMatch(/is disabled/);
});

test('words inside longer words are not the control shown: no "Eta" field on a page that reads "Detay" is the description\'s mistake (incomplete), not a block', async () => {
  await page.setContent('<main><h1>Detay ou</h1><p>Etap 2</p><label for="t">Vil</label><input id="t"></main>');
  const e = await caught(pointerActor(page).fill('Eta', 'TX'));
  expect(e).toBeInstanceOf(MissingControlError);
  await page.setContent('<main><p>Eta</p><div>Vil</div></main>');
  expect(await caught(pointerActor(page).fill('Eta', 'TX'))).toBeInstanceOf(BlockedError);
});
