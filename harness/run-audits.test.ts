import { describe, expect, it } from 'vitest';
import { runAudits } from './run-audits.ts';
import { AUDITS } from '../audits/index.ts';
import { recordedArtifacts } from '../audits/recorded/load.ts';
import type { Audit, Finding } from './types.ts';

const failed = (fs: Finding[]) => fs.filter((f) => f.outcome === 'failed' && f.category === 'barrier');
const byRule = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId);

describe('runAudits on the recorded violations page', () => {
  const { findings, verdicts } = runAudits(AUDITS, [recordedArtifacts('violations')]);

  it.each([
    ['image-alt', '1.1.1', ['axe', 'lighthouse', 'htmlcs']],
    ['label', '4.1.2', ['axe', 'lighthouse', 'htmlcs']],
    ['color-contrast', '1.4.3', ['axe', 'lighthouse', 'htmlcs']],
    ['html-has-lang', '3.1.1', ['axe', 'lighthouse', 'htmlcs']],
    ['button-name', '4.1.2', ['axe', 'lighthouse', 'htmlcs']],
  ])('%s is ONE finding citing %s, seen by %j', (rule, sc, engines) => {
    const list = byRule(failed(findings), rule);
    expect(list).toHaveLength(1);
    expect(list[0].engines).toEqual(engines);
    expect(list[0].requirements.wcag).toContain(sc);
  });

  it('maps image-alt to Section 508 (through WCAG 2.0), Trusted Tester 7.A and EN 301 549 9.1.1.1', () => {
    const [f] = byRule(findings, 'image-alt');
    expect(f.requirements.section508.join(' ')).toMatch(/E205\.4/);
    expect(f.requirements.trustedTester).toContain('7.A');
    expect(f.requirements.en301549).toContain('9.1.1.1');
  });

  it('reports the duplicate id through HTML_CodeSniffer under 4.1.1 (obsolete in 2.2, still in 508)', () => {
    const [f] = byRule(failed(findings), 'duplicate-id');
    expect(f.engines).toEqual(['htmlcs']);
    expect(f.requirements.wcag).toEqual(['4.1.1']);
    expect(f.requirements.section508.join(' ')).toMatch(/E205\.4/);
  });

  it('finds the keyboard trap (2.1.2) and does not also report the content behind it as unreachable', () => {
    const [trap] = byRule(failed(findings), 'keyboard-trap');
    expect(trap.requirements.wcag).toEqual(['2.1.2']);
    expect(trap.engines).toEqual(['portico']);
    expect(byRule(findings, 'tab-unreachable')).toHaveLength(0);
  });

  it('gives every finding a stable fingerprint and the checkpoint context', () => {
    const again = runAudits(AUDITS, [recordedArtifacts('violations')]).findings.map((f) => f.fingerprint).sort();
    expect(findings.map((f) => f.fingerprint).sort()).toEqual(again);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
    for (const f of findings) expect(f.context.checkpoint).toBe('page');
  });

  it('never uses the pre-2017 section508.22 rules', () => {
    for (const f of findings) for (const r of f.requirements.section508) expect(r).not.toMatch(/1194|22\.[a-z]/);
  });

  it('records a verdict for every audit', () => {
    expect(verdicts.map((v) => v.auditId).sort()).toEqual(AUDITS.map((a) => a.meta.id).sort());
    expect(verdicts.find((v) => v.auditId === 'axe')?.outcome).toBe('failed');
  });
});

describe('runAudits on the recorded clean twin', () => {
  it('finds no barriers and passes every audit', () => {
    const { findings, verdicts } = runAudits(AUDITS, [recordedArtifacts('clean')]);
    expect(failed(findings)).toEqual([]);
    for (const v of verdicts) expect(['passed', 'inapplicable', 'untested']).toContain(v.outcome);
    for (const id of ['axe', 'htmlcs', 'lighthouse-accessibility', 'keyboard-trap', 'focus-visible']) {
      expect(verdicts.find((v) => v.auditId === id)?.outcome, id).toBe('passed');
    }
  });
});

describe('runAudits when something could not run', () => {
  it('makes an audit whose artifact errored `error`, never passed', () => {
    const a = recordedArtifacts('clean');
    a.gathered.htmlcs = { error: 'pa11y timed out' };
    const { verdicts } = runAudits(AUDITS, [a]);
    const v = verdicts.find((x) => x.auditId === 'htmlcs')!;
    expect(v.outcome).toBe('error');
    expect(v.notes?.join()).toMatch(/pa11y timed out/);
  });
  it('marks audits whose gatherer was not chosen `untested`', () => {
    const a = recordedArtifacts('clean');
    delete a.gathered.lighthouse;
    expect(runAudits(AUDITS, [a]).verdicts.find((x) => x.auditId === 'lighthouse-accessibility')?.outcome).toBe('untested');
  });
  it('turns an audit that throws into `error` for that checkpoint', () => {
    const boom: Audit = { meta: { ...AUDITS[0].meta, id: 'boom' }, audit: () => { throw new Error('bad data'); } };
    const { verdicts } = runAudits([boom], [recordedArtifacts('clean')]);
    expect(verdicts[0]).toMatchObject({ auditId: 'boom', outcome: 'error' });
  });
});

describe('which audits judge a checkpoint', () => {
  it('a selector chooses them per checkpoint when the audits run (a replay picks up a new audit)', () => {
    const only = AUDITS.filter((a) => a.meta.id === 'axe');
    const { verdicts } = runAudits(() => only, [recordedArtifacts('violations')]);
    expect(verdicts.map((v) => v.auditId)).toEqual(['axe']);
  });
  it('where no checkpoint was taken, only the audits that read what was recorded apply (no `untested` noise)', () => {
    const a = recordedArtifacts('clean');
    a.gathered = { journey: { stepId: 'x', stepTitle: 'x', personaTitle: 'p', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], records: {}, actions: [] } };
    a.journeyOnly = true;
    const ids = runAudits(AUDITS, [a]).verdicts.map((v) => v.auditId);
    expect(ids).toContain('journey-blocked');
    expect(ids).not.toContain('axe');
    delete a.journeyOnly;
    expect(runAudits(AUDITS, [a]).verdicts.find((v) => v.auditId === 'axe')?.outcome).toBe('untested');
  });
});
