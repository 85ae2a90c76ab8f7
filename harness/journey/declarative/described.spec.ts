import { test, expect } from '../../../composition/playwright/fixtures.ts';
import { auditsForArtifacts, planFor } from '../../../composition/registry.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walkFlow } from '../walk.ts';
import type { Persona, RunningTarget, Target } from '../types.ts';
import type { JourneyArtifact } from '../journey-artifact.ts';
import { parseDeclarativeTarget, declarativeToTarget } from './index.ts';
import type { EmailAcceptanceFacts } from './universal-email.ts';
import { universalEmail } from '../../../personas/universal-email.ts';
import { haitianCreole } from '../../../personas/haitian-creole.ts';
import { runAudits } from '../../run-audits.ts';
import { AUDITS } from '../../../audits/index.ts';

/**
 * A tiny app of our own (examples/mini-app.mjs: email form → code by mail → done, English/Español
 * by a link), described in YAML (examples/mini.target.yaml), started by `serve`, its mail caught
 * by Portico's SMTP sink, walked by personas. No engines: what is tested is the described runtime.
 */
const yamlFile = fileURLToPath(new URL('./examples/mini.target.yaml', import.meta.url));
const described = parseDeclarativeTarget(readFileSync(yamlFile, 'utf8'), yamlFile);
// No engines: only the persona's probes (what is tested is the described runtime).
const noEngines = (p: Persona): Persona => p;

test.describe.configure({ mode: 'serial' });
let target: Target;
let running: RunningTarget;
test.beforeAll(async () => {
  target = declarativeToTarget(described);
  running = await target.start({ profile: 'conformant', defects: ['reject-cc'] });
});
test.afterAll(async () => { await running?.close(); });

async function walk(sharedChromium: { browser: import('playwright').Browser; cdpPort: number; version: string }, persona: Persona, flowId: string, t = target, r = running) {
  const outDir = mkdtempSync(join(tmpdir(), 'portico-described-'));
  const context = await sharedChromium.browser.newContext({ baseURL: r.baseURL, locale: persona.use.locale });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target: t, running: r, persona, plan: { engines: [], probes: planFor(persona).probes }, outDir }, t.flows.find((f) => f.id === flowId)!, persona.language);
    return { result, journeys: result.artifacts.map((a) => a.gathered.journey as JourneyArtifact), lang: await page.evaluate(() => document.documentElement.lang) };
  } finally {
    await context.close();
  }
}

test('a Spanish-speaking persona chooses Español by the control, gets the code by mail through the sink, and finishes', async ({ sharedChromium }) => {
  // (Its own .com.ve address would meet the reject-cc defect this app runs with: a plain address here.)
  const ana = { ...noEngines(universalEmail), data: { ...universalEmail.data, email: 'ana.{run}@example.test' } };
  const { result, journeys, lang } = await walk(sharedChromium, ana, 'apply');
  expect(result.incompleteAt, journeys.at(-1)?.incomplete).toBeUndefined();
  expect(result.blockedAt, journeys.at(-1)?.blocked?.cause).toBeUndefined();
  expect(lang).toBe('es');
  expect(journeys.map((j) => j.requestedLanguage)).toEqual(['es', 'es', 'es']);
  expect(journeys[0].actions.join(' ')).toMatch(/Español/);
  const mail = journeys[1].records.mail as { to: string; text: string; contentLanguage: string };
  expect(mail.text).toMatch(/Su código es \d{6}/);
  expect(mail.contentLanguage).toBe('es');
});

test('a persona whose language is not offered gets ONE observation saying so, walks in English, and its language checks are not applied', async ({ sharedChromium }) => {
  const { result, journeys } = await walk(sharedChromium, noEngines(haitianCreole), 'apply');
  expect(result.incompleteAt, journeys.at(-1)?.incomplete).toBeUndefined();
  const said = journeys.flatMap((j) => j.observations).filter((o) => o.ruleId === 'language-not-offered');
  expect(said).toHaveLength(1);
  expect(said[0].message).toMatch(/does not offer Haitian.*\(ht\).*in English \(en\)/);
  expect(journeys.every((j) => j.requestedLanguage === 'en' && j.personaLanguageOffered === false)).toBe(true);
  for (const a of result.artifacts) expect(auditsForArtifacts(a).map((x) => x.meta.id)).not.toContain('page-language');
});

