import { test, expect } from '@playwright/test';
import { draggingProbe, type DraggingArtifact } from './dragging.ts';
import { draggingMovementsAudit } from '../../../audits/wcag/dragging-movements.ts';
import { recordProbe } from './record.ts';
import { artifactsWith, auditCtx, testPage } from './test-pages/url.ts';

const ctx = { locale: 'en', targetLocales: ['en'], stepId: 'page' };
const judge = (r: DraggingArtifact) => draggingMovementsAudit.audit(artifactsWith('dragging', r), auditCtx);

test.describe('dragging probe and audit (2.5.7)', () => {
  test('a sortable list with Move up / Move down, a native range, a slider with − and +, a slider whose track takes a click: nothing', async ({ page }) => {
    await page.goto(testPage('dragging', 'good.html'));
    const r = (await draggingProbe.gather(page, ctx)) as DraggingArtifact;
    recordProbe('dragging-good', r);
    expect(r.listenersRead).toBe(true);
    expect(r.nativeRanges).toBe(1);
    expect(r.widgets.map((w) => w.kind)).toEqual(['sortable', 'slider', 'slider']);
    expect(r.widgets[0].items).toBe(3);
    expect(r.widgets[2].track).toContain('click@parent');
    const v = judge(r);
    expect(v.findings).toEqual([]);
    expect(v.outcome).toBe('passed');
    expect(v.notes?.join(' ')).toMatch(/"Move up".*"Decrease income".*click on the track/s);
  });

  test('a drag-only sortable list and a drag-only custom slider (arrow keys work) fail, each once', async ({ page }) => {
    await page.goto(testPage('dragging', 'bad.html'));
    const r = (await draggingProbe.gather(page, ctx)) as DraggingArtifact;
    recordProbe('dragging-bad', r);
    expect(r.widgets.map((w) => w.kind)).toEqual(['sortable', 'slider']);
    expect(r.widgets[1].how).toEqual(expect.arrayContaining(['listener:pointerdown@self', 'role=slider']));
    const v = judge(r);
    expect(v.outcome).toBe('failed');
    expect(v.findings.map((f) => [f.ruleId, f.outcome])).toEqual([['dragging-no-alternative', 'failed'], ['dragging-no-alternative', 'failed']]);
    expect(v.findings[1].message).toMatch(/"Monthly income".*keyboard focus, but 2.5.7 asks for a single pointer/);
  });
});
