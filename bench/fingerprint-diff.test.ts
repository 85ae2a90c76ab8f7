import { describe, expect, it } from 'vitest';
import type { Finding } from '../harness/types.ts';
import { fingerprintDiff } from './fingerprint-diff.ts';

const f = (fingerprint: string) => ({ fingerprint, ruleId: 'r', outcome: 'failed', message: 'm', context: {} }) as unknown as Finding;

describe('fingerprintDiff', () => {
  it('compares counts, not sets: a fingerprint found twice in one run and once in the other differs', () => {
    const { differences, total } = fingerprintDiff([f('a'), f('a'), f('b')], [f('a'), f('b'), f('c')]);
    expect(total).toBe(3);
    expect(differences.map((d) => [d.fingerprint, d.a, d.b])).toEqual([['a', 2, 1], ['c', 0, 1]]);
  });
  it('finds nothing between identical runs', () => {
    expect(fingerprintDiff([f('a'), f('b')], [f('b'), f('a')]).differences).toEqual([]);
  });
});
