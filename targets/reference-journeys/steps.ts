import type { Step, StepContext } from '../../harness/journey/types.ts';
import { expectArrival } from '../../harness/journey/expect.ts';
import { BlockedError, UNATTRIBUTED_BLOCK } from '../../harness/journey/actors.ts';

/** Country names as the app shows them in the persona's language (the app uses Intl.DisplayNames too). */
export function countryLabel(ctx: StepContext, code: string): string {
  try { return ctx.t(`countries.${code}`); } catch { return new Intl.DisplayNames([ctx.locale], { type: 'region' }).of(code) ?? code; }
}

/** Whether the page offers these words at all, as a control of that role or as text anyone can see. */
async function offered(ctx: StepContext, role: 'link' | 'button', name: string): Promise<boolean> {
  return (await ctx.page.getByRole(role, { name }).count()) + (await ctx.page.getByText(name).count()) > 0;
}

/**
 * A way forward the journey needs that the page does not offer to anyone: the person is blocked by
 * what the page lacks (not by how they operate it), filed under its own references and keyed by
 * the control that is missing.
 */
async function requireOffered(ctx: StepContext, linkKey: string, lacking: { what: string; key: string; other: string[] }) {
  const name = ctx.t(linkKey);
  if (await offered(ctx, 'link', name)) return;
  throw new BlockedError(`${lacking.what}: nothing on the page reads "${name}"`, 'following the journey', { wcag: [], other: lacking.other }, lacking.key);
}

/** The US address fields the page demands though this person has none: required or marked invalid, and empty. */
async function demandedUsAddress(ctx: StepContext): Promise<string[]> {
  const demanded: string[] = [];
  for (const key of ['registration.us.street', 'registration.us.city', 'registration.us.state', 'registration.us.zip']) {
    const label = ctx.t(key);
    const field = ctx.page.getByLabel(label).or(ctx.page.getByPlaceholder(label)).first();
    if ((await field.count()) === 0) continue;
    const state = await field.evaluate((el) => {
      const input = el as HTMLInputElement;
      return {
        empty: !input.value,
        required: input.required || el.getAttribute('aria-required') === 'true',
        invalid: el.getAttribute('aria-invalid') === 'true' || (input.willValidate && !input.validity.valid),
      };
    });
    if (state.empty && (state.required || state.invalid)) demanded.push(label);
  }
  return demanded;
}

/** Choose the link the catalogue names, and expect to land on the page whose heading it names. */
async function followLink(ctx: StepContext, linkKey: string, headingKey: string) {
  await ctx.actor.click('link', ctx.t(linkKey));
  await expectArrival(ctx.page, ctx.t(headingKey), `choosing "${ctx.t(linkKey)}"`);
}

export const home: Step = {
  id: 'home',
  title: 'Open the home page',
  async arrive(ctx) {
    await ctx.actor.goto('/');
    await expectArrival(ctx.page, ctx.t('home.title'), 'opening the home page');
  },
};

async function solveCaptchaIfShown(ctx: StepContext) {
  const label = ctx.t('account.captcha.label');
  const shown = (await ctx.page.getByText(label).count()) + (await ctx.page.getByLabel(label).count()) + (await ctx.page.getByPlaceholder(label).count());
  if (shown === 0) return;
  // A sighted user reads the characters; someone who cannot see the image has no way through.
  if (ctx.persona.actor === 'screen-reader') throw new BlockedError('an image CAPTCHA must be solved and it has no text or audio alternative', 'by role and accessible name', { wcag: ['1.1.1'], other: ['blocked: CAPTCHA without a non-visual alternative'] }, 'captcha');
  const answer = await ctx.hooks.captchaAnswer?.(ctx.page);
  if (!answer) throw new BlockedError('an image CAPTCHA must be solved and its answer could not be read', 'by sight', UNATTRIBUTED_BLOCK, 'captcha');
  await ctx.actor.fill(label, answer);
}

/** Enter an email address on the create-account page and send it. */
export async function submitEmail(ctx: StepContext, email: string) {
  await ctx.actor.fill(ctx.t('account.email.label'), email);
  await solveCaptchaIfShown(ctx);
  await ctx.actor.click('button', ctx.t('account.email.submit'));
}

