import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { CameraStepArtifact } from '../../harness/gatherers/probes/camera-step.ts';
import type { CaptureFacts } from '../../harness/camera/capture-runner.ts';
import { gathered, gatheredIfAny } from '../../harness/artifacts/gathered.ts';

export const BIOMETRIC_REF = 'Section 508 §403.1 (biometrics, persuasive)';

const PHOTO = /selfie|photo|foto|camera|c[aâá]mara|kamera|cam[eé]ra|imaj|фото|камер|صورة|كاميرا|face|rostro|visage|figi/i;
// "I cannot take a photo", "verify in person", "another way" — in the reference languages and a few more.
const CANNOT = /can(no|')t|cannot|unable|without (a )?(photo|selfie|camera)|no puedo|sin (foto|c[aá]mara)|pa ka|san foto|não consigo|sem (foto|c[aâ]mera)|ne peux pas|sans (photo|cam[eé]ra)|не могу|без (фото|камер)|لا أستطيع|لا يمكنني|بدون (صورة|كاميرا)/i;
const IN_PERSON = /in[ -]person|en persona|an p[eè]s[oò]n|pessoalmente|presencial|en personne|лично|شخصي|office|oficina|biwo|escrit[oó]rio|bureau|офис|مكتب/i;
const OTHER_WAY = /another way|other way|alternative|alternativ|altènatif|autre (moyen|fa[cç]on)|другим способом|альтернатив|بديل|طريقة أخرى|skip|omitir|sote|pular|passer|пропустить|تخطي/i;
const HREF = /alternative|in-?person|no-?photo|without-?photo|manual|skip|other-?way/i;

export interface CameraJudgement {
  /** The step requires live capture to go on: a live stream, a required camera-only input, or a camera preview with its capture control. */
  isCameraStep: boolean;
  signals: string[];
  /** Why a capture surface on the page is not a step that requires live capture. */
  notCamera: string[];
  alternatives: Array<{ domPath: string; role: 'link' | 'button'; text: string; href: string | null; why: string }>;
}

/**
 * Only a step that actually requires live capture to proceed is a camera step: a video with a live
 * MediaStream, a required file input with `capture` (camera only), or a camera preview (a video
 * with no source and no player controls) with its capture control — and no other way forward on
 * the page (a file input without `capture` lets the person pick an existing photo). A profile-photo
 * upload, a video player filled by script, or a script that merely mentions getUserMedia is not.
 */
export function judgeCameraStep(cam: CameraStepArtifact): CameraJudgement {
  const signals: string[] = [];
  const notCamera: string[] = [];
  const live = cam.videos.filter((v) => v.liveStream);
  if (live.length) signals.push('live MediaStream attached');
  const preview = cam.videos.filter((v) => !v.liveStream && !v.hasSrc && !v.controls);
  if (preview.length && cam.controls.length) signals.push(`${preview.length} camera preview <video> with a capture control`);
  else if (preview.length) notCamera.push('a <video> with no source, but no capture control beside it');
  const media = (i: CameraStepArtifact['fileInputs'][number]) => /image|video/.test(i.accept) || PHOTO.test(i.name);
  const cameraOnly = cam.fileInputs.filter((i) => i.capture !== null && media(i) && i.required);
  if (cameraOnly.length) signals.push(`${cameraOnly.length} required camera-only file input(s)`);
  const upload = cam.fileInputs.filter((i) => i.capture === null && media(i));
  if (cam.scriptMentionsGetUserMedia && !signals.length) notCamera.push('a script mentions getUserMedia, but nothing on the page requires live capture');
  if (upload.length && !live.length) notCamera.push(`an upload field accepts an existing file (${upload.map((u) => `"${u.name}"`).join(', ')}): another way forward than live capture`);
  const isCameraStep = signals.length > 0 && (live.length > 0 || upload.length === 0);
  if (cam.scriptMentionsGetUserMedia && isCameraStep) signals.push('inline script calls getUserMedia');
  const alternatives: CameraJudgement['alternatives'] = [];
  for (const l of cam.links ?? []) {
    const { text, href } = l;
    let why = '';
    if (CANNOT.test(text) && (PHOTO.test(text) || IN_PERSON.test(text))) why = 'says the photo cannot be taken';
    else if (IN_PERSON.test(text) && /verif|identi|visit|appointment|cita|randevou|rendez|встреч|موعد/i.test(text)) why = 'offers in-person verification';
    else if (OTHER_WAY.test(text) && (PHOTO.test(text) || /verif|identi/i.test(text))) why = 'offers another way';
    else if (href && HREF.test(href) && (PHOTO.test(text) || PHOTO.test(href) || CANNOT.test(text) || IN_PERSON.test(text))) why = `link target ${href}`;
    if (why) alternatives.push({ ...l, why });
  }
  return { isCameraStep, signals, notCamera, alternatives: alternatives.slice(0, 10) };
}

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
    rules: {
      'biometric-alternative': { title: 'A biometric capture step offers no alternative', wcag: [], impact: 'critical', help: 'Offer a way through without a photo (upload, in-person or assisted verification).' },
      'button-name': { title: 'A capture control has no accessible name', wcag: ['4.1.2'], impact: 'critical', help: 'Give the capture button a name (text or aria-label).' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const cam = gathered(artifacts, 'camera-step');
    // The capture runner looked for the alternative the journey names (its `capture:` step) on the capture page.
    const named = (gatheredIfAny(artifacts, 'journey')?.records?.captureGrid as CaptureFacts | undefined)?.alternative;
    const j = judgeCameraStep(cam);
    if (!j.isCameraStep) {
      if (named && !named.found) {
        return { outcome: 'failed', findings: [{ engines: ['portico'], ruleId: 'biometric-alternative', outcome: 'failed', impact: 'critical', message: `The photo step offers no ${named.role} "${named.name}" (the way through without a photo this journey expects), and no other alternative was found.`, domPath: '(capture) alternative', wcag: [], other: ['journey blocked: no alternative to biometric capture'] }] };
      }
      return { outcome: 'inapplicable', findings: [], notes: ['no step requiring live camera capture on the page', ...j.notCamera] };
    }
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    const where = cam.videos[0]?.domPath ?? cam.fileInputs[0]?.domPath;
    const guidance = cam.guidance.length
      ? `It gives non-visual guidance through ${cam.guidance.map((g) => `${g.role ?? 'aria-live'} "${g.text}"`).slice(0, 2).join(', ')}.`
      : 'It gives no non-visual guidance either (no live region announces framing or progress), so a blind person cannot aim the camera.';
    for (const c of cam.controls) {
      if (c.name.trim()) continue;
      findings.push({ engines: ['portico'], ruleId: 'button-name', outcome: 'failed', impact: 'critical', message: 'A capture control on the camera step has no accessible name.', selector: c.domPath, domPath: c.domPath, wcag: ['4.1.2'] });
    }
    if (j.alternatives.length === 0) {
      findings.push({
        engines: ['portico'],
        ruleId: 'biometric-alternative',
        outcome: 'failed',
        impact: 'critical',
        message: `This step requires a photo of the person's face (${j.signals.join(', ')}) and offers no way through without one — no link or button to in-person verification, "I cannot take a photo" or another way. ${guidance}`,
        selector: where,
        domPath: where,
        snippet: cam.videos[0]?.snippet,
        wcag: [],
        other: ['journey blocked: no alternative to biometric capture'],
      });
    } else {
      notes.push(`alternative: ${j.alternatives.map((a) => `${a.role} "${a.text}"${a.href ? ` → ${a.href}` : ''}`).join('; ')}`);
      if (!cam.guidance.length) notes.push('no live region gives non-visual guidance during capture');
      if (named && !named.found) notes.push(`the alternative the journey names (${named.role} "${named.name}") was not found on the capture page; another was`);
    }
    return { outcome: findings.some((f) => f.outcome === 'failed') ? 'failed' : 'passed', findings, notes: notes.length ? notes : undefined };
  },
};
