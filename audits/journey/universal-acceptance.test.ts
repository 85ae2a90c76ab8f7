import { describe, expect, it } from 'vitest';
import { universalAcceptanceAudit } from './universal-acceptance.ts';
import type { Artifacts } from '../../harness/types.ts';
import type { EmailAcceptanceFacts } from '../../harness/journey/declarative/universal-email.ts';

const at = (facts?: EmailAcceptanceFacts): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'email', url: 'http://x/start', pagePath: '/start', context: { persona: 'universal-email', step: 'email' }, gatheredAt: '', versions: {},
  gathered: { journey: { stepId: 'email', stepTitle: 'Email', personaTitle: 'UA', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], records: facts ? { emailAcceptance: facts } : {}, actions: [] } },
});
const ctx = { checkpoint: 'email', url: '', pagePath: '/start', context: {} };
const a = (over: Partial<EmailAcceptanceFacts['attempts'][number]>) => ({ address: 'x@y.com.ve', kind: '.com.ve', category: 'country-code-sld', negative: false, outcome: 'delivered' as const, ...over });

describe('universal-acceptance', () => {
  it('files one finding per rejected category, quoting the page and its language, citing UASG 004 and RFC 6531', () => {
    const r = universalAcceptanceAudit.audit(at({ step: 'email', category: 'country-code-sld', mailObservable: true, attempts: [
      a({ address: 'u1@ejemplo-prueba.com.ve', outcome: 'rejected', says: 'the page says: "Correo no válido"', pageLanguage: 'es' }),
      a({ address: 'u1@ejemplo-prueba.com.br', outcome: 'rejected', says: 'the page says: "Correo no válido"', pageLanguage: 'es' }),
      a({ address: 'u1@ejemplo-prueba.com.co' }),
    ] }), ctx);
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'email-rejected', key: 'country-code-sld', other: ['UASG 004', 'RFC 6531'] });
    expect(r.findings[0].message).toMatch(/u1@ejemplo-prueba\.com\.ve.*"Correo no válido".*\(page in es\).*u1@ejemplo-prueba\.com\.br/);
    expect(r.findings[0].message).not.toMatch(/com\.co/);
  });
  it('files accepted-then-lost addresses with where the mail went', () => {
    const r = universalAcceptanceAudit.audit(at({ step: 'email', category: 'unicode-local-part', mailObservable: true, attempts: [a({ address: 'อีเมล@ยูเอ.ไทย', category: 'unicode-local-part', outcome: 'lost', wentTo: ['@ยูเอ.ไทย'] })] }), ctx);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['email-silently-lost']);
    expect(r.findings[0].message).toMatch(/mail went to @ยูเอ\.ไทย instead/);
  });
  it('never files a rejected negative control, and passes when every valid address was delivered', () => {
    const r = universalAcceptanceAudit.audit(at({ step: 'email', category: 'negative-control', mailObservable: true, attempts: [a({ address: 'two@@x', category: 'negative-control', negative: true, outcome: 'rejected', says: 'bad' })] }), ctx);
    expect(r.findings).toEqual([]);
    expect(universalAcceptanceAudit.audit(at({ step: 'email', category: 'idn', mailObservable: true, attempts: [a({ category: 'idn' })] }), ctx)).toEqual({ outcome: 'passed', findings: [] });
  });
  it('says "acceptance only" (cantTell, never passed) when mail is not observable', () => {
    const r = universalAcceptanceAudit.audit(at({ step: 'email', category: 'idn', mailObservable: false, attempts: [a({ category: 'idn', outcome: 'accepted' })] }), ctx);
    expect(r.outcome).toBe('cantTell');
    expect(r.findings[0]).toMatchObject({ ruleId: 'email-acceptance-only', outcome: 'cantTell' });
  });
  it('is inapplicable where no addresses were tried (the reference target keeps its own observations)', () => {
    expect(universalAcceptanceAudit.audit(at(), ctx).outcome).toBe('inapplicable');
  });
});
