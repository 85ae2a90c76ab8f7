import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * WCAG 1.1.1's CAPTCHA exception: a CAPTCHA may stay visual only if its text alternative names its
 * purpose AND an alternative form in another modality (audio, a non-visual check, a person to
 * contact) is offered. An image CAPTCHA with neither blocks a blind person outright.
 */
export const captchaAlternativeAudit: Audit = {
  meta: {
    id: 'captcha-alternative',
    title: 'CAPTCHAs offer a non-visual alternative',
    failureTitle: 'An image CAPTCHA has no non-visual alternative',
    description:
      'Finds image/canvas/svg CAPTCHAs and checks that an audio version or another way through is offered next to them and that the image has a text alternative naming its purpose (WCAG 1.1.1, CAPTCHA exception). Third-party widgets (reCAPTCHA, hCaptcha, Turnstile) are reported as cannot-tell.',
    requiredArtifacts: ['captcha'],
    requirements: { wcag: ['1.1.1'] },
    rules: {
      'captcha-alternative': { title: 'A CAPTCHA offers no alternative form for people who cannot see or hear it', wcag: ['1.1.1'], impact: 'critical', help: 'Offer a CAPTCHA in another sense (audio and visual), or a check that needs no perception test.' },
    },
    mode: 'automatic',
  },
  audit(artifacts: Artifacts): AuditResult {
    const cap = gathered(artifacts, 'captcha');
    if (!cap.captchas?.length) return { outcome: 'inapplicable', findings: [], notes: ['no CAPTCHA on the page'] };
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    let cantTell = false;
    for (const c of cap.captchas) {
      const base = { engines: ['portico'] as DraftFinding['engines'], ruleId: 'captcha-alternative', selector: c.domPath, domPath: c.domPath, snippet: c.snippet };
      const named = Boolean((c.alt ?? '').trim() || c.name.trim());
      const answer = c.input ? ` (answer field "${c.input.label || c.input.name}")` : '';
      if (c.kind === 'widget' && c.alternatives.length === 0) {
        cantTell = true;
        notes.push(`${c.widget ?? 'third-party'} CAPTCHA widget at ${c.domPath}: its built-in audio/accessibility mode was not inspected`);
        continue;
      }
      // An alternative hidden from assistive technology (aria-hidden) is not one for a blind person.
      const hiddenAlternatives = c.alternatives.filter((a) => a.ariaHidden);
      if (c.alternatives.length > 0 && hiddenAlternatives.length === c.alternatives.length) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'critical',
          message: `CAPTCHA${answer} offers ${hiddenAlternatives.map((a) => `"${a.text}"`).join(', ')} only inside aria-hidden="true": a screen reader never announces it, so a blind person has no way through this step.`,
          wcag: ['1.1.1'],
          other: ['W3C: Inaccessibility of CAPTCHA (alternative modality required)'],
        });
      } else if (c.alternatives.length === 0) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'critical',
          message: `${c.kind === 'image' ? 'Image' : c.kind === 'canvas' ? 'Canvas' : 'Visual'} CAPTCHA${answer} with ${named ? `text alternative "${c.alt || c.name}"` : 'no text alternative at all'} and no audio version or other way through: a blind screen-reader user cannot pass this step.`,
          wcag: ['1.1.1'],
          other: ['W3C: Inaccessibility of CAPTCHA (alternative modality required)'],
        });
      } else if (!named) {
        findings.push({
          ...base,
          outcome: 'failed',
          impact: 'serious',
          message: `CAPTCHA${answer} offers ${c.alternatives.map((a) => `"${a.text}"`).join(', ')}, but the image has no text alternative identifying it as a CAPTCHA and saying what to do.`,
          wcag: ['1.1.1'],
        });
      }
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : cantTell ? 'cantTell' : 'passed';
    return { outcome, findings, notes: notes.length ? notes : undefined };
  },
};
