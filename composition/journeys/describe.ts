import { test, expect } from '../playwright/fixtures.ts';
import { personaById } from '../registry.ts';
import { resolveTarget } from '../../targets/index.ts';
import { loadArtifactsDir } from '../../harness/artifacts/store.ts';
import { runAudits } from '../../harness/run-audits.ts';
import { auditsForArtifacts } from '../registry.ts';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { judgeExpectation, type Expectation } from '../../harness/journey/expectation.ts';
import { artifactFact } from '../../harness/journey/matrix.ts';
import { lingerSecondsFor } from '../../harness/journey/linger.ts';
import { matrixTargets, targetTag } from './matrix-targets.ts';

/**
 * The journeys of one persona on the run's target, one test per flow. A blocked step is a finding,
 * not a test failure; a target that is down or crashes, a page that answers 4xx/5xx, or a harness
 * that could not act fails the test (the run is incomplete).
 * Under `npm test` each project also carries an expectation (PORTICO_EXPECT): conformant must
 * yield no failed findings; a defect project must catch its defect. Checked by the last test.
 */
export function describeJourneys(personaId: string) {
  for (const idOrFile of matrixTargets()) describeJourneysOn(personaId, idOrFile);
}

function describeJourneysOn(personaId: string, idOrFile: string) {
  const persona = personaById(personaId);
  const target = resolveTarget(idOrFile);
  const flows = target.flows.filter((f) => !f.personas || f.personas.includes(persona.id));
  const tag = targetTag(idOrFile);
  // The reference app's tests keep their titles; another target's say which it is.
  const title = idOrFile === 'reference' || !tag ? persona.title : `${persona.title} (${target.id})`;

  test.describe(title, tag ? { tag } : {}, () => {
    for (const flow of flows) {
      test(`${flow.id}: ${flow.title}`, async ({ walk }, testInfo) => {
        // A person who waits on each form past a session the target says lasts N s waits on the real clock: give the test that time
        // (and a minute a form for sending it and signing in again).
        const lasts = target.session?.lastsSeconds;
        const forms = flow.steps.filter((s) => s.form).length;
        if (persona.lingerOnForms && lasts && forms) testInfo.setTimeout(testInfo.timeout + forms * (lingerSecondsFor(persona.lingerOnForms, lasts) + 60) * 1000);
        // A defect project proves one defect at its step: it walks only the flows that have that
        // step, and each only as far as that step (conformant projects walk everything).
        const expectation = testInfo.project.metadata?.expectation as Expectation | undefined;
        if (expectation?.kind === 'defect' && expectation.steps && !expectation.steps.some((s) => s.flow === flow.id)) {
          testInfo.annotations.push({ type: 'not walked', description: `flow "${flow.id}" has no step "${expectation.step}", where defect "${expectation.defectId}" lives` });
          return;
        }
        const result = await walk(flow.id, expectation?.kind === 'defect' ? { stopAfterStep: expectation.step } : undefined);
        if (result.incompleteAt) {
          const last = result.artifacts.at(-1)?.gathered.journey as { incomplete?: string } | undefined;
          throw new Error(`INCOMPLETE at step "${result.incompleteAt}": ${last?.incomplete ?? 'the target could not be reached'}`);
        }
        if (result.blockedAt) testInfo.annotations.push({ type: 'blocked', description: `${persona.title} is blocked at "${result.blockedAt}"` });
      });
    }

    if (process.env.PORTICO_MODE === 'test') {
      test('ground truth: the findings are what the defect catalogue says', async ({ porticoOut }, testInfo) => {
        const expectation = testInfo.project.metadata?.expectation as Expectation | undefined;
        expect(expectation, 'every journey project under npm test carries an expectation').toBeTruthy();
        const dir = join(resolve(porticoOut), 'artifacts', persona.id);
        expect(existsSync(dir), `no artifacts were saved under ${dir}`).toBe(true);
        const loaded = await loadArtifactsDir(dir);
        const { findings, verdicts } = runAudits(auditsForArtifacts, loaded.map((l) => l.artifacts));
        const verdict = judgeExpectation(expectation!, findings, verdicts, { artifacts: loaded.map((l) => artifactFact(l.artifacts)) });
        await testInfo.attach('verdict.json', { body: JSON.stringify(verdict, null, 2), contentType: 'application/json' });
        expect(verdict.problems, verdict.summary).toEqual([]);
      });
    }
  });
}
