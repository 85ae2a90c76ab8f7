import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  HTMLCS_EQUIVALENTS,
  NOT_EQUIVALENT,
  PAGE_LEVEL_RULES,
  canonicalRuleId,
  isHtmlcsOnlyRule,
  ruleTitle,
} from './rule-equivalence.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { getRules(): Array<{ ruleId: string; tags: string[] }> };
const axeRuleIds = new Set(axe.getRules().map((r) => r.ruleId));

const P = {
  '1_1': 'WCAG2AA.Principle1.Guideline1_1',
  '1_3': 'WCAG2AA.Principle1.Guideline1_3',
  '1_4': 'WCAG2AA.Principle1.Guideline1_4',
  '2_2': 'WCAG2AA.Principle2.Guideline2_2',
  '2_4': 'WCAG2AA.Principle2.Guideline2_4',
  '3_1': 'WCAG2AA.Principle3.Guideline3_1',
  '4_1': 'WCAG2AA.Principle4.Guideline4_1',
};

describe('axe and Lighthouse ids', () => {
  it('are already canonical', () => {
    for (const id of ['image-alt', 'color-contrast', 'label', 'button-name', 'html-has-lang']) {
      expect(canonicalRuleId('axe', id)).toBe(id);
      expect(canonicalRuleId('lighthouse', id)).toBe(id);
    }
  });
});