export const accountEmail: Step = {
  id: 'account-email',
  title: 'Create an account with an email address',
  async arrive(ctx) {
    await followLink(ctx, 'home.create', 'account.new.title');
  },
  async act(ctx) {
    await submitEmail(ctx, ctx.data.email);
    await expectArrival(ctx.page, ctx.t('account.verify.title'), 'sending the email address');
  },
};

export async function enterCode(ctx: StepContext, email: string) {
  const code = await ctx.hooks.latestCode?.(email);
  if (!code) {
    ctx.observe({ ruleId: 'mail-not-delivered', message: `No one-time code reached ${email}: the person cannot continue.`, other: ['UASG 004', 'RFC 6531'], impact: 'critical' });
    throw new BlockedError(`no code arrived at ${email}`, 'reading their email', { wcag: [], other: ['blocked: the one-time code never arrived'] });
  }
  await ctx.actor.fill(ctx.t('account.verify.label'), code);
  await ctx.actor.click('button', ctx.t('account.verify.submit'));
}

export const accountVerify: Step = {
  id: 'account-verify',
  title: 'Enter the code sent by email',
  async act(ctx) {
    await enterCode(ctx, ctx.data.email);
    await expectArrival(ctx.page, ctx.t('registration.title'), 'entering the code');
  },
};

/** Fill the registration form with the persona's data; `phone` lets a flow enter a mistake first. */
export async function fillRegistration(ctx: StepContext, overrides: { phone?: string } = {}) {
  const { actor, data, t } = ctx;
  const name = { within: t('registration.nameLegend') };
  await actor.fill(t('registration.givenNames'), data.givenNames, name);
  if (data.familyNames) await actor.fill(t('registration.familyNames'), data.familyNames, name);
  const dob = { within: t('registration.dob.legend') };
  await actor.fill(t('date.day'), String(data.dateOfBirth.day), dob);
  await actor.fill(t('date.month'), String(data.dateOfBirth.month), dob);
  await actor.fill(t('date.year'), String(data.dateOfBirth.year), dob);
  await actor.select(t('registration.nationality'), { label: countryLabel(ctx, data.nationality) });
  await actor.select(t('registration.countryOfBirth'), { label: countryLabel(ctx, data.countryOfBirth) });
  await actor.fill(t('registration.phone'), overrides.phone ?? data.phone);
  const langs = { within: t('registration.languages') };
  for (const lang of data.languages) await actor.check(t(`languages.${lang}`), langs);
  if (data.usAddress) {
    await actor.fill(t('registration.us.street'), data.usAddress.street);
    await actor.fill(t('registration.us.city'), data.usAddress.city);
    await actor.fill(t('registration.us.state'), data.usAddress.state);
    await actor.fill(t('registration.us.zip'), data.usAddress.zip);
  }
}

export const registration: Step = {
  id: 'registration',
  form: true,
  title: 'Fill in the registration (with one mistake: a phone number too short)',
  async act(ctx) {
    await fillRegistration(ctx, { phone: '12' });
    await ctx.actor.click('button', ctx.t('registration.submit'));
    await ctx.page.waitForLoadState('load');
  },
};

/** The page after the mistake: how errors are shown and announced; then the person corrects it. */
export const registrationErrors: Step = {
  id: 'registration-errors',
  form: true,
  partOf: 'registration',
  title: 'Read the error, correct the phone number and continue',
  async act(ctx) {
    await ctx.actor.fill(ctx.t('registration.phone'), ctx.data.phone);
    await ctx.actor.click('button', ctx.t('registration.submit'));
    try {
      await expectArrival(ctx.page, ctx.t('selfie.title'), 'correcting the mistake and saving the registration');
    } catch (error) {
      // A person with no US address stopped by fields that demand one: say which, as data.
      const demanded = error instanceof BlockedError && !ctx.data.usAddress ? await demandedUsAddress(ctx) : [];
      if (demanded.length === 0) throw error;
      throw new BlockedError(
        `the registration cannot be sent without a US address, which this person does not have: ${demanded.map((d) => `"${d}"`).join(', ')} ${demanded.length === 1 ? 'is' : 'are'} demanded (${(error as Error).message})`,
        'following the journey',
        { wcag: [], other: ['journey blocked: US address demanded without legal basis'] },
        'us-address',
      );
    }
  },
};

export const selfieNoCamera: Step = {
  id: 'selfie',
  title: 'Reach the photo step (this person has no camera)',
};

