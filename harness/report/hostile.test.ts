import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { hostileBundle, HOSTILE } from './test-data/hostile-bundle.ts';
import { renderFormat } from './run-output.ts';
import { renderComplaintHtml } from './complaint.ts';
import type { RenderInput } from './render-input.ts';
import { AUDITS } from '../../audits/index.ts';

const input = (): RenderInput => ({ bundle: hostileBundle(), audits: AUDITS.map((a) => a.meta), title: 'Hostile <script>alert(0)</script>', signing: { signed: false } });
// Raw C0/C1 controls other than tab, newline and carriage return (which JSON/YAML/XML escape or allow).
const RAW_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

function checkHtml(html: string) {
  expect(tags(html, 'script').length, 'only Portico’s own filter script').toBeLessThanOrEqual(1);
  expect(html).not.toContain('alert(1)</script>');
  expect(html).not.toMatch(/<img[^>]*onerror/i);
  for (const t of html.match(/<[a-z][^>]*>/gi) ?? []) expect(t, 'no event-handler attribute on any element').not.toMatch(/\son\w+\s*=/i);
  for (const t of [...tags(html, 'a'), ...tags(html, 'img')]) expect(t).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/(href|src)="[^"]*\.\.\//);
  expect(html).not.toMatch(RAW_CONTROLS);
  expect(html).not.toContain(HOSTILE.bigAttribute.slice(0, 20_000));
  expect(html.length).toBeLessThan(200_000);
  expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;snippet&quot;)');
}

describe('a hostile page stays data in every format', () => {
  it('HTML report: escaped, no page script, no javascript: links, no paths out of the run, controls replaced, 1 MB attribute clipped', () => {
    const html = renderFormat('html', input());
    checkHtml(html);
    const script = html.slice(html.lastIndexOf('<script>'), html.lastIndexOf('</script>'));
    expect(script).not.toContain('alert');
    expect(html).toContain("script-src 'sha256-");
    expect(html, 'nothing is fetched from the network').not.toMatch(/<(img|script|link|iframe|object|embed)[^>]+(src|href)="https?:/i);
  });

  it('complaint (printed to PDF): the same guarantees, and images only from the run directory', () => {
    const html = renderComplaintHtml(input(), { assetUrl: (p) => (p.startsWith('evidence/') ? `file:///run/${p}` : undefined) });
    checkHtml(html);
    expect(tags(html, 'script')).toEqual([]);
    for (const img of tags(html, 'img')) expect(img).toMatch(/src="file:\/\/\/run\/evidence\//);
    expect(html).toContain('UNSIGNED');
  });

  it('summary.txt: no control characters or escape sequences, so a page cannot forge CI log lines', () => {
    const text = renderFormat('text', input());
    expect(text).not.toMatch(RAW_CONTROLS);
    expect(text.split('\n').some((l) => l.startsWith('FAKE LOG LINE'))).toBe(false);
    expect(text).toContain('UNSIGNED');
  });

  it('summary.md: no raw tags, links or table breaks from the page, no control characters', () => {
    const md = renderFormat('markdown', input());
    expect(md).not.toMatch(RAW_CONTROLS);
    expect(md).not.toMatch(/<(script|img|a|evil|iframe)\b/i);
    expect(md).not.toMatch(/\]\(javascript:/i);
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| rule'))) expect(row.split(/(?<!\\)\|/).length, row).toBe(7);
  });

  it('JUnit: well-formed XML, ]]> and </script> are text, controls replaced', () => {
    const xml = renderFormat('junit', input());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(RAW_CONTROLS);
    expect(xml).not.toContain('<evil');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(JSON.stringify(doc)).toContain(']]><evil attr=\\"1\\"/>');
  });

  it('SARIF and EARL: JSON that carries the page text exactly, as strings', () => {
    for (const f of ['sarif', 'earl'] as const) {
      const text = renderFormat(f, input());
      expect(text).not.toMatch(RAW_CONTROLS);
      const doc = JSON.stringify(JSON.parse(text));
      expect(doc).toContain(JSON.stringify(HOSTILE.altScript).slice(1, -1));
      expect(doc).toContain(JSON.stringify(HOSTILE.controls).slice(1, -1));
    }
  });

  it('OpenACR: YAML that parses back to the same text (no injected keys)', () => {
    const yaml = renderFormat('openacr', input());
    expect(yaml).not.toMatch(RAW_CONTROLS);
    const acr = parseYaml(yaml);
    expect(Object.keys(acr).sort()).toEqual(['author', 'catalog', 'chapters', 'evaluation_methods_used', 'legal_disclaimer', 'notes', 'product', 'report_date', 'title']);
    const notes = acr.chapters.success_criteria_level_a.criteria.find((c: any) => c.num === '1.1.1').components[0].adherence.notes;
    expect(notes).toContain(HOSTILE.altScript);
    expect(acr.product.name).toBe(`reference ${HOSTILE.altScript}`);
  });
});
