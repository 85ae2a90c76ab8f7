import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { CameraStepArtifact } from '../../harness/gatherers/probes/camera-step.ts';
import type { JourneyArtifact } from '../../harness/journey/journey-artifact.ts';
import type { CaptureFacts } from '../../harness/camera/capture-runner.ts';

export const BIOMETRIC_REF = 'Section 508 §403.1 (biometrics, persuasive)';

/**
 * A step that demands a photo of the person's face must offer a way through that needs no photo
 * (in-person verification, "I cannot take a photo"): people who are blind, whose face the system
 * does not accept, or who have no working camera are otherwise stopped. Revised 508 §403.1 (for
 * hardware: biometrics must not be the only means of identification) is cited as persuasive; this
 * is not a WCAG criterion, so none is cited unless a capture control itself has no name.
 */
export const biometricAlternativeAudit: Audit = {
  meta: {
    id: 'biometric-alternative',
    title: 'A photo / biometric step offers an alternative that needs no photo',
    failureTitle: 'A photo / biometric step has no alternative',
    description:
      'On a camera-capture step (video preview, live stream, capture file input): a link or button to a path that needs no photo (in person, "I cannot take a photo", another way) must exist. Also records whether the step gives non-visual guidance (a live region).',
    requiredArtifacts: ['camera-step'],
    requirements: { wcag: [], other: [BIOMETRIC_REF] },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const cam = artifacts.gathered['camera-step'] as CameraStepArtifact;
    // The capture runner looked for the alternative the journey names (its `capture:` step) on the capture page.
    const named = ((artifacts.gathered.journey as JourneyArtifact | undefined)?.records?.captureGrid as CaptureFacts | undefined)?.alternative;
    if (!cam.isCameraStep) {
      if (named && !named.found) {
        return { outcome: 'failed', findings: [{ engines: ['portico'], ruleId: 'biometric-alternative', outcome: 'failed', impact: 'critical', message: `The photo step offers no ${named.role} "${named.name}" (the way through without a photo this journey expects), and no other alternative was found.`, domPath: '(capture) alternative', wcag: [], other: ['journey blocked: no alternative to biometric capture'] }] };
      }
      return { outcome: 'inapplicable', findings: [], notes: ['no camera capture on the page'] };
    }
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    const where = cam.videos[0]?.domPath ?? cam.captureInputs[0]?.domPath;
    const guidance = cam.guidance.length
      ? `It gives non-visual guidance through ${cam.guidance.map((g) => `${g.role ?? 'aria-live'} "${g.text}"`).slice(0, 2).join(', ')}.`
      : 'It gives no non-visual guidance either (no live region announces framing or progress), so a blind person cannot aim the camera.';
    for (const c of cam.controls) {
      if (c.name.trim()) continue;
      findings.push({ engines: ['portico'], ruleId: 'button-name', outcome: 'failed', impact: 'critical', message: 'A capture control on the camera step has no accessible name.', selector: c.domPath, domPath: c.domPath, wcag: ['4.1.2'] });
    }
    if (cam.alternatives.length === 0) {
      findings.push({
        engines: ['portico'],
        ruleId: 'biometric-alternative',
        outcome: 'failed',
        impact: 'critical',
        message: `This step requires a photo of the person's face (${cam.signals.join(', ')}) and offers no way through without one — no link or button to in-person verification, "I cannot take a photo" or another way. ${guidance}`,
        selector: where,
        domPath: where,
        snippet: cam.videos[0]?.snippet,
        wcag: [],
        other: ['journey blocked: no alternative to biometric capture'],
      });
    } else {
      notes.push(`alternative: ${cam.alternatives.map((a) => `${a.role} "${a.text}"${a.href ? ` → ${a.href}` : ''}`).join('; ')}`);
      if (!cam.guidance.length) notes.push('no live region gives non-visual guidance during capture');
      if (named && !named.found) notes.push(`the alternative the journey names (${named.role} "${named.name}") was not found on the capture page; another was`);
    }
    return { outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : 'passed', findings, notes: notes.length ? notes : undefined };
  },
};
