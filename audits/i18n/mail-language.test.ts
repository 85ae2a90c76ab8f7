import { describe, expect, it } from 'vitest';
import { mailLanguageAudit, MAIL_LANGUAGE_CITE } from './mail-language.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { journeySchema } from '../../harness/artifacts/schemas.ts';

// Mail texts written for these tests (a generic notification service), not any target's catalogue.
const ENGLISH = 'Thank you for your application. Your reference number is ABC-123. We will review it and contact you within five working days by email.';
const KREYOL = 'Mèsi paske ou voye aplikasyon ou an. Nimewo dosye ou se ABC-123. N ap egzamine li epi n ap kontakte ou nan senk jou travay pa imèl.';
const SPANISH = 'Gracias por su solicitud. Su número de referencia es ABC-123. La revisaremos y nos pondremos en contacto con usted en cinco días hábiles por correo.';

const journey = (mail: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  stepId: 'confirmation', stepTitle: 'Read the confirmation', personaTitle: 'Haitian Creole speaker', actorKind: 'pointer',
  blockedCites: { wcag: [] }, observations: [], actions: [], records: mail ? { mail } : {}, requestedLanguage: 'ht', ...extra,
});
const mail = (subject: string, text: string, contentLanguage?: string, requestedLanguage = 'ht') => ({ to: 'wideline@example.ht', subject, text, html: '', contentLanguage, receivedAt: '2026-12-03T00:00:00Z', requestedLanguage });
const run = (j: ReturnType<typeof journey>) => {
  expect(journeySchema.safeParse(j).success).toBe(true);
  return mailLanguageAudit.audit(artifactsWith('journey', j), auditCtx);
};

describe('mail-language', () => {
  it('an English mail to a person who used the site in Kreyòl is failed, quoting the mail, with the header it had', () => {
    const r = run(journey(mail('Application received: ABC-123', ENGLISH, 'en')));
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'mail-not-in-language', outcome: 'failed', key: 'en', other: [MAIL_LANGUAGE_CITE] });
    expect(r.findings[0]!.message).toContain('English');
    expect(r.findings[0]!.message).toContain('Content-Language: en');
    expect(r.findings[0]!.message).toContain('Thank you for your application');
  });
  it('the same mail in Kreyòl passes, with or without a header; a wrong header alone is not a barrier', () => {
    expect(run(journey(mail('Nou resevwa aplikasyon ou: ABC-123', KREYOL, 'ht'))).outcome).toBe('passed');
    expect(run(journey(mail('Nou resevwa aplikasyon ou: ABC-123', KREYOL))).outcome).toBe('passed');
    expect(run(journey(mail('Nou resevwa aplikasyon ou: ABC-123', KREYOL, 'en'))).outcome).toBe('passed');
  });
  it('the asked language is the step\'s: Spanish asked and sent passes, English sent fails', () => {
    expect(run(journey(mail('Solicitud recibida', SPANISH, 'es', 'es'), { requestedLanguage: 'es' })).outcome).toBe('passed');
    expect(run(journey(mail('Application received', ENGLISH, undefined, 'es'), { requestedLanguage: 'es' })).outcome).toBe('failed');
  });
  it('a mail too short to tell is never failed: cantTell with a finding only when its header names another language', () => {
    const unclear = run(journey(mail('Code', 'Your code: 123456', 'en')));
    expect(unclear.outcome).toBe('cantTell');
    expect(unclear.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['mail-language-unclear', 'cantTell']]);
    const silent = run(journey(mail('Kòd', 'Kòd ou: 123456', 'ht')));
    expect(silent).toMatchObject({ outcome: 'cantTell', findings: [] });
  });
  it('no mail at the step, or a target that does not offer the language: inapplicable', () => {
    expect(run(journey(undefined)).outcome).toBe('inapplicable');
    expect(run(journey(mail('Application received', ENGLISH, 'en'), { personaLanguageOffered: false })).outcome).toBe('inapplicable');
  });
});
