import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';
import type { AxeArtifact, AxeRuleArtifact } from './types.ts';
import { resolveDomPaths } from './dom-path.ts';
import type { EngineSettings } from './engine-settings.ts';
import { gatherContrastSamples, type ContrastSample } from './contrast-samples.ts';

/**
 * WCAG 2.0 / 2.1 / 2.2 A and AA, plus best-practice, AAA and experimental rules (axe runs
 * experimental rules only when asked by that tag). The audit keeps all but A/AA apart, by tag.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'wcag2aaa', 'experimental'];

/** What axe ran on (schema: harness/artifacts/schemas.ts, where its fields are documented). */
export type AxeDocumentFacts = NonNullable<AxeArtifact['document']>;

export type AxeArtifactWithDocument = AxeArtifact;

type AxeResult = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export async function gatherAxe(page: Page, settings: EngineSettings['axe'] = {}): Promise<AxeArtifactWithDocument> {
  let builder = new AxeBuilder({ page }).withTags(settings.tags?.length ? settings.tags : AXE_TAGS);
  if (settings.disableRules?.length) builder = builder.disableRules(settings.disableRules);
  const results = await builder.analyze();
  const toArtifact = async (rules: AxeResult[]): Promise<AxeRuleArtifact[]> => {
    const out: AxeRuleArtifact[] = [];
    for (const rule of rules) {
      const paths = await resolveDomPaths(page, rule.nodes.map((n) => ({ kind: 'selector' as const, selector: n.target as string | string[] })));
      out.push({
        id: rule.id,
        impact: rule.impact ?? null,
        tags: rule.tags,
        description: rule.description,
        help: rule.help,
        helpUrl: rule.helpUrl,
        nodes: rule.nodes.map((n, i) => ({
          target: n.target as Array<string | string[]>,
          html: n.html,
          failureSummary: n.failureSummary,
          domPath: paths[i] ?? null,
        })),
      });
    }
    return out;
  };
  const document = await page.evaluate(() => ({
    contentType: globalThis.document.contentType,
    root: `${globalThis.document.documentElement?.namespaceURI ?? ''} ${globalThis.document.documentElement?.localName ?? ''}`,
    xmlViewer: !/^(text\/html|application\/xhtml\+xml)$/.test(globalThis.document.contentType) && globalThis.document.getElementById('webkit-xml-viewer-source-xml') !== null,
  }));
  const incomplete = await toArtifact(results.incomplete);
  const contrastSamples = await gatherContrastSamples(page, incomplete);
  return {
    document,
    ...(contrastSamples.length ? { contrastSamples } : {}),
    version: results.testEngine.version,
    violations: await toArtifact(results.violations),
    incomplete,
    passes: results.passes.map((r) => r.id),
    inapplicable: results.inapplicable.map((r) => r.id),
  };
}
