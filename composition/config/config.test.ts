import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfig, ConfigError } from './load.ts';
import { defineConfig } from './schema.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'portico-config-'));

describe('config', () => {
  it('reads portico.config.yaml from the working directory', async () => {
    const d = dir();
    writeFileSync(join(d, 'portico.config.yaml'), 'personas: [keyboard, screen-reader]\nfailOn: serious\nengines:\n  lighthouse: false\n  axe:\n    disableRules: [region]\nignore:\n  - rule: color-contrast\n    selector: .brand\n    reason: brand colours, ticket 9\n    expires: 2027-01-31\n');
    const { file, config } = await loadConfig(undefined, d);
    expect(file).toBe(join(d, 'portico.config.yaml'));
    expect(config).toMatchObject({ personas: ['keyboard', 'screen-reader'], failOn: 'serious', engines: { lighthouse: false, axe: { disableRules: ['region'] } } });
    expect(config.ignore?.[0]).toMatchObject({ rule: 'color-contrast', selector: '.brand' });
  });

  it('reads a TypeScript config written with defineConfig', async () => {
    const d = dir();
    writeFileSync(join(d, 'portico.config.ts'), `export default { workers: 1, thresholds: { criteria: { '1.4.3': 2 } } };\n`);
    const { config } = await loadConfig(undefined, d);
    expect(config).toEqual(defineConfig({ workers: 1, thresholds: { criteria: { '1.4.3': 2 } } }));
  });

  it('names the file, the key and what is wrong', () => {
    expect(() => validateConfig({ failOn: 'fatal' }, 'portico.config.yaml')).toThrow(/portico\.config\.yaml: failOn: /);
    expect(() => validateConfig({ personas: ['keybored'] }, 'c.yaml')).toThrow(/c\.yaml: personas\[0\]: /);
    expect(() => validateConfig({ ignore: [{ rule: 'x' }] }, 'c.yaml')).toThrow(/c\.yaml: ignore\[0\]\.reason: /);
    expect(() => validateConfig({ ignore: [{ reason: 'r' }] }, 'c.yaml')).toThrow(/ignore\[0\]: give a fingerprint, or a rule/);
    expect(() => validateConfig({ thresholds: { criteria: { '1.4': 1 } } }, 'c.yaml')).toThrow(/thresholds\.criteria/);
    expect(() => validateConfig({ engins: {} }, 'c.yaml')).toThrow(/c\.yaml: .*engins/);
    expect(() => validateConfig({ ignore: [{ fingerprint: 'a'.repeat(20), reason: 'r', expires: '31/01/2027' }] }, 'c.yaml')).toThrow(/ignore\[0\]\.expires: use a date/);
  });

  it('a config that does not parse is a ConfigError (exit 64), not a crash', async () => {
    const d = dir();
    writeFileSync(join(d, 'portico.config.yaml'), 'personas: [keyboard\n');
    await expect(loadConfig(undefined, d)).rejects.toThrow(ConfigError);
    await expect(loadConfig('missing.yaml', d)).rejects.toThrow(/--config missing\.yaml: no such file/);
  });
});
