import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { consistentHelpAudit, isHelp } from './consistent-help.ts';
import type { HelpMechanismsArtifact, PageItem } from '../../harness/gatherers/probes/help-mechanisms.ts';
import { helpMechanismsSchema } from '../../harness/artifacts/barrier-schemas.ts';
import { runAudits } from '../../harness/run-audits.ts';
import type { Artifacts } from '../../harness/types.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/help-mechanisms-${name}.json`, import.meta.url), 'utf8')) as HelpMechanismsArtifact;
const checkpoint = (name: string, flow = 'apply'): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: name, url: `http://x/${name}`, pagePath: `/${name}`, context: { target: 't', persona: 'low-vision', flow }, gatheredAt: '', versions: {}, gathered: { 'help-mechanisms': recorded(name) },
});
const link = (name: string): PageItem => ({ kind: 'link', name, ref: '/x', region: 'footer', domPath: 'a' });

describe('consistent-help (3.2.6, recorded from the probe, judged over a journey)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['govuk-1', 'govuk-2', 'govuk-3', 'moved-1', 'moved-2', 'single-1', 'single-2']) expect(helpMechanismsSchema.safeParse(recorded(n)).success, n).toBe(true);
  });
  it('runAudits judges a journey-level audit once per journey: the moved help is one finding, filed at the later page', () => {
    const { findings, verdicts } = runAudits([consistentHelpAudit], [checkpoint('moved-1'), checkpoint('moved-2'), checkpoint('govuk-1', 'other'), checkpoint('govuk-2', 'other')]);
    expect(findings.map((f) => [f.ruleId, f.context.checkpoint, f.context.flow])).toEqual([['help-moved', 'moved-2', 'apply']]);
    expect(findings[0].requirements.wcag).toEqual(['3.2.6']);
    expect(verdicts.map((v) => [v.checkpoint, v.outcome])).toEqual([['moved-2', 'failed'], ['govuk-2', 'passed']]);
  });
  it('two journeys are never compared with each other', () => {
    const { findings } = runAudits([consistentHelpAudit], [checkpoint('moved-1', 'a'), checkpoint('moved-2', 'b')]);
    expect(findings).toEqual([]);
  });
  it('help in the same footer place, or on one page only, files nothing', () => {
    expect(consistentHelpAudit.auditJourney!([checkpoint('govuk-1'), checkpoint('govuk-2'), checkpoint('govuk-3')]).outcome).toBe('passed');
    expect(consistentHelpAudit.auditJourney!([checkpoint('single-1'), checkpoint('single-2')]).outcome).toBe('inapplicable');
  });
  it('a checkpoint where the probe failed is left out, not judged', () => {
    const broken = { ...checkpoint('moved-2'), gathered: { 'help-mechanisms': { error: 'page closed' } } };
    const { findings, verdicts } = runAudits([consistentHelpAudit], [checkpoint('moved-1'), broken]);
    expect(findings).toEqual([]);
    expect(verdicts[0].outcome).toBe('inapplicable');
  });
  it('help words per language; contact details in any language', () => {
    for (const n of ['Contact us', 'Get help', 'Ayuda', 'Contáctenos', 'Jwenn èd', 'Kontakte nou', 'اتصل بنا', 'المساعدة', 'Fale conosco', 'Ajuda']) expect(isHelp(link(n)), n).toBe(true);
    for (const n of ['Cookies', 'Privacidad', 'Edad', 'Kontinye', 'الخصوصية', 'Privacidade', 'Helpful tips?']) expect(isHelp(link(n)), n).toBe(false);
    expect(isHelp({ kind: 'tel', name: '0300 123 4567', ref: '03001234567', region: 'footer', domPath: 'a' })).toBe(true);
  });
});

describe('journey-level audits in runAudits', () => {
  it('pages of two sites audited with no flow are not compared', () => {
    const at = (name: string, url: string): Artifacts => ({ ...checkpoint(name), url, context: {} });
    expect(runAudits([consistentHelpAudit], [at('moved-1', 'https://a.example/1'), at('moved-2', 'https://b.example/2')]).findings).toEqual([]);
    expect(runAudits([consistentHelpAudit], [at('moved-1', 'https://a.example/1'), at('moved-2', 'https://a.example/2')]).findings).toHaveLength(1);
  });
});

describe('what is help', () => {
  it('written contact details count outside the main content only (a date or the person\'s own email in main is not help)', () => {
    const text = (region: PageItem['region'], ref: string): PageItem => ({ kind: 'text', name: ref, ref, region, domPath: 'p' });
    expect(isHelp(text('footer', '03001234567'))).toBe(true);
    expect(isHelp(text('main', '2731990'))).toBe(false);
    expect(isHelp(text('main', 'person@example.org'))).toBe(false);
  });
});

describe('the same item from page to page', () => {
  it('links to the same path with different names are different items (a skip link and the service name both point at "/")', async () => {
    const { keyOf } = await import('./consistent-help.ts');
    const a: PageItem = { kind: 'link', name: 'Skip to main content', ref: '/', region: 'other', domPath: 'a' };
    expect(keyOf(a)).not.toBe(keyOf({ ...a, name: 'Apply for hardship support' }));
    expect(keyOf({ kind: 'tel', name: 'Call 0300', ref: '0300', region: 'footer', domPath: 'a' })).toBe(keyOf({ kind: 'text', name: 'Helpline 0300', ref: '0300', region: 'footer', domPath: 'p' }));
  });
});
