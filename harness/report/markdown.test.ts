import { describe, expect, it } from 'vitest';
import { mdText, renderMarkdown } from './markdown.ts';
import { auditBundle } from '../bundle.ts';
import { AUDITS } from '../../audits/index.ts';
import { recordedArtifacts } from '../../audits/recorded/load.ts';

describe('summary.md', () => {
  it('page text cannot become markup: tags, links, pipes, emphasis and code are escaped', () => {
    const out = mdText('<img src=x onerror=alert(1)> [click](javascript:alert(1)) | *bold* `code`\nnext');
    expect(out).not.toMatch(/<img|\]\(|[^\\]\||[^\\]\*|[^\\]`/);
    expect(out).toContain('&lt;img');
    expect(out).not.toContain('\n');
  });

  it('says the verdict and lists each issue once with its criteria', () => {
    const bundle = auditBundle({ startedAt: '', audits: AUDITS, artifacts: [recordedArtifacts('violations')], incomplete: [] });
    const md = renderMarkdown(bundle, 'Shop');
    expect(md).toMatch(/^## Shop: ❌ \d+ issues? \(\d+ occurrences?\)/);
    expect(md).toMatch(/\| image-alt \| 1\.1\.1 \|/);
    const clean = renderMarkdown(auditBundle({ startedAt: '', audits: AUDITS, artifacts: [recordedArtifacts('clean')], incomplete: [] }), 'Shop');
    expect(clean).toMatch(/^## Shop: ✅ no barriers found/);
    const incomplete = renderMarkdown(auditBundle({ startedAt: '', audits: AUDITS, artifacts: [], incomplete: [{ where: 'https://x/', cause: 'timed out' }] }), 'Shop');
    expect(incomplete).toMatch(/⚠️ incomplete — not a pass[\s\S]*- https:\/\/x\/: timed out/);
  });
});