export const selfieAlternative: Step = {
  id: 'selfie-alternative',
  title: 'Choose to verify identity in person instead of a photo',
  async arrive(ctx) {
    await requireOffered(ctx, 'selfie.cannot', { what: 'the photo step offers no way through without a photo', key: 'selfie-alternative', other: ['journey blocked: no alternative to biometric capture', 'Section 508 §403.1 (biometrics, persuasive)'] });
    await followLink(ctx, 'selfie.cannot', 'selfie.alt.title');
  },
  async act(ctx) {
    await ctx.actor.click('button', ctx.t('selfie.alt.submit'));
    await expectArrival(ctx.page, ctx.t('dashboard.title'), 'choosing to verify in person');
  },
};

export const dashboard: Step = { id: 'dashboard', title: 'See the account page' };

export const registrationEdit: Step = {
  id: 'registration-edit',
  form: true,
  title: 'Correct a detail of the registration',
  async arrive(ctx) {
    await requireOffered(ctx, 'dashboard.edit', { what: 'the account page offers no way to correct the registration', key: 'registration-edit', other: ['journey blocked: registration cannot be corrected', '508 §602.3 (persuasive)'] });
    await followLink(ctx, 'dashboard.edit', 'registration.editTitle');
  },
  async act(ctx) {
    const corrected = ctx.data.phone.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await ctx.actor.fill(ctx.t('registration.phone'), corrected);
    await ctx.actor.click('button', ctx.t('registration.save'));
    await expectArrival(ctx.page, ctx.t('dashboard.title'), 'saving the correction');
  },
};

export const appointmentRequest: Step = {
  id: 'appointment-request',
  form: true,
  title: 'Ask for an appointment at a port of entry',
  async arrive(ctx) {
    await followLink(ctx, 'dashboard.request', 'appointments.request.title');
  },
  async act(ctx) {
    await ctx.actor.select(ctx.t('appointments.request.first'), { value: 'san-ysidro' });
    await ctx.actor.click('button', ctx.t('appointments.request.submit'));
    await expectArrival(ctx.page, ctx.t('appointments.status.title'), 'asking for an appointment');
  },
};

/** Mail the person should get, in their own language: the subject must be one of the catalogue's subjects. */
export async function checkMailLanguage(ctx: StepContext, address: string, subjectKeys: string[], what: string, cites: { wcag?: string[]; other: string[] }) {
  const mail = (await ctx.hooks.outbox?.(address)) ?? [];
  const expected = subjectKeys.map((k) => ctx.t(k).replace(/\{\{\s*\w+\s*\}\}/g, ''));
  const matching = mail.filter((m) => expected.some((e) => m.subject.includes(e.trim().slice(0, 12))));
  if (matching.length === 0) {
    ctx.observe({
      ruleId: 'mail-language',
      message: `The ${what} email to ${address} did not arrive in the person's language (${ctx.locale}): subjects received: ${mail.map((m) => `"${m.subject}"`).join(', ') || 'none'}; expected one of ${expected.map((e) => `"${e}"`).join(', ')}.`,
      wcag: cites.wcag,
      other: cites.other,
      selector: `mail:${what}`,
    });
  }
}

export const appointmentStatus: Step = {
  id: 'appointment-status',
  title: 'After the daily draw, read the result (page and email)',
  async arrive(ctx) {
    await ctx.hooks.runLottery?.();
    await ctx.page.reload();
    await expectArrival(ctx.page, ctx.t('appointments.status.title'), 'the daily draw');
  },
  async act(ctx) {
    await checkMailLanguage(ctx, ctx.data.email, ['email.result.wonSubject', 'email.result.lostSubject'], 'lottery result', { other: ['i18n: result email not in the user\'s language'] });
  },
};

export const help: Step = {
  id: 'help',
  title: 'Find help and write to support',
  async arrive(ctx) {
    await ctx.actor.goto('/');
    await followLink(ctx, 'nav.help', 'help.title');
  },
  async act(ctx) {
    await ctx.actor.fill(ctx.t('help.contact.email'), ctx.data.email);
    await ctx.actor.fill(ctx.t('help.contact.message'), ctx.t('help.faq.code.q'));
    await ctx.actor.click('button', ctx.t('help.contact.submit'));
    await expectArrival(ctx.page, ctx.t('help.sent.title'), 'sending the message to support');
    await checkMailLanguage(ctx, ctx.data.email, ['email.help.subject'], 'support answer', { other: ['i18n: support only in English', '508 §603 support services (persuasive)'] });
  },
};
