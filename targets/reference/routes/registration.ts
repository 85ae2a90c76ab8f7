import { createHmac } from 'node:crypto';
import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { deleteDraft, getDraft, getRegistration, saveDraft, saveRegistration, type RegistrationRow } from '../db/repo.ts';
import { draftOwner, requireAccount } from '../session.ts';
import { emptyMember, emptyRegistration, MAX_MEMBERS, personIdentity, readRegistrationForm, validateRegistration, type RegistrationForm } from '../validation/registration.ts';
import { notEditablePage, registrationPage } from '../pages/registration.ts';
import { statusPage } from '../pages/status.ts';
import { utcDay } from '../clock.ts';
import { go, page } from './respond.ts';

function fromRow(r: RegistrationRow): RegistrationForm {
  const [y, m, d] = r.dob.split('-');
  return {
    given_names: r.given_names,
    family_names: r.family_names,
    dob_day: String(Number(d)),
    dob_month: String(Number(m)),
    dob_year: y,
    nationality: r.nationality,
    country_of_birth: r.country_of_birth,
    phone: r.phone,
    languages: r.languages,
    languages_other: r.languages_other,
    us_street: r.us_street,
    us_city: r.us_city,
    us_state: r.us_state,
    us_zip: r.us_zip,
    members: r.members.map((mm) => {
      const [my, mmo, md] = mm.dob.split('-');
      return { given_names: mm.given_names, family_names: mm.family_names, dob_day: String(Number(md)), dob_month: String(Number(mmo)), dob_year: my, relationship: mm.relationship };
    }),
  };
}

export function personKey(ctx: Ctx, r: { given_names: string; family_names: string; dob: string; nationality: string }): string {
  return createHmac('sha256', ctx.app.secret).update(personIdentity(r)).digest('hex').slice(0, 32);
}

function show(ctx: Ctx, mode: 'new' | 'edit'): void {
  const account = requireAccount(ctx);
  if (!account) return;
  const existing = getRegistration(ctx.app.db, account.id);
  if (mode === 'new' && existing) return go(ctx, '/registration/edit');
  if (mode === 'edit' && !existing) return go(ctx, '/registration');
  if (mode === 'edit' && ctx.has('registration-not-editable')) return page(ctx, notEditablePage(ctx));
  const path = mode === 'new' ? '/registration' : '/registration/edit';
  const draft = getDraft(ctx.app.db, draftOwner(ctx), path);
  const form = draft ? readRegistrationForm(draft) : existing ? fromRow(existing) : emptyRegistration();
  if (!draft && form.members.length === 0) form.members.push(emptyMember());
  page(ctx, registrationPage(ctx, { mode, form, errors: new Map(), restored: Boolean(draft) }));
}

function submit(ctx: Ctx, mode: 'new' | 'edit'): void {
  const account = requireAccount(ctx);
  if (!account) return;
  const existing = getRegistration(ctx.app.db, account.id);
  if (mode === 'edit' && ctx.has('registration-not-editable')) {
    return page(ctx, statusPage(ctx, 403, ctx.t('registration.editTitle'), ctx.t('registration.notEditable')), 403);
  }
  if (mode === 'edit' && !existing) return go(ctx, '/registration');
  const path = mode === 'new' ? '/registration' : '/registration/edit';
  const form = readRegistrationForm(ctx.form);
  if (ctx.form.get('action') === 'add-member') {
    if (form.members.length < MAX_MEMBERS) form.members.push(emptyMember());
    const copy = new URLSearchParams(ctx.form);
    copy.set('member_count', String(form.members.length));
    saveDraft(ctx.app.db, draftOwner(ctx), path, copy, ctx.app.clock.now());
    return page(ctx, registrationPage(ctx, { mode, form, errors: new Map() }));
  }
  const result = validateRegistration(form, { todayIso: utcDay(ctx.app.clock.now()), usAddressRequired: ctx.has('us-address-required') });
  if (!result.ok) return page(ctx, registrationPage(ctx, { mode, form, errors: result.errors }), 422);
  saveRegistration(ctx.app.db, account.id, result.value, personKey(ctx, result.value), ctx.app.clock.now());
  deleteDraft(ctx.app.db, draftOwner(ctx), path);
  if (mode === 'new') return go(ctx, account.selfie_status === 'none' ? '/selfie' : '/dashboard');
  return go(ctx, '/dashboard?saved=1');
}

export function registerRegistrationRoutes(router: Router<Ctx>): void {
  router.get('/registration', (ctx) => show(ctx, 'new'));
  router.post('/registration', (ctx) => submit(ctx, 'new'));
  router.get('/registration/edit', (ctx) => show(ctx, 'edit'));
  router.post('/registration/edit', (ctx) => submit(ctx, 'edit'));
}
