import { expect as base } from '@playwright/test';
import type { Page } from 'playwright';
import { sharedChromiumOf } from '../../harness/browser/launch.ts';
import { gatherCheckpoint } from '../../harness/gatherers/index.ts';
import type { EngineName } from '../../harness/gatherers/engine-names.ts';
import { runAudits } from '../../harness/run-audits.ts';
import { isBarrier } from '../../harness/bundle.ts';
import { oneLine } from '../../harness/report/terminal-safe.ts';
import { auditsForArtifacts } from '../registry.ts';

export interface NoBarriersOptions {
  /** Engines to run (default axe and HTML_CodeSniffer; HTML_CodeSniffer needs Portico's shared browser). */
  engines?: EngineName[];
}

/**
 * `await expect(page).toHaveNoBarriers()`: every engine audits the live page now. It fails on any
 * barrier, listing each with its criteria and element — and it fails, never passes, when a check
 * could not run (an engine error is not a clean page).
 */
export const expect = base.extend({
  async toHaveNoBarriers(page: Page, options: NoBarriersOptions = {}) {
    const shared = sharedChromiumOf(page.context().browser());
    const wanted = options.engines ?? ['axe', 'htmlcs'];
    if (!shared && wanted.some((e) => e === 'htmlcs' || e === 'lighthouse')) {
      return {
        pass: false,
        name: 'toHaveNoBarriers',
        message: () => 'toHaveNoBarriers: HTML_CodeSniffer and Lighthouse attach to the browser Portico launches; use `test` from portico (or portico/playwright), or pass { engines: ["axe"] }.',
      };
    }
    const artifacts = await gatherCheckpoint(page, { checkpoint: 'expect', engines: wanted, cdpPort: shared?.cdpPort ?? 0, browserVersion: page.context().browser()?.version() ?? 'unknown' });
    const { findings, verdicts } = runAudits(auditsForArtifacts, [artifacts]);
    const barriers = findings.filter(isBarrier);
    const couldNot = verdicts.filter((v) => v.outcome === 'error');
    const pass = barriers.length === 0 && couldNot.length === 0;
    const list = [
      ...couldNot.map((v) => `  could not check: ${v.auditId}: ${oneLine(v.notes?.join('; '))}`),
      ...barriers.map((f) => `  ${f.ruleId} (${[...f.requirements.wcag, ...f.requirements.other].join(', ') || 'no criterion'}) at ${oneLine(f.selector ?? f.domPath ?? '(page)')}: ${oneLine(f.message).slice(0, 160)}`),
    ];
    return {
      // Under .not, a check that could not run must still fail the assertion.
      pass: this.isNot ? pass || couldNot.length > 0 : pass,
      name: 'toHaveNoBarriers',
      message: () => (pass ? `expected barriers on ${page.url()}, found none` : `${barriers.length} barrier(s) on ${page.url()}${couldNot.length ? `, ${couldNot.length} check(s) could not run` : ''}:\n${list.join('\n')}`),
    };
  },
});