test('universal email: every UA category tried at the described email step; the defective category rejected with the page\'s words, the rest delivered; negative controls rejected without a finding', async ({ sharedChromium }) => {
  const { result, journeys } = await walk(sharedChromium, noEngines(universalEmail), 'email-acceptance');
  expect(result.incompleteAt, journeys.at(-1)?.incomplete).toBeUndefined();
  const facts = journeys.map((j) => j.records.emailAcceptance as EmailAcceptanceFacts);
  const by = Object.fromEntries(facts.map((f) => [f.category, f.attempts.map((a) => a.outcome)]));
  expect(by['country-code-sld']).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
  expect(by['negative-control']).toEqual(['rejected', 'rejected', 'rejected']);
  for (const c of ['ascii-new-gtld', 'long-tld', 'a-label', 'idn']) expect(by[c].every((o) => o === 'delivered'), `${c}: ${by[c]}`).toBe(true);
  const cc = facts.find((f) => f.category === 'country-code-sld')!.attempts[0];
  expect(cc.says).toMatch(/Escriba un correo electrónico válido/);
  expect(cc.pageLanguage).toBe('es');
  const { findings } = runAudits(AUDITS.filter((a) => a.meta.id === 'universal-acceptance'), result.artifacts.map((a) => ({ ...a, audits: ['universal-acceptance'] })));
  const failed = findings.filter((f) => f.outcome === 'failed');
  expect(failed.map((f) => `${f.ruleId}[${f.key}]`)).toEqual(expect.arrayContaining(['email-rejected[country-code-sld]']));
  expect(failed.some((f) => f.key === 'negative-control')).toBe(false);
  console.log(JSON.stringify(by));
});

test('without a mail reader (mail: none) a waitForMail step is incomplete, "mail not observable", never a barrier', async ({ sharedChromium }) => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-nomail-'));
  const file = join(dir, 'nomail.target.yaml');
  writeFileSync(file, readFileSync(yamlFile, 'utf8').replace('mail: { sink: smtp }', 'mail: none').replace(', SMTP_PORT: "{mail.smtpPort}"', ', SMTP_PORT: "1"'));
  const t = declarativeToTarget(parseDeclarativeTarget(readFileSync(file, 'utf8'), file));
  const r = await t.start({ profile: 'conformant', defects: [] });
  try {
    const { result, journeys } = await walk(sharedChromium, noEngines(universalEmail), 'apply', t, r);
    expect(result.incompleteAt).toBe('code');
    expect(result.blockedAt).toBeUndefined();
    expect(journeys.at(-1)!.incomplete).toMatch(/mail not observable/);
  } finally {
    await r.close();
  }
});

test('capture: the photo control is pressed and what the page answered is recorded as a fact; without a camera the step is incomplete, never a barrier', async ({ sharedChromium }) => {
  const { result, journeys } = await walk(sharedChromium, noEngines(universalEmail), 'photo');
  const fact = journeys[0].records.capture as { outcome: string; message: string; alternativeOffered: boolean; cameraPresent: boolean };
  expect(fact.alternativeOffered).toBe(true);
  expect(result.blockedAt).toBeUndefined();
  if (fact.cameraPresent) {
    expect(result.incompleteAt, journeys[0].incomplete).toBeUndefined();
    expect(fact).toMatchObject({ outcome: 'accepted', message: 'Photo accepted' });
  } else {
    expect(result.incompleteAt).toBe('photo');
    expect(journeys[0].incomplete).toMatch(/no camera.*the page answered rejected: "Try again: NotFoundError"/);
  }
  console.log(JSON.stringify(fact));
});
