import { describe, expect, it } from 'vitest';
import { focusVisibleAudit } from './focus-visible.ts';
import { keyboardOperableAudit } from './keyboard-operable.ts';
import type { Artifacts } from '../../harness/types.ts';
import type { KeyboardArtifact } from '../../harness/gatherers/types.ts';

const ctx = { checkpoint: 'x', url: 'http://x/', pagePath: '/', context: {} };
const withKeyboard = (kb: Partial<KeyboardArtifact>): Artifacts => ({
  schema: 'portico.artifacts/1', checkpoint: 'x', url: 'http://x/', pagePath: '/', context: {}, gatheredAt: '', versions: {},
  gathered: { keyboard: { presses: 3, sequence: [], unreached: [], pointerOnly: [], trap: null, ...kb } },
});
const stop = (index: number, tag: string, visibleFocus: boolean | null) => ({ index, domPath: `body>${tag}:nth-of-type(${index + 1})`, tag, role: null, name: tag, rect: null, visibleFocus, obscured: 0 });

describe('keyboard facts judged as a person meets them', () => {
  it('focus that enters an iframe is not judged by the <iframe> box (the indicator is drawn inside the frame)', () => {
    const r = focusVisibleAudit.audit(withKeyboard({ sequence: [stop(0, 'a', true), stop(1, 'iframe', false)] }), ctx);
    expect(r.outcome).toBe('passed');
    expect(r.notes?.join()).toMatch(/entered an iframe/);
    expect(focusVisibleAudit.audit(withKeyboard({ sequence: [stop(0, 'a', false)] }), ctx).outcome).toBe('failed');
  });
  it('an element Tab never reached is still a barrier (2.1.1)', () => {
    const r = keyboardOperableAudit.audit(withKeyboard({ unreached: [{ domPath: 'body>input', tag: 'input', name: '' }] }), ctx);
    expect(r.findings.some((f) => f.wcag.includes('2.1.1'))).toBe(true);
  });
});
