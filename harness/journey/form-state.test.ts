import { describe, expect, it } from 'vitest';
import { lostEntries } from './form-state.ts';

describe('lostEntries', () => {
  it('lists what was entered and is gone or changed, nothing else', () => {
    expect(lostEntries({ 'Name › Given': 'Rosa', Phone: '+504 1', 'Languages › Spanish': 'checked' }, { 'Name › Given': 'Rosa', Phone: '', Extra: 'x' })).toEqual([
      { label: 'Phone', before: '+504 1', after: '' },
      { label: 'Languages › Spanish', before: 'checked', after: null },
    ]);
    expect(lostEntries({ A: '1' }, { A: '1' })).toEqual([]);
  });
});
