import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exported, HEADER } from './export-defects.ts';
import { loadDefectCatalogue } from '../../harness/journey/declarative/matrix.ts';
import { stringify } from 'yaml';
import { PERSONAS } from '../../personas/index.ts';

describe('targets/reference/defects.yaml (the catalogue as data, for the described reference target)', () => {
  it('is exactly what defects.ts exports (run node targets/reference/export-defects.ts after changing defects.ts)', () => {
    const file = new URL('./defects.yaml', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(HEADER + stringify({ defects: exported() }, { lineWidth: 0 }));
    expect(loadDefectCatalogue(file.pathname, PERSONAS.map((p) => p.id))).toHaveLength(24);
  });
});
