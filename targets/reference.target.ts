import type { Flow, RunningTarget, Target } from '../harness/journey/types.ts';
import { startReferenceApp } from './reference/server.ts';
import { LOCALES, loadCatalogue } from './reference/i18n/i18n.ts';
import { flattenCatalogue } from './catalogues.ts';
import { CATALOGUE, type ProfileId } from './reference/defects.ts';
import {
  home, accountEmail, accountVerify, registration, registrationErrors, selfieNoCamera, selfieAlternative,
  dashboard, registrationEdit, appointmentRequest, appointmentStatus, help,
} from './reference-journeys/steps.ts';
import { emailAcceptanceFlow } from './reference-journeys/email-acceptance.ts';
import { sessionTimeoutFlow } from './reference-journeys/session-timeout.ts';
import { flakyNetworkFlow } from './reference-journeys/flaky-network.ts';
import { duplicateAccountsFlow } from './reference-journeys/duplicate-accounts.ts';
import { selfieCaptureFlow } from './reference-journeys/selfie-capture.ts';

/** The whole registration journey, walked by most personas. */
const registerFlow: Flow = {
  id: 'register',
  title: 'Create an account, register, verify identity, correct a detail, ask for an appointment, read the result',
  personas: ['screen-reader', 'keyboard', 'low-vision', 'no-us-address', 'haitian-creole', 'rtl-reader', 'spanish-speaker', 'portuguese-speaker'],
  steps: [home, accountEmail, accountVerify, registration, registrationErrors, selfieNoCamera, selfieAlternative, dashboard, registrationEdit, appointmentRequest, appointmentStatus],
};

const helpFlow: Flow = {
  id: 'help',
  title: 'Find help and write to support in my language',
  personas: ['screen-reader', 'keyboard', 'low-vision', 'haitian-creole', 'rtl-reader', 'spanish-speaker', 'portuguese-speaker'],
  steps: [help],
};

async function json(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok && res.status !== 404) throw new Error(`${init?.method ?? 'GET'} ${new URL(url).pathname} → HTTP ${res.status}`);
  return res.status === 404 ? null : res.json();
}

const post = (base: string, path: string, body: Record<string, string>) =>
  json(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * The reference target: the CBP One–like registration and daily-lottery app in targets/reference,
 * started in test mode (its /__test endpoints read mail, move the clock and inject faults).
 */
export const referenceTarget: Target = {
  id: 'reference',
  title: 'Reference target: border appointment registration and daily lottery (modelled on CBP One)',
  locales: [...LOCALES],
  flows: [registerFlow, helpFlow, emailAcceptanceFlow, sessionTimeoutFlow, flakyNetworkFlow, duplicateAccountsFlow, selfieCaptureFlow],
  catalogues: () => Object.fromEntries(LOCALES.map((l) => [l, flattenCatalogue(loadCatalogue(l))])),
  defects: CATALOGUE,
  startsItsOwnApp: true,
  async serve({ profile, defects, port, testMode }) {
    const app = await startReferenceApp({ profile: profile as ProfileId, defects, port, testMode });
    return { url: app.url, note: `mail server on 127.0.0.1:${app.smtpPort}`, close: () => app.close() };
  },
  async start({ profile, defects }): Promise<RunningTarget> {
    const app = await startReferenceApp({ profile: (profile ?? 'conformant') as 'conformant', defects, port: 0, testMode: true });
    const base = app.url.replace(/\/$/, '');
    return {
      baseURL: base,
      close: () => app.close(),
      hooks: {
        outbox: async (address) => ((await json(`${base}/__test/outbox?to=${encodeURIComponent(address)}`)) ?? []) as Array<{ to: string; subject: string; text: string }>,
        latestCode: async (address) => ((await json(`${base}/__test/code?email=${encodeURIComponent(address)}`)) as { code?: string } | null)?.code ?? null,
        advanceClock: async (seconds) => { await post(base, '/__test/clock', { advanceSeconds: String(seconds) }); },
        failNextPost: async (path) => { await post(base, '/__test/fail-next', { path }); },
        runLottery: async (day) => post(base, '/__test/lottery/run', day ? { day } : {}),
        captchaAnswer: async (page) => {
          const sid = (await page.context().cookies(base)).find((c) => c.name === 'sid')?.value;
          return sid ? (((await json(`${base}/__test/captcha?sid=${encodeURIComponent(sid)}`)) as { captcha?: string } | null)?.captcha ?? null) : null;
        },
      },
    };
  },
};
