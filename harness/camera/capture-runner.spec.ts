import { test, expect } from '@playwright/test';
import { cameraScene } from './stimulus.ts';
import { attemptVariant, installSyntheticCamera } from './synthetic-camera.ts';
import { captureIncomplete, runCaptureGrid } from './capture-runner.ts';
import { captureParityAudit } from '../../audits/equity/capture-parity.ts';
import type { Artifacts } from '../types.ts';

/**
 * The camera and the runner on pages that are not the reference app (served under a routed localhost origin: a secure context, as getUserMedia needs):
 * nothing in either knows a target. One page judges photos by absolute face brightness (biased), one
 * meters on the whole frame and accepts any photo that is not black (fair enough), one never lets
 * the person take a photo (the harness cannot capture: no result, never a rejection).
 */
const page = (mode: 'absolute' | 'any' | 'stuck') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Photo</title></head><body><main>
<h1>Take a photo</h1>
<video id="v" muted playsinline width="320" height="240"></video>
<button id="take" disabled>Take the photo</button>
<p id="result" role="status"></p>
<p><a href="/other">Verify another way</a></p>
<script>
const v = document.getElementById('v');
const take = document.getElementById('take');
navigator.mediaDevices.getUserMedia({ video: true }).then(async (s) => {
  v.srcObject = s; await v.play();
  if (${JSON.stringify(mode)} !== 'stuck') take.disabled = false;
});
take.onclick = () => {
  const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
  const g = c.getContext('2d'); g.drawImage(v, 0, 0);
  // The centre of the frame, where the face is.
  const d = g.getImageData(c.width * 0.4, c.height * 0.3, c.width * 0.2, c.height * 0.3).data;
  let sum = 0; for (let i = 0; i < d.length; i += 4) sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
  const mean = sum / (d.length / 4);
  const ok = ${JSON.stringify(mode)} === 'absolute' ? mean >= 60 : mean >= 3;
  document.getElementById('result').textContent = ok ? 'Photo accepted' : 'Photo refused: too dark (' + mean.toFixed(0) + ')';
};
</script></main></body></html>`;

const spec = { control: { role: 'button' as const, name: 'Take the photo' }, accepted: 'Photo accepted', rejected: { text: /Photo refused/ }, alternative: { role: 'link' as const, name: 'Verify another way' } };
const judge = (facts: unknown) => captureParityAudit.audit({ schema: 'portico.artifacts/1', checkpoint: 'c', url: '', pagePath: '/', context: {}, gatheredAt: '', versions: {}, gathered: { journey: { stepId: 'c', stepTitle: 'c', personaTitle: 'p', actorKind: 'pointer', blockedCites: { wcag: [] }, observations: [], actions: [], records: { captureGrid: facts } } } } as Artifacts, { checkpoint: 'c', url: '', pagePath: '/', context: {} });

test.describe('synthetic camera and capture runner (any target)', () => {
  test.describe.configure({ mode: 'serial' });

  test('the camera films the scene live and honours exposureCompensation', async ({ context }) => {
    await context.route('http://localhost:9/camera/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title><video id="v" muted></video>' }));
    const scene = cameraScene(10, 'backlit');
    await installSyntheticCamera(context, { scene, variant: attemptVariant(0, 1) });
    const p = await context.newPage();
    await p.goto('http://localhost:9/camera/');
    const measured = await p.evaluate(async () => {
      const s = await navigator.mediaDevices.getUserMedia({ video: true });
      const t = s.getVideoTracks()[0];
      const v = document.getElementById('v') as HTMLVideoElement;
      v.srcObject = s; await v.play();
      const face = async () => {
        await new Promise((r) => setTimeout(r, 150));
        const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
        const g = c.getContext('2d')!; g.drawImage(v, 0, 0);
        const d = g.getImageData(300, 180, 40, 60).data; let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += d[i + 1];
        return sum / (d.length / 4);
      };
      const before = await face();
      await t.applyConstraints({ advanced: [{ exposureCompensation: 3 } as MediaTrackConstraintSet] });
      const after = await face();
      return { caps: (t.getCapabilities() as { exposureCompensation?: unknown }).exposureCompensation, ev: (t.getSettings() as { exposureCompensation?: number }).exposureCompensation, before, after, size: [v.videoWidth, v.videoHeight], devices: (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length };
    });
    expect(measured.size).toEqual([640, 480]);
    expect(measured.devices).toBe(1);
    expect(measured.caps).toMatchObject({ min: -3, max: 3 });
    expect(measured.ev).toBe(3);
    // A backlit dark face, under-exposed by whole-frame metering, brightens with +3 EV.
    expect(measured.before).toBeLessThan(40);
    expect(measured.after).toBeGreaterThan(measured.before * 2);
  });

  for (const mode of ['absolute', 'any', 'stuck'] as const) {
    test(`a grid through the page's own control: ${mode}`, async ({ context }) => {
      test.setTimeout(120_000);
      const serve = async (c: import('playwright').BrowserContext) => { await c.route('http://localhost:9/capture/**', (r) => r.fulfill({ contentType: 'text/html', body: page(mode) })); };
      const facts = await runCaptureGrid({ from: context, setupContext: serve, url: 'http://localhost:9/capture/photo', spec, tones: [1, 10], lightings: ['even', 'backlit'], attempts: 3, attemptTimeoutMs: mode === 'stuck' ? 1500 : 15_000 });
      expect(facts.attempts).toHaveLength(12);
      expect(facts.alternative).toEqual({ role: 'link', name: 'Verify another way', found: true });
      const verdict = judge(facts);
      const outcomes = (mst: number, lighting: string) => facts.attempts.filter((a) => a.mst === mst && a.lighting === lighting).map((a) => a.outcome);
      if (mode === 'absolute') {
        expect(outcomes(1, 'even')).toEqual(['accepted', 'accepted', 'accepted']);
        expect(outcomes(10, 'backlit')).toEqual(['rejected', 'rejected', 'rejected']);
        expect(facts.attempts.find((a) => a.outcome === 'rejected')?.message).toMatch(/too dark/);
        expect(verdict.outcome).toBe('failed');
        expect(verdict.findings.map((f) => f.ruleId)).toContain('capture-parity');
      } else if (mode === 'any') {
        expect(facts.attempts.every((a) => a.outcome === 'accepted')).toBe(true);
        expect(verdict.outcome).toBe('passed');
      } else {
        expect(facts.attempts.every((a) => a.outcome === 'no-result')).toBe(true);
        expect(facts.attempts[0].message).toMatch(/never became usable/);
        expect(verdict.outcome).toBe('cantTell');
        expect(captureIncomplete(facts)).toMatch(/result for 0 of 12 captures/);
      }
      if (mode !== 'stuck') expect(captureIncomplete(facts)).toBeNull();
    });
  }
});
