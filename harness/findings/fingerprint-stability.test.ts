import { describe, expect, it } from 'vitest';
import { fingerprint, newRunToken, stablePart } from './fingerprint.ts';
import { runAudits } from '../run-audits.ts';
import { journeyObservationsAudit } from '../../audits/journey/journey-observations.ts';
import type { Artifacts } from '../types.ts';

const base = { ruleId: 'mail-not-delivered', pagePath: '/account/verify', checkpoint: 'account-verify', persona: 'universal-email', flow: 'register' };

describe('fingerprints never carry run tokens, ports, hosts or times', () => {
  it('masks the run token of a journey', () => {
    const a = newRunToken('universal-email', 'register');
    const b = newRunToken('universal-email', 'register');
    expect(a).not.toBe(b);
    const message = (t: string) => `(observation) No one-time code reached usuario.${t}@ejemplo-prueba.com.ve: the person cannot continue.`;
    expect(fingerprint({ ...base, element: message(a) })).toBe(fingerprint({ ...base, element: message(b) }));
    expect(stablePart(message(a))).not.toContain(a);
  });

  it('masks origins, hosts with ports, dates and times', () => {
    const at = (origin: string, when: string) => fingerprint({ ...base, element: `(observation) ${origin}/help answered at ${when}` });
    expect(at('http://127.0.0.1:41235', '2026-12-02T07:49:12.123Z')).toBe(at('http://localhost:8080', '2027-01-15T23:01:00Z'));
    expect(stablePart('served by 127.0.0.1:5173 on 2026-12-02 at 07:49:12')).toBe('served by (host) on (time) at (time)');
    expect(fingerprint({ ...base, element: 'x', pagePath: '/appointments?day=2026-12-02' })).toBe(fingerprint({ ...base, element: 'x', pagePath: '/appointments?day=2026-12-09' }));
  });

  it('keeps what identifies the barrier', () => {
    expect(fingerprint({ ...base, element: 'html>body:nth-of-type(1)>main:nth-of-type(1)>input:nth-of-type(2)' })).not.toBe(
      fingerprint({ ...base, element: 'html>body:nth-of-type(1)>main:nth-of-type(1)>input:nth-of-type(3)' }),
    );
    expect(stablePart('html>body:nth-of-type(1)>p:nth-of-type(12)')).toBe('html>body:nth-of-type(1)>p:nth-of-type(12)');
  });

  it('an observation without a selector gets the same fingerprint in two runs', () => {
    const artifacts = (token: string, port: number): Artifacts => ({
      schema: 'portico.artifacts/1',
      checkpoint: 'account-verify',
      url: `http://127.0.0.1:${port}/account/verify`,
      pagePath: '/account/verify',
      context: { target: 'reference', persona: 'universal-email', flow: 'register', step: 'account-verify' },
      gathered: { journey: { observations: [{ ruleId: 'mail-not-delivered', message: `No one-time code reached usuario.${token}@ejemplo-prueba.com.ve.`, other: ['UASG 004'] }] } },
    }) as unknown as Artifacts;
    const one = runAudits([journeyObservationsAudit], [artifacts(newRunToken('universal-email', 'register'), 40111)]);
    const two = runAudits([journeyObservationsAudit], [artifacts(newRunToken('universal-email', 'register'), 39002)]);
    expect(one.findings).toHaveLength(1);
    expect(one.findings.map((f) => f.fingerprint)).toEqual(two.findings.map((f) => f.fingerprint));
  });
});
