import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlcsCheckId, parseHtmlcsCode } from './htmlcs-codes.ts';
import { wcagCriterion } from './wcag.ts';

describe('parseHtmlcsCode', () => {
  it.each([
    [
      'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37',
      { standard: 'WCAG2AA', principle: 1, guideline: '1.1', sc: ['1.1.1'], techniques: ['H37'], message: 'H37' },
    ],
    ['WCAG2AA.Principle1.Guideline1_1.1_1_1.H30.2', { sc: ['1.1.1'], techniques: ['H30'], subCode: '2' }],
    ['WCAG2AA.Principle1.Guideline1_3.1_3_1.H44.NonExistentFragment', { sc: ['1.3.1'], techniques: ['H44'], subCode: 'NonExistentFragment' }],
    ['WCAG2AA.Principle1.Guideline1_3.1_3_1.F68', { sc: ['1.3.1'], techniques: ['F68'] }],
    ['WCAG2AA.Principle1.Guideline1_3.1_3_1_A.G141', { sc: ['1.3.1'], variant: 'A', techniques: ['G141'] }],
    ['WCAG2AAA.Principle1.Guideline1_3.1_3_1_AAA.G141', { standard: 'WCAG2AAA', sc: ['1.3.1'], variant: 'AAA', techniques: ['G141'] }],
    ['WCAG2AA.Principle1.Guideline1_3.1_3_1.H43,H63', { techniques: ['H43', 'H63'] }],
    ['WCAG2AA.Principle1.Guideline1_3.1_3_1.LayoutTable', { techniques: [], subCode: 'LayoutTable' }],
    ['WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail', { sc: ['1.4.3'], techniques: ['G18'], subCode: 'Fail' }],
    ['WCAG2AA.Principle1.Guideline1_4.1_4_3.G145.Abs', { sc: ['1.4.3'], techniques: ['G145'], subCode: 'Abs' }],
    ['WCAG2AA.Principle1.Guideline1_4.1_4_3_F24.F24.BGColour', { sc: ['1.4.3'], variant: 'F24', techniques: ['F24'], subCode: 'BGColour' }],
    ['WCAG2AA.Principle1.Guideline1_4.1_4_10.C32,C31,C33,C38,SCR34,G206', { sc: ['1.4.10'], techniques: ['C32', 'C31', 'C33', 'C38', 'SCR34', 'G206'] }],
    ['WCAG2AA.Principle1.Guideline1_1.1_1_1.G94,G92.Object,ARIA6', { techniques: ['G94', 'G92', 'ARIA6'], subCode: 'Object' }],
    ['WCAG2AA.Principle2.Guideline2_1.2_1_1.SCR20.MouseDown', { sc: ['2.1.1'], techniques: ['SCR20'], subCode: 'MouseDown' }],
    ['WCAG2AA.Principle2.Guideline2_4.2_4_1.G1,G123,G124.NoSuchID', { sc: ['2.4.1'], techniques: ['G1', 'G123', 'G124'], subCode: 'NoSuchID' }],
    ['WCAG2AA.Principle2.Guideline2_4.2_4_2.H25.1.NoTitleEl', { sc: ['2.4.2'], techniques: ['H25'], subCode: '1.NoTitleEl' }],
    ['WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.2', { principle: 3, guideline: '3.1', sc: ['3.1.1'], techniques: ['H57'], subCode: '2' }],
    ['WCAG2AA.Principle3.Guideline3_3.3_3_4.G98,G99,G155,G164,G168.LegalForms', { sc: ['3.3.4'], techniques: ['G98', 'G99', 'G155', 'G164', 'G168'], subCode: 'LegalForms' }],
    ['WCAG2AA.Principle4.Guideline4_1.4_1_1.F77', { principle: 4, guideline: '4.1', sc: ['4.1.1'], techniques: ['F77'] }],
    ['WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputText.Name', { sc: ['4.1.2'], techniques: ['H91'], subCode: 'InputText.Name' }],
    ['WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.A.NoContent', { sc: ['4.1.2'], techniques: ['H91'], subCode: 'A.NoContent' }],
    ['WCAG2AA.Principle2.Guideline2_1.2_1_4.', { sc: ['2.1.4'], techniques: [], message: '' }],
  ])('%s', (code, expected) => {
    const parsed = parseHtmlcsCode(code);
    expect(parsed).toMatchObject({ code, ...expected });
    if (!('subCode' in expected)) expect(parsed?.subCode).toBeUndefined();
    if (!('variant' in expected)) expect(parsed?.variant).toBeUndefined();
  });

  it('reads a sniff segment that lists several criteria', () => {
    expect(parseHtmlcsCode('WCAG2AAA.Principle1.Guideline1_4.1_4_3,1_4_6.G18.Fail')).toMatchObject({
      sc: ['1.4.3', '1.4.6'],
      techniques: ['G18'],
      subCode: 'Fail',
    });
  });

  it('rejects codes that are not WCAG2 sniff codes', () => {
    expect(parseHtmlcsCode('Section508.A.Img.Missing')).toBeUndefined();
    expect(parseHtmlcsCode('image-alt')).toBeUndefined();
    expect(parseHtmlcsCode('WCAG2AA.Principle1.Guideline1_1')).toBeUndefined();
    // A criterion outside its guideline.
    expect(parseHtmlcsCode('WCAG2AA.Principle1.Guideline1_1.1_3_1.H37')).toBeUndefined();
  });

  it('names the check independently of standard and sniff variant', () => {
    const a = parseHtmlcsCode('WCAG2AA.Principle1.Guideline1_3.1_3_1_A.G141')!;
    const b = parseHtmlcsCode('WCAG2AAA.Principle1.Guideline1_3.1_3_1_AAA.G141')!;
    expect(htmlcsCheckId(a)).toBe('1.3.1.G141');
    expect(htmlcsCheckId(b)).toBe('1.3.1.G141');
    expect(htmlcsCheckId(parseHtmlcsCode('WCAG2AA.Principle2.Guideline2_4.2_4_1.G1,G123,G124.NoSuchID')!)).toBe('2.4.1.G1,G123,G124.NoSuchID');
    expect(htmlcsCheckId(parseHtmlcsCode('WCAG2AA.Principle2.Guideline2_1.2_1_4.')!)).toBe('2.1.4');
  });
});

