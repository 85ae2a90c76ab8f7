import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { whatThePageSays } from './expect.ts';

/**
 * What a blocked person is told, read from pages of the design systems people use (not any
 * target's markup): the block quotes the page's messages and names the invalid fields. A correct
 * form with brand-red "(required)" hints says nothing is wrong.
 */
const page = (name: string) => pathToFileURL(resolve(import.meta.dirname, '..', 'gatherers', 'probes', 'test-pages', 'design-systems', name)).href;

test('GOV.UK Frontend: the error summary\'s items and each field marked --error with its message', async ({ page: p }) => {
  await p.goto(page('govuk-error-summary.html'));
  const says = await whatThePageSays(p);
  expect(says.messages.join(' | ')).toContain('Enter your full name');
  expect(says.fields.map((f) => f.field)).toEqual(expect.arrayContaining([expect.stringContaining('Full name'), expect.stringContaining('Email')]));
  expect(says.fields.find((f) => f.field.includes('Full name'))?.message).toContain('Enter your full name');
});

test('Bootstrap: .is-invalid fields and their .invalid-feedback', async ({ page: p }) => {
  await p.goto(page('bootstrap-is-invalid.html'));
  const says = await whatThePageSays(p);
  expect(says.messages).toEqual(expect.arrayContaining(['Please provide a valid city.', 'Please select a valid state.']));
  expect(says.fields.find((f) => f.field === 'City')?.message).toBe('Please provide a valid city.');
});

test('USWDS: the alert and the field with its usa-error-message', async ({ page: p }) => {
  await p.goto(page('uswds-validation.html'));
  const says = await whatThePageSays(p);
  expect(says.messages.join(' | ')).toContain('Enter an email address, like name@example.com');
  expect(says.fields.find((f) => f.field.includes('Email address'))?.message).toContain('Enter an email address');
});

test('Material (MDC): the invalid field is named by its floating label, with its helper text', async ({ page: p }) => {
  await p.goto(page('material-text-field.html'));
  const says = await whatThePageSays(p);
  expect(says.fields).toHaveLength(1);
  expect(says.fields[0].field).toContain('Email');
  expect(says.fields[0].message.length).toBeGreaterThan(0);
});

test('a field labelled only by aria-labelledby is named by that text, not its id', async ({ page: p }) => {
  await p.setContent('<p id="dob-l">Date of birth</p><input id="dob" aria-labelledby="dob-l" aria-invalid="true" aria-describedby="dob-e"><p id="dob-e">Enter a real date</p>');
  expect((await whatThePageSays(p)).fields).toEqual([{ field: 'Date of birth', message: 'Enter a real date' }]);
});

test('a field\'s error is quoted, not its hint (GOV.UK date input: hint and error both describe it)', async ({ page: p }) => {
  await p.setContent(`<div class="govuk-form-group govuk-form-group--error"><fieldset class="govuk-fieldset" role="group" aria-describedby="dob-hint dob-error">
<legend>Date of birth</legend><div id="dob-hint" class="govuk-hint">For example, 27 3 2007</div>
<p id="dob-error" class="govuk-error-message">Date of birth must include a month</p>
<label for="dob-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--error" id="dob-month" aria-describedby="dob-hint dob-error"></fieldset></div>
<label for="email">Email</label><input id="email" aria-invalid="true" aria-describedby="email-hint"><p id="email-hint" class="form-text">We will send you a one-time code.</p>`);
  const says = await whatThePageSays(p);
  expect(says.fields).toEqual([{ field: 'Month', message: 'Date of birth must include a month' }, { field: 'Email', message: '' }]);
});

test('a correct form with brand-red required hints says nothing is wrong', async ({ page: p }) => {
  await p.goto(page('brand-red-required.html'));
  expect(await whatThePageSays(p)).toEqual({ messages: [], fields: [] });
});
