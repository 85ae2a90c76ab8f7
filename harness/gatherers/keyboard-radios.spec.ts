import { test, expect } from '@playwright/test';
import { gatherKeyboard } from './keyboard.ts';

// GOV.UK Frontend radios: Tab enters the group once, arrow keys move within it. None is unreachable.
const RADIOS = `<!doctype html><html lang="en"><title>Radios</title><main><form>
<fieldset class="govuk-fieldset"><legend>Has your income stopped?</legend>
<div class="govuk-radios"><div class="govuk-radios__item"><input class="govuk-radios__input" id="r1" name="income" type="radio" value="yes"><label for="r1">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="r2" name="income" type="radio" value="no"><label for="r2">No</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="r3" name="income" type="radio" value="unsure"><label for="r3">Not sure</label></div></div></fieldset>
<button>Continue</button></form></main></html>`;

test('a radio group is one Tab stop: its other radios are not "unreachable"', async ({ page }) => {
  await page.setContent(RADIOS);
  const kb = await gatherKeyboard(page);
  expect(kb.unreached).toEqual([]);
  expect(kb.sequence.filter((x) => x.tag === 'input')).toHaveLength(1);
});
