import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { renderSarif } from './sarif.ts';
import { renderJunit } from './junit.ts';
import { renderEarl } from './earl.ts';
import { renderOpenAcr, OPENACR_CATALOG } from './openacr.ts';
import type { RenderInput } from './render-input.ts';
import { corpora } from './test-data/corpora.ts';
import { hostileBundle } from './test-data/hostile-bundle.ts';
import { buildBundle } from '../bundle.ts';
import { runAudits } from '../run-audits.ts';
import { AUDITS } from '../../audits/index.ts';
import { recordedArtifacts } from '../../audits/recorded/load.ts';

// CommonJS packages: their default export is the class (or plugin) itself.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv').default;
const Ajv = require('ajv').default as typeof import('ajv').default;
const addFormats = require('ajv-formats').default as (ajv: InstanceType<typeof Ajv>) => void;

const audits = AUDITS.map((a) => a.meta);
const recorded = (): RenderInput => {
  const { findings, verdicts } = runAudits(AUDITS, [recordedArtifacts('violations'), recordedArtifacts('clean')]);
  const bundle = buildBundle({ startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', findings, verdicts, incomplete: [], versions: { chromium: '1' }, meta: { command: 'audit' } });
  return { bundle, audits, title: 'recorded', signing: { signed: false } };
};
const hostile = (): RenderInput => ({ bundle: hostileBundle(), audits, title: 'hostile <b>', signing: { signed: true, keyFingerprint: 'ab'.repeat(32) } });
const inputs = { recorded, hostile };

const json = (path: string) => JSON.parse(readFileSync(corpora(path), 'utf8'));

describe('SARIF 2.1.0', () => {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(json('sarif/sarif-schema-2.1.0.json'));

  for (const [name, make] of Object.entries(inputs)) {
    it(`${name}: valid against the OASIS schema, every result located and fingerprinted`, () => {
      const sarif = renderSarif(make()) as any;
      const ok = validate(sarif);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      const run = sarif.runs[0];
      expect(run.results.length).toBeGreaterThan(0);
      for (const r of run.results) {
        expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/\S/);
        expect(r.partialFingerprints['portico/finding/v1']).toMatch(/^[0-9a-f]{20}$|^\d{20}$/);
        expect(r.properties.url).toBeTypeOf('string');
        expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        for (const t of r.taxa) expect(run.taxonomies[0].taxa[t.index].id).toBe(t.id);
      }
    });
  }

  it('the schema check can fail: a result without a message, an unknown level', () => {
    const sarif = renderSarif(recorded()) as any;
    delete sarif.runs[0].results[0].message;
    sarif.runs[0].results[1].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });

  it('rules come from the audits: every declared audit is a rule, engine rules keep their criteria', () => {
    const run = (renderSarif(recorded()) as any).runs[0];
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    expect(ids).toContain('keyboard-trap');
    expect(ids).toContain('image-alt');
    const imageAlt = run.tool.driver.rules.find((r: any) => r.id === 'image-alt');
    expect(imageAlt.relationships.map((x: any) => x.target.id)).toContain('1.1.1');
    expect(run.taxonomies[0].taxa.map((t: any) => t.id)).toContain('1.1.1');
  });
});

describe('JUnit XML', () => {
  const xsd = readFileSync(new URL('./test-data/junit.xsd', import.meta.url), 'utf8');
  const validate = async (xml: string) => validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });

  for (const [name, make] of Object.entries(inputs)) {
    it(`${name}: valid against the JUnit schema (libxml2 XSD validation)`, async () => {
      const result = await validate(renderJunit(make()));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }

  it('the schema check can fail: a testcase without a name is rejected', async () => {
    const result = await validate('<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>');
    expect(result.valid).toBe(false);
  });

  it('one test case per persona × flow × step × criterion; barriers fail with the issue text; errors are errors', () => {
    const xml = renderJunit(hostile());
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(xml);
    const cases = doc.testsuites.testsuite.flatMap((s: any) => s.testcase.map((c: any) => ({ ...c, suite: s['@_name'] })));
    const names = cases.map((c: any) => `${c.suite} | ${c['@_name']}`);
    expect(new Set(names).size).toBe(names.length);
    const detailsKeyboard = cases.filter((c: any) => c.suite === 'keyboard › register' && c['@_name'].startsWith('details '));
    expect(detailsKeyboard.map((c: any) => c['@_name'].split(' · ')[1].split(' ')[0]).sort()).toEqual(['1.3.1', '2.1.1', '2.1.2', '2.4.7', '4.1.2']);
    const trap = detailsKeyboard.find((c: any) => c['@_name'].includes('2.1.2'));
    expect(trap.failure).toBeUndefined();
    const focus = detailsKeyboard.find((c: any) => c['@_name'].includes('2.4.7'));
    expect(focus.error['@_type']).toBe('incomplete');
    const blocked = detailsKeyboard.find((c: any) => c['@_name'].includes('2.1.1'));
    expect(blocked.failure['#text']).toContain('journey-blocked');
    expect(Number(doc.testsuites['@_failures'])).toBe(cases.filter((c: any) => c.failure).length);
  });
});

describe('EARL', () => {
  const act = json('act-rules/earl/axe-core.json');
  for (const [name, make] of Object.entries(inputs)) {
    it(`${name}: shaped like the ACT implementation reports (assertor, subject, test with criteria, outcome)`, () => {
      const earl = renderEarl(make()) as any;
      expect(Object.keys(earl).sort()).toEqual(Object.keys(act).sort());
      const assertions = earl['@graph'].filter((n: any) => n['@type'] === 'Assertion');
      expect(assertions.length).toBeGreaterThan(0);
      const actKeys = Object.keys(act['@graph'][0]).sort();
      for (const a of assertions) {
        for (const k of actKeys) expect(a, k).toHaveProperty(k);
        expect(a.result.outcome).toMatch(/^earl:(passed|failed|cantTell|inapplicable|untested)$/);
        expect(a.subject.source).toBeTypeOf('string');
        for (const p of a.test.isPartOf) expect(p).toMatch(/^WCAG2:[a-z0-9-]+$/);
      }
      expect(earl['@graph'].some((n: any) => n['@id'] === assertions[0].assertedBy)).toBe(true);
    });
  }
  it('a failed image-alt is part of 1.1.1 by the slug ACT reports use', () => {
    const a = (renderEarl(recorded()) as any)['@graph'].find((n: any) => n.test?.title === 'image-alt');
    expect(a.result.outcome).toBe('earl:failed');
    expect(a.test.isPartOf).toContain('WCAG2:non-text-content');
  });
});

describe('OpenACR', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(json('openacr/openacr-0.1.0.json'));
  const catalog = parseYaml(readFileSync(corpora('openacr', `${OPENACR_CATALOG}.yaml`), 'utf8'));
  const terms = new Set(catalog.terms.map((t: any) => t.id));

  for (const [name, make] of Object.entries(inputs)) {
    it(`${name}: valid against GSA's schema and consistent with the catalog ${OPENACR_CATALOG}`, () => {
      const acr = parseYaml(renderOpenAcr(make()));
      expect(validate(acr), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(acr.catalog).toBe(OPENACR_CATALOG);
      for (const chapter of catalog.chapters) {
        const mine = acr.chapters[chapter.id];
        expect(mine, chapter.id).toBeDefined();
        if (mine.disabled) continue;
        expect(mine.criteria.map((c: any) => c.num)).toEqual(chapter.criteria.map((c: any) => c.id));
        for (const c of mine.criteria) {
          const allowed = chapter.criteria.find((x: any) => x.id === c.num).components;
          for (const comp of c.components) {
            expect(allowed, `${c.num} ${comp.name}`).toContain(comp.name);
            expect(terms, `${c.num} ${comp.adherence.level}`).toContain(comp.adherence.level);
          }
        }
      }
    });
  }

  it('the schema check can fail: a level that is not a string, a report without an author', () => {
    const acr = parseYaml(renderOpenAcr(hostile()));
    acr.chapters.success_criteria_level_a.criteria[0].components[0].adherence.level = 3;
    expect(validate(acr)).toBe(false);
    delete acr.author;
    expect(validate(acr)).toBe(false);
  });

  it('never "supports" what no audit tested; failures and blocks lower the level, with the issues as remarks', () => {
    const acr = parseYaml(renderOpenAcr(hostile()));
    const level = (sc: string) => {
      for (const ch of Object.values<any>(acr.chapters)) {
        const c = ch.criteria?.find((x: any) => x.num === sc);
        if (c) return c.components[0].adherence;
      }
    };
    expect(level('2.1.2').level).toBe('supports'); // keyboard-trap passed
    expect(level('2.4.7').level).toBe('not-evaluated'); // focus-visible errored
    expect(level('3.3.8').level).toBe('not-evaluated'); // nothing tests it
    expect(level('2.1.1').level).toBe('does-not-support'); // blocked
    expect(level('1.4.3').level).toMatch(/supports$/);
    expect(level('1.4.3').level).not.toBe('supports');
    expect(level('1.1.1').notes).toContain('image-alt');
    const all = Object.values<any>(acr.chapters).flatMap((ch) => ch.criteria ?? []);
    const supported = all.filter((c) => c.components[0].adherence.level === 'supports').map((c) => c.num);
    expect(supported).toEqual(['2.1.2']);
  });
});
