import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sensoryInstructionsAudit, sensoryKind } from './sensory-instructions.ts';
import type { PageTextArtifact } from '../../harness/gatherers/probes/page-text.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { pageTextSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/page-text-sensory-instructions-${name}.json`, import.meta.url), 'utf8')) as PageTextArtifact;
const run = (r: PageTextArtifact) => sensoryInstructionsAudit.audit(artifactsWith('page-text', r), auditCtx);

describe('sensory-instructions (1.3.3, recorded from the page-text probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(pageTextSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('instructions that name things pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('sensory instructions are cantTell with the sentence quoted, never failed', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('cantTell');
    expect(r.findings).toHaveLength(6);
    expect(r.findings.some((f) => f.outcome === 'failed')).toBe(false);
    expect(r.findings[1].message).toMatch(/^"Your reference number is in the box on the right\." — finds something by its position on the screen/);
  });
  it('tells the kinds apart and leaves ordinary words alone', () => {
    expect(sensoryKind('Select the red button')).toBe('colour');
    expect(sensoryKind('The menu in the top right corner')).toBe('position');
    expect(sensoryKind('Use the links on the left-hand side')).toBe('position');
    expect(sensoryKind('Cliquez sur le bouton vert')).toBe('colour');
    expect(sensoryKind('Haga clic en el enlace a la derecha')).toBe('position');
    expect(sensoryKind('The photo check is not available right now')).toBeNull();
    expect(sensoryKind('You have the right to appeal')).toBeNull();
    expect(sensoryKind('Enter the code we sent to your email')).toBeNull();
    expect(sensoryKind('Leave this field blank')).toBeNull();
  });
  it('no sentences is inapplicable', () => {
    expect(run({ ...recorded('good'), sentences: [] }).outcome).toBe('inapplicable');
  });
});
