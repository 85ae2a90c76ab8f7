import { test, expect } from '@playwright/test';
import { languageProbe, type LanguageArtifact } from './language.ts';
import { untranslatedTextAudit } from '../../../audits/i18n/untranslated-text.ts';
import { artifactsWith, auditCtx } from './test-pages/url.ts';

/**
 * A GOV.UK Frontend form after a failed submit (error summary; the field's group marked
 * govuk-form-group--error; aria-describedby naming the hint and the error), in Kreyòl. The group's
 * label and hint are not error messages: only the summary and the error message are. Not the
 * reference app's markup (govuk-frontend's error-summary and error-message patterns).
 */
const page = (errors: { title: string; message: string; prefix: string }) => `<!doctype html><html lang="ht"><head><meta charset="utf-8"><title>Enfòmasyon sou ou</title></head><body><main class="govuk-main-wrapper">
<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">${errors.title}</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#full-name">${errors.message}</a></li></ul></div></div></div>
<h1 class="govuk-heading-l">Enfòmasyon sou ou</h1>
<form novalidate><div class="govuk-form-group govuk-form-group--error">
<label class="govuk-label" for="full-name">Non konplè</label>
<div id="full-name-hint" class="govuk-hint">Ekri non ou jan ou konn ekri l. Yon sèl non bon tou.</div>
<p id="full-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">${errors.prefix}</span> ${errors.message}</p>
<input class="govuk-input govuk-input--error" id="full-name" name="fullName" type="text" aria-invalid="true" aria-describedby="full-name-hint full-name-error">
</div><button type="submit" class="govuk-button">Kontinye</button></form>
<p class="govuk-body">Sèvis Sibvansyon pou Difikilte. Tout paj, imèl ak repons yo disponib nan kat lang.</p></main></body></html>`;

const ctx = { locale: 'ht', targetLocales: ['en', 'es', 'ar', 'ht'], stepId: 'page' };
const judge = (a: LanguageArtifact) => untranslatedTextAudit.audit(artifactsWith('language', a), { ...auditCtx, context: { locale: 'ht' } });

test('negative: a Kreyòl GOV.UK error group — its label and hint are not errors, and nothing is untranslated', async ({ page: p }) => {
  await p.setContent(page({ title: 'Gen yon pwoblèm', message: 'Antre non konplè ou', prefix: 'Erè:' }));
  const a = (await languageProbe.gather(p, ctx)) as LanguageArtifact;
  expect(a.segments.find((s) => s.text === 'Non konplè')?.kind).toBe('label');
  expect(a.segments.find((s) => s.text.startsWith('Ekri non ou'))?.kind).not.toBe('error');
  expect(a.segments.filter((s) => s.kind === 'error').map((s) => s.text)).toEqual(expect.arrayContaining(['Gen yon pwoblèm', 'Antre non konplè ou']));
  const r = await judge(a);
  expect(r.findings.filter((f) => f.outcome === 'failed')).toEqual([]);
});

test('positive: the same page with its errors left in English — each English error is found (3.1.2)', async ({ page: p }) => {
  await p.setContent(page({ title: 'There is a problem', message: 'Enter your full name', prefix: 'Error:' }));
  const a = (await languageProbe.gather(p, ctx)) as LanguageArtifact;
  const r = await judge(a);
  expect(r.outcome).toBe('failed');
  const quoted = r.findings.filter((f) => f.outcome === 'failed').map((f) => f.message.match(/"([^"]+)"/)?.[1]);
  expect(quoted).toEqual(expect.arrayContaining(['There is a problem', 'Enter your full name']));
});
