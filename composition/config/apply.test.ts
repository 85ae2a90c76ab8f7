import { describe, expect, it } from 'vitest';
import { auditOptions, runOptions } from './apply.ts';

const none = () => false;
const only = (...keys: string[]) => (k: string) => keys.includes(k);

describe('flags override the config file', () => {
  it('audit: engines, out, timeout and baseline from the file unless given as flags; paths relative to the file', () => {
    const config = { engines: { lighthouse: true }, out: 'reports/a11y', timeout: 45, baseline: 'portico-baseline.json', failOn: 'serious' as const };
    const o = auditOptions({ engines: 'axe,htmlcs,keyboard', out: 'portico-out/audit', timeout: '30' }, config, none, '/repo/ci/portico.config.yaml');
    expect(o).toMatchObject({ engines: 'axe,htmlcs,keyboard,lighthouse', out: '/repo/ci/reports/a11y', timeout: '45', baseline: '/repo/ci/portico-baseline.json', gate: { failOn: 'serious' } });
    const flagged = auditOptions({ engines: 'axe', out: 'x', timeout: '5' }, config, only('engines', 'out', 'timeout'), '/repo/portico.config.yaml');
    expect(flagged).toMatchObject({ engines: 'axe', out: 'x', timeout: '5' });
  });

  it('run: a named target from `targets`, personas and workers from the file, flags first', () => {
    const config = { targets: { shop: 'targets/shop.target.yaml' }, target: 'shop', personas: ['keyboard' as const], workers: 1 };
    const o = runOptions({ target: 'reference', workers: '2' }, config, none, '/repo/portico.config.yaml');
    expect(o).toMatchObject({ target: '/repo/targets/shop.target.yaml', persona: 'keyboard', workers: '1' });
    const flagged = runOptions({ target: 'reference', workers: '2', persona: 'screen-reader' }, config, only('target', 'persona'), '/repo/portico.config.yaml');
    expect(flagged).toMatchObject({ target: 'reference', persona: 'screen-reader', workers: '1' });
    expect(runOptions({ target: 'shop' }, config, only('target'), '/repo/portico.config.yaml').target).toBe('/repo/targets/shop.target.yaml');
  });
});

describe('engine settings and outputs from the config', () => {
  it('engines.axe / engines.htmlcs become the gatherers\' settings; reporters choose the outputs', () => {
    const config = { engines: { axe: { disableRules: ['image-alt'] }, htmlcs: { standard: 'WCAG2A' as const } }, reporters: ['sarif' as const, 'junit' as const, 'dot' as const] };
    expect(auditOptions({}, config, none)).toMatchObject({ engineSettings: { axe: { disableRules: ['image-alt'] }, htmlcs: { standard: 'WCAG2A' } }, formats: ['sarif', 'junit'] });
    expect(runOptions({}, config, none)).toMatchObject({ quiet: true, formats: ['sarif', 'junit'] });
    expect(runOptions({ quiet: false }, config, only('quiet')).quiet).toBe(false);
  });
  it('no reporters key: every output; no engine keys: default settings', () => {
    const o = auditOptions({}, {}, none);
    expect(o.formats).toBeUndefined();
    expect(o.engineSettings).toBeUndefined();
  });
});

describe('--reporter', () => {
  it('repeatable and comma-separated; replaces the config\'s reporters; json prints JSON; dot alone is quiet', () => {
    const o = auditOptions({ reporter: ['sarif,junit', 'json'] }, { reporters: ['html'] }, none);
    expect(o).toMatchObject({ formats: ['sarif', 'junit'], format: 'json' });
    expect(runOptions({ reporter: ['dot', 'html'] }, {}, none)).toMatchObject({ quiet: true, formats: ['html'] });
  });
  it('an unknown reporter is a usage error that lists the valid ones', () => {
    expect(() => auditOptions({ reporter: ['sarif,xml'] }, {}, none)).toThrow(/--reporter: unknown reporter\(s\) xml; choose from list, dot, json/);
  });
});
