import type { Ctx } from '../app.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { checkboxes, noValidate, csrfField, dateFields, errorSummary, selectField, submitButton, textField, type FieldError } from './forms.ts';
import { COUNTRIES, LANGUAGE_CODES, MAX_MEMBERS, RELATIONSHIPS, type FieldErrors, type RegistrationForm } from '../validation/registration.ts';
import { countryName, languageName } from '../i18n/i18n.ts';

function countryOptions(ctx: Ctx): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(ctx.locale === 'ht' ? 'fr' : ctx.locale);
  return COUNTRIES.map((c) => ({ value: c, label: countryName(ctx.locale, c) })).sort((a, b) => collator.compare(a.label, b.label));
}

function member(ctx: Ctx, f: RegistrationForm, i: number, err: (k: string) => string | undefined): SafeHtml {
  const m = f.members[i];
  const p = `member_${i}`;
  const t = ctx.t;
  return html`<fieldset class="fieldset member">
<legend class="legend">${t('registration.member.legend', { n: i + 1 })}</legend>
${textField(ctx, { name: `${p}_given_names`, label: t('registration.givenNames'), value: m.given_names, error: err(`${p}_given_names`), autocomplete: 'off', spellcheck: false, dir: 'auto' })}
${textField(ctx, { name: `${p}_family_names`, label: t('registration.familyNames'), value: m.family_names, error: err(`${p}_family_names`), autocomplete: 'off', optional: true, spellcheck: false, dir: 'auto' })}
${dateFields(ctx, { prefix: `${p}_dob`, legend: t('registration.dob.legend'), hint: t('registration.dob.hint'), error: err(`${p}_dob_day`), day: m.dob_day, month: m.dob_month, year: m.dob_year })}
${selectField(ctx, {
  name: `${p}_relationship`,
  label: t('registration.member.relationship'),
  value: m.relationship,
  error: err(`${p}_relationship`),
  options: RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationships.${r}`) })),
})}
</fieldset>`;
}

export function registrationPage(
  ctx: Ctx,
  o: { mode: 'new' | 'edit'; form: RegistrationForm; errors: FieldErrors; saved?: boolean; restored?: boolean },
): string {
  const t = ctx.t;
  const usRequired = ctx.has('us-address-required');
  const err = (k: string) => {
    const key = o.errors.get(k);
    return key ? ctx.tErr(`errors.${key}`) : undefined;
  };
  const summary: FieldError[] = [...o.errors.entries()].map(([field, key]) => ({ field: field === 'languages' ? 'languages-0' : field, message: ctx.tErr(`errors.${key}`) }));
  const f = o.form;
  const title = o.mode === 'new' ? t('registration.title') : t('registration.editTitle');
  const action = o.mode === 'new' ? '/registration' : '/registration/edit';
  const countries = countryOptions(ctx);
  return layout(
    ctx,
    { title, hasErrors: o.errors.size > 0 },
    html`${errorSummary(ctx, summary)}
<h1>${title}</h1>
${o.restored ? html`<div class="notice" role="status"><p>${t('registration.restored')}</p></div>` : ''}
<p>${t('registration.intro')}</p>
<form method="post" action="${action}" ${noValidate(ctx)} class="registration-form">
${csrfField(ctx)}
<input type="hidden" name="member_count" value="${f.members.length}">
<fieldset class="fieldset">
<legend class="legend">${t('registration.nameLegend')}</legend>
<p class="hint" id="names-hint">${t('registration.nameHint')}</p>
${textField(ctx, { name: 'given_names', label: t('registration.givenNames'), value: f.given_names, error: err('given_names'), autocomplete: 'given-name', spellcheck: false, dir: 'auto', required: true })}
${textField(ctx, { name: 'family_names', label: t('registration.familyNames'), hint: t('registration.familyNamesHint'), value: f.family_names, error: err('family_names'), autocomplete: 'family-name', optional: true, spellcheck: false, dir: 'auto' })}
</fieldset>
${dateFields(ctx, { prefix: 'dob', legend: t('registration.dob.legend'), hint: t('registration.dob.hint'), error: err('dob_day'), day: f.dob_day, month: f.dob_month, year: f.dob_year, bday: true })}
${selectField(ctx, { name: 'nationality', label: t('registration.nationality'), value: f.nationality, error: err('nationality'), options: countries, required: true })}
${selectField(ctx, { name: 'country_of_birth', label: t('registration.countryOfBirth'), value: f.country_of_birth, error: err('country_of_birth'), options: countries, required: true })}
${textField(ctx, { name: 'phone', type: 'tel', label: t('registration.phone'), hint: t('registration.phoneHint'), value: f.phone, error: err('phone'), autocomplete: 'tel', inputmode: 'tel', required: true, pattern: '\\+?[0-9 ]{7,20}', width: 'm', dir: 'ltr' })}
${checkboxes(ctx, {
  name: 'languages',
  legend: t('registration.languages'),
  hint: t('registration.languagesHint'),
  error: err('languages'),
  values: f.languages,
  options: LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(ctx.locale, c) })),
})}
${textField(ctx, { name: 'languages_other', label: t('registration.languagesOther'), value: f.languages_other, optional: true, width: 'm' })}
<fieldset class="fieldset">
<legend class="legend">${usRequired ? t('registration.us.legendRequired') : t('registration.us.legend')}</legend>
<p class="hint">${usRequired ? t('registration.us.hintRequired') : t('registration.us.hint')}</p>
${textField(ctx, { name: 'us_street', label: t('registration.us.street'), value: f.us_street, error: err('us_street'), autocomplete: 'address-line1', required: usRequired })}
${textField(ctx, { name: 'us_city', label: t('registration.us.city'), value: f.us_city, error: err('us_city'), autocomplete: 'address-level2', required: usRequired, width: 'm' })}
${textField(ctx, { name: 'us_state', label: t('registration.us.state'), value: f.us_state, error: err('us_state'), autocomplete: 'address-level1', required: usRequired, width: 's' })}
${textField(ctx, { name: 'us_zip', label: t('registration.us.zip'), value: f.us_zip, error: err('us_zip'), autocomplete: 'postal-code', inputmode: 'numeric', required: usRequired, pattern: '[0-9]{5}(-[0-9]{4})?', width: 's' })}
</fieldset>
<section class="family" aria-labelledby="family-title">
<h2 id="family-title">${t('registration.family.title')}</h2>
<p class="hint">${t('registration.family.hint', { max: MAX_MEMBERS })}</p>
${f.members.map((_, i) => member(ctx, f, i, err))}
${f.members.length < MAX_MEMBERS ? submitButton(ctx, t('registration.family.add'), { name: 'action', value: 'add-member', secondary: true }) : html`<p>${t('registration.family.max', { max: MAX_MEMBERS })}</p>`}
</section>
<div class="actions">${submitButton(ctx, o.mode === 'new' ? t('registration.submit') : t('registration.save'), { name: 'action', value: 'save' })}</div>
</form>`,
  );
}

export function notEditablePage(ctx: Ctx): string {
  const t = ctx.t;
  return layout(
    ctx,
    { title: t('registration.editTitle') },
    html`<h1>${t('registration.editTitle')}</h1>
<p>${t('registration.notEditable')}</p>
<p><a href="/dashboard">${t('nav.dashboard')}</a></p>`,
  );
}