describe('HTML_CodeSniffer → axe', () => {
  it.each([
    [`${P['1_1']}.1_1_1.H37`, 'image-alt'],
    [`${P['1_1']}.1_1_1.H36`, 'input-image-alt'],
    [`${P['1_1']}.1_1_1.H24`, 'area-alt'],
    [`${P['1_1']}.1_1_1.H30.2`, 'link-name'],
    [`${P['1_3']}.1_3_1.F68`, 'label'],
    [`${P['1_3']}.1_3_1.H42`, 'p-as-heading'],
    [`${P['1_3']}.1_3_1.H42.2`, 'empty-heading'],
    [`${P['1_4']}.1_4_3.G18.Fail`, 'color-contrast'],
    [`${P['1_4']}.1_4_3.G145.Fail`, 'color-contrast'],
    [`${P['1_4']}.1_4_3.G18.BgImage`, 'color-contrast'],
    [`WCAG2AAA.Principle1.Guideline1_4.1_4_6.G18.Fail`, 'color-contrast-enhanced'],
    [`WCAG2AAA.Principle1.Guideline1_4.1_4_6.G17.Fail`, 'color-contrast-enhanced'],
    [`${P['2_2']}.2_2_1.F40.2`, 'meta-refresh'],
    [`${P['2_2']}.2_2_1.F41.2`, 'meta-refresh'],
    [`${P['2_2']}.2_2_2.F47`, 'blink'],
    [`${P['2_4']}.2_4_1.H64.1`, 'frame-title'],
    [`${P['2_4']}.2_4_2.H25.1.NoTitleEl`, 'document-title'],
    [`${P['2_4']}.2_4_2.H25.1.EmptyTitle`, 'document-title'],
    [`${P['3_1']}.3_1_1.H57.2`, 'html-has-lang'],
    [`${P['3_1']}.3_1_1.H57.3.Lang`, 'html-lang-valid'],
    [`${P['3_1']}.3_1_2.H58.1.Lang`, 'valid-lang'],
    [`${P['4_1']}.4_1_1.F77`, 'duplicate-id'],
    [`${P['4_1']}.4_1_2.H91.InputText.Name`, 'label'],
    [`${P['4_1']}.4_1_2.H91.InputEmail.Name`, 'label'],
    [`${P['4_1']}.4_1_2.H91.InputCheckbox.Name`, 'label'],
    [`${P['4_1']}.4_1_2.H91.InputDatetime-local.Name`, 'label'],
    [`${P['4_1']}.4_1_2.H91.Textarea.Name`, 'label'],
    [`${P['4_1']}.4_1_2.H91.Select.Name`, 'select-name'],
    [`${P['4_1']}.4_1_2.H91.Button.Name`, 'button-name'],
    [`${P['4_1']}.4_1_2.H91.InputButton.Name`, 'input-button-name'],
    [`${P['4_1']}.4_1_2.H91.InputImage.Name`, 'input-image-alt'],
    [`${P['4_1']}.4_1_2.H91.Div.Name`, 'aria-command-name'],
    [`${P['4_1']}.4_1_2.H91.A.NoContent`, 'link-name'],
  ])('%s → %s', (code, axeId) => {
    expect(canonicalRuleId('htmlcs', code)).toBe(axeId);
    expect(axeRuleIds.has(axeId)).toBe(true);
  });

  it('ignores the standard the sniff ran under', () => {
    expect(canonicalRuleId('htmlcs', 'WCAG2A.Principle1.Guideline1_1.1_1_1.H37')).toBe('image-alt');
    expect(canonicalRuleId('htmlcs', 'WCAG2AAA.Principle1.Guideline1_1.1_1_1.H37')).toBe('image-alt');
  });

  it('uses the reported element when given', () => {
    const f68 = `${P['1_3']}.1_3_1.F68`;
    expect(canonicalRuleId('htmlcs', f68, 'INPUT')).toBe('label');
    expect(canonicalRuleId('htmlcs', f68, 'textarea')).toBe('label');
    expect(canonicalRuleId('htmlcs', f68, 'select')).toBe('select-name');
    // H42 on a <div>: axe p-as-heading never tests divs.
    expect(canonicalRuleId('htmlcs', `${P['1_3']}.1_3_1.H42`, 'div')).toBe('htmlcs:1.3.1.H42');
    expect(canonicalRuleId('htmlcs', `${P['1_3']}.1_3_1.H42`, 'p')).toBe('p-as-heading');
    // Page-level and any-element rules accept whatever element was reported.
    expect(canonicalRuleId('htmlcs', `${P['2_4']}.2_4_2.H25.1.NoTitleEl`, 'head')).toBe('document-title');
    expect(canonicalRuleId('htmlcs', `${P['4_1']}.4_1_1.F77`, 'span')).toBe('duplicate-id');
  });

  it.each([
    // <a> without href: axe's link-name never looks at these.
    [`${P['4_1']}.4_1_2.H91.A.Empty`, 'htmlcs:4.1.2.H91.A.Empty'],
    [`${P['4_1']}.4_1_2.H91.A.NoHref`, 'htmlcs:4.1.2.H91.A.NoHref'],
    [`${P['4_1']}.4_1_2.H91.A.Placeholder`, 'htmlcs:4.1.2.H91.A.Placeholder'],
    [`${P['4_1']}.4_1_2.H91.Fieldset.Name`, 'htmlcs:4.1.2.H91.Fieldset.Name'],
    [`${P['4_1']}.4_1_2.H91.Select.Value`, 'htmlcs:4.1.2.H91.Select.Value'],
    [`${P['1_1']}.1_1_1.H67.1`, 'htmlcs:1.1.1.H67.1'],
    [`${P['1_1']}.1_1_1.G94.Image`, 'htmlcs:1.1.1.G94.Image'],
    [`${P['1_3']}.1_3_1.F68.Hidden`, 'htmlcs:1.3.1.F68.Hidden'],
    [`${P['1_3']}.1_3_1.H44.NonExistentFragment`, 'htmlcs:1.3.1.H44.NonExistentFragment'],
    [`${P['1_3']}.1_3_1_A.G141`, 'htmlcs:1.3.1.G141'],
    [`${P['1_4']}.1_4_3_F24.F24.BGColour`, 'htmlcs:1.4.3.F24.BGColour'],
    [`${P['2_2']}.2_2_2.F4`, 'htmlcs:2.2.2.F4'],
    [`${P['2_4']}.2_4_1.H64.2`, 'htmlcs:2.4.1.H64.2'],
    [`${P['2_4']}.2_4_1.G1,G123,G124.NoSuchID`, 'htmlcs:2.4.1.G1,G123,G124.NoSuchID'],
    [`${P['2_4']}.2_4_2.H25.2`, 'htmlcs:2.4.2.H25.2'],
    [`${P['2_4']}.2_4_2.H25.1.NoHeadEl`, 'htmlcs:2.4.2.H25.1.NoHeadEl'],
    ['WCAG2AA.Principle2.Guideline2_1.2_1_4.', 'htmlcs:2.1.4'],
  ])('keeps %s as %s', (code, id) => {
    expect(canonicalRuleId('htmlcs', code)).toBe(id);
    expect(isHtmlcsOnlyRule(id)).toBe(true);
  });

  it('keeps unmapped checks distinct from each other', () => {
    const codes = [
      `${P['1_3']}.1_3_1.H43.HeadersRequired`,
      `${P['1_3']}.1_3_1.H43.MissingHeaderIds`,
      `${P['1_3']}.1_3_1.H43.MissingHeadersAttrs`,
      `${P['1_3']}.1_3_1.H43,H63`,
      `${P['1_3']}.1_3_1.H63.1`,
      `${P['4_1']}.4_1_2.H91.A.Empty`,
      `${P['4_1']}.4_1_2.H91.A.EmptyNoId`,
      `${P['4_1']}.4_1_2.H91.Select.Value`,
      `${P['2_4']}.2_4_2.H25.1.NoHeadEl`,
      `${P['2_4']}.2_4_2.H25.2`,
    ];
    const ids = codes.map((c) => canonicalRuleId('htmlcs', c));
    expect(new Set(ids).size).toBe(codes.length);
    for (const id of ids) expect(axeRuleIds.has(id)).toBe(false);
  });

  it('keeps codes it cannot parse under the htmlcs prefix, never as an axe id', () => {
    expect(canonicalRuleId('htmlcs', 'Section508.A.Img.Missing')).toBe('htmlcs:Section508.A.Img.Missing');
    expect(canonicalRuleId('htmlcs', 'image-alt')).toBe('htmlcs:image-alt');
  });

  it('lists near-misses under their own ids', () => {
    for (const check of Object.keys(NOT_EQUIVALENT)) {
      const [p, g, s] = check.split('.');
      const rest = check.split('.').slice(3).join('.');
      const code = `WCAG2AA.Principle${p}.Guideline${p}_${g}.${p}_${g}_${s}.${rest}`;
      expect(canonicalRuleId('htmlcs', code), code).toBe(`htmlcs:${check}`);
    }
  });
});

describe('equivalence table', () => {
  it('names only real axe rules, and titles them', () => {
    for (const e of HTMLCS_EQUIVALENTS) {
      expect(axeRuleIds.has(e.axe), e.axe).toBe(true);
      expect(ruleTitle(e.axe), e.axe).toBeTruthy();
    }
  });

  it('never maps one HTML_CodeSniffer check to two axe rules without an element to tell them apart', () => {
    const seen = new Map<string, string>();
    for (const e of HTMLCS_EQUIVALENTS.filter((x) => !x.onlyForElements)) {
      for (const sub of e.subCodes) {
        const key = `${e.sc}.${e.technique}.${sub}`;
        expect(seen.has(key), key).toBe(false);
        seen.set(key, e.axe);
      }
    }
  });

  it('has no title for ids it does not know', () => {
    expect(ruleTitle('htmlcs:1.3.1.H44.NonExistent')).toBeUndefined();
  });

  it('marks the document-level rules', () => {
    expect(PAGE_LEVEL_RULES.has('document-title')).toBe(true);
    expect(PAGE_LEVEL_RULES.has('html-has-lang')).toBe(true);
    expect(PAGE_LEVEL_RULES.has('image-alt')).toBe(false);
  });
});
