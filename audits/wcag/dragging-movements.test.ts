import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { alternativeOf, draggingMovementsAudit, movesByName } from './dragging-movements.ts';
import type { DragWidget, DraggingArtifact } from '../../harness/gatherers/probes/dragging.ts';
import { artifactsWith, auditCtx } from '../../harness/gatherers/probes/test-pages/url.ts';
import { draggingSchema } from '../../harness/artifacts/barrier-schemas.ts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`../recorded/probes/dragging-${name}.json`, import.meta.url), 'utf8')) as DraggingArtifact;
const run = (r: DraggingArtifact) => draggingMovementsAudit.audit(artifactsWith('dragging', r), auditCtx);
const widget = (over: Partial<DragWidget>): DragWidget => ({ domPath: 'w', kind: 'slider', how: ['role=slider'], items: 1, name: 'Amount', snippet: '', controls: [], track: [], keyboard: true, ...over });
const control = (name: string, tag = 'button') => ({ domPath: 'c', tag, role: '', type: '', name, inItem: false });

describe('dragging-movements (2.5.7, recorded from the probe)', () => {
  it('the recorded artifacts match their schema', () => {
    for (const n of ['good', 'bad']) expect(draggingSchema.safeParse(recorded(n)).success).toBe(true);
  });
  it('move buttons, − / + buttons and a track that takes a click pass', () => {
    expect(run(recorded('good'))).toMatchObject({ outcome: 'passed', findings: [] });
  });
  it('a drag-only list and a drag-only slider fail, keyboard support notwithstanding', () => {
    const r = run(recorded('bad'));
    expect(r.outcome).toBe('failed');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['dragging-no-alternative', 'dragging-no-alternative']);
  });
  it('controls that may do the same, or a track listening for presses, are cantTell, never failed', () => {
    expect(alternativeOf(widget({ controls: [control('Reset')] })).verdict).toBe('unclear');
    expect(alternativeOf(widget({ track: ['pointerdown@parent'] })).verdict).toBe('unclear');
    const r = run({ schema: 'portico.probe.dragging/1', listenersRead: true, nativeRanges: 0, widgets: [widget({ controls: [control('Reset')] })] });
    expect(r.outcome).toBe('cantTell');
    expect(r.findings[0]).toMatchObject({ ruleId: 'dragging-alternative-unclear', outcome: 'cantTell' });
  });
  it('a field for the value is an alternative for a slider', () => {
    expect(alternativeOf(widget({ controls: [control('', 'input')] })).verdict).toBe('present');
  });
  it('move words per language and symbols', () => {
    for (const n of ['Move up', 'Subir', 'Mover hacia abajo', 'Monte', 'Desann', 'نقل لأعلى', 'Descer', '+', '−', '↑']) expect(movesByName(n), n).toBe(true);
    for (const n of ['Delete', 'Eliminar', 'Continue', '']) expect(movesByName(n), n).toBe(false);
  });
  it('no dragged control: inapplicable; listeners unread and none seen: cantTell', () => {
    expect(run({ schema: 'portico.probe.dragging/1', listenersRead: true, nativeRanges: 1, widgets: [] }).outcome).toBe('inapplicable');
    expect(run({ schema: 'portico.probe.dragging/1', listenersRead: false, nativeRanges: 0, widgets: [] }).outcome).toBe('cantTell');
  });
});
