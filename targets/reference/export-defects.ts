/**
 * Writes the reference target's defect catalogue (targets/reference/defects.ts, the source of truth)
 * as data for its described target: targets/reference/defects.yaml. A vitest checks the two agree.
 *   node targets/reference/export-defects.ts
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { DEFECTS } from './defects.ts';

export const exported = () => DEFECTS.map((d) => ({ id: d.id, title: d.title, changes: d.changes, barrier: d.barrier, persona: d.persona, step: d.step, proof: { by: [...d.proof.by], cites: [...d.proof.cites], keys: d.proof.keys ? [...d.proof.keys] : null } }));

export const HEADER = '# GENERATED from targets/reference/defects.ts by targets/reference/export-defects.ts: do not edit here.\n# The reference target\'s defect catalogue as data, for targets/reference.described.target.yaml.\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('./defects.yaml', import.meta.url), HEADER + stringify({ defects: exported() }, { lineWidth: 0 }));
}