/** Every literal message code in the installed HTML_CodeSniffer's WCAG2AAA sniffs, as full codes. */
function realCodes(): string[] {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@pa11y/html_codesniffer/package.json')), 'Standards/WCAG2AAA/Sniffs');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const codes = new Set<string>();
  for (const file of walk(root).filter((f) => f.endsWith('.js'))) {
    const sniff = relative(root, file).replace(/\.js$/, '').split(/[\\/]/).join('.');
    const src = readFileSync(file, 'utf8');
    // The code is the last argument of HTMLCS.addMessage(type, element, msg, code[, data]) when it is a literal.
    for (const m of src.matchAll(/addMessage\([^;]*?,\s*(['"])([A-Za-z0-9_.,]*)\1\s*\)\s*;/g)) {
      codes.add(`WCAG2AAA.${sniff}.${m[2]}`);
    }
  }
  return [...codes];
}

describe('real HTML_CodeSniffer codes', () => {
  const codes = realCodes();

  it('finds the sniffs’ codes', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toContain('WCAG2AAA.Principle1.Guideline1_1.1_1_1.H37');
    expect(codes).toContain('WCAG2AAA.Principle4.Guideline4_1.4_1_1.F77');
  });

  it('parses every one, to a real criterion, with every comma group led by a technique', () => {
    for (const code of codes) {
      const parsed = parseHtmlcsCode(code);
      expect(parsed, code).toBeDefined();
      for (const sc of parsed!.sc) expect(wcagCriterion(sc), code).toBeDefined();
      const groups = parsed!.message === '' ? [] : parsed!.message.split(',');
      const led = groups.filter((g) => /^[A-Z]+\d+(\.|$)/.test(g)).length;
      expect(parsed!.techniques.length, code).toBe(led);
    }
  });
});
