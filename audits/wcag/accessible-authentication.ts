import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const FIELD = { password: 'password field', 'one-time-code': 'one-time-code field', 'code-boxes': 'code split into boxes' } as const;

/**
 * 3.3.8 Accessible Authentication (Minimum): no step of signing in or up asks for a cognitive
 * function test — remembering or transcribing — unless a way round it is offered. What the probes
 * can show:
 * - a password or code field whose paste the page cancels (a password manager or the clipboard
 *   cannot fill it: the person must remember and retype it) — failed;
 * - Ctrl/⌘+V cancelled while the paste event is not (the menu's Paste still works) — cantTell;
 * - `autocomplete="off"` on a password (some browsers then offer no saved password) — cantTell;
 * - a CAPTCHA whose answer is typed from a picture (transcription; its audio version is
 *   transcription too) with no other way offered — failed on a sign-in / sign-up step, cantTell
 *   where the page shows no sign of being one. Object-recognition and third-party widgets are
 *   cantTell (the exception for object recognition cannot be seen from outside the widget).
 * The image-CAPTCHA's 1.1.1 alternative is the captcha-alternative audit's; this one reads the same artifact.
 */
export const accessibleAuthenticationAudit: Audit = {
  meta: {
    id: 'accessible-authentication',
    title: 'Signing in asks no one to remember or transcribe without another way',
    failureTitle: 'Signing in demands a memory or transcription test with no other way',
    description:
      'Password and code fields accept paste and password managers; a CAPTCHA that asks to type characters from a picture has another way through (3.3.8).',
    requiredArtifacts: ['authentication', 'captcha'],
    requirements: { wcag: ['3.3.8'] },
    mode: 'automatic',
    rules: {
      'auth-paste-blocked': { title: 'A password or code field blocks paste', wcag: ['3.3.8'], impact: 'serious', help: 'Remove the paste handler that cancels the event: let the clipboard and password managers fill the field.' },
      'auth-paste-shortcut-blocked': { title: 'A password or code field cancels Ctrl/⌘+V', wcag: ['3.3.8'], impact: 'moderate', help: 'Do not cancel the paste shortcut on secret fields.' },
      'auth-autocomplete-off': { title: 'A password field turns autocomplete off', wcag: ['3.3.8'], impact: 'minor', help: 'Use autocomplete="current-password" (or "new-password") so a password manager can fill it.' },
      'auth-transcription-captcha': { title: 'A CAPTCHA asks to transcribe characters with no other way', wcag: ['3.3.8'], impact: 'critical', help: 'Offer a way through that is no memory or transcription test: an object-recognition check, a one-time link by email, or a person to contact.' },
      'auth-captcha-unclear': { title: 'A CAPTCHA may be a cognitive function test', wcag: ['3.3.8'], impact: 'moderate', help: 'Check that its test is object recognition or personal content, or that another way is offered.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const a = gathered(artifacts, 'authentication');
    const cap = gathered(artifacts, 'captcha');
    const auth = a.authSignals.length > 0;
    const findings: DraftFinding[] = [];
    const notes: string[] = [];
    const base = { engines: ['portico'] as DraftFinding['engines'], wcag: ['3.3.8'] };
    for (const f of a.fields) {
      const what = `The ${FIELD[f.kind]}${f.label ? ` "${f.label}"` : ''}${f.kind === 'code-boxes' ? ` (${f.boxes} boxes)` : ''}`;
      const at = { selector: f.domPath, domPath: f.domPath, snippet: f.snippet };
      if (f.pasteBlocked) {
        findings.push({ ...base, ...at, ruleId: 'auth-paste-blocked', outcome: 'failed', impact: 'serious', message: `${what} cancels paste: a person who cannot remember or retype it cannot paste it or let a password manager fill it.` });
      } else if (f.shortcutBlocked) {
        findings.push({ ...base, ...at, ruleId: 'auth-paste-shortcut-blocked', outcome: 'cantTell', impact: 'moderate', message: `${what} cancels Ctrl/⌘+V (a paste event is not cancelled, so the menu's Paste may still work). Check a keyboard user can paste into it.` });
      } else if (f.kind === 'password' && f.autocomplete === 'off') {
        findings.push({ ...base, ...at, ruleId: 'auth-autocomplete-off', outcome: 'cantTell', impact: 'minor', message: `${what} has autocomplete="off": paste works, but a browser may not offer the saved password. Check a password manager can fill it.` });
      } else {
        notes.push(`${what}: paste accepted${f.pasteHandled ? ' (the page spreads it over the boxes)' : ''}${f.autocomplete ? `, autocomplete="${f.autocomplete}"` : ''}`);
      }
    }
    for (const c of cap.captchas ?? []) {
      const at = { selector: c.domPath, domPath: c.domPath, snippet: c.snippet };
      const other = c.alternatives.filter((x) => x.kind === 'other-way-link');
      if (other.length) { notes.push(`CAPTCHA at ${c.domPath}: another way offered ("${other[0].text}")`); continue; }
      const transcription = c.kind !== 'widget' && c.input !== null;
      if (transcription && auth) {
        findings.push({ ...base, ...at, ruleId: 'auth-transcription-captcha', outcome: 'failed', impact: 'critical', message: `On this sign-in / sign-up step (${a.authSignals.join(', ')}), a CAPTCHA asks to type the characters of a picture into "${c.input!.label || c.input!.name}"${c.alternatives.length ? ` (its ${c.alternatives.map((x) => `"${x.text}"`).join(', ')} is transcription too)` : ''}, and offers no other way: a transcription test with no alternative.` });
      } else {
        findings.push({ ...base, ...at, ruleId: 'auth-captcha-unclear', outcome: 'cantTell', impact: 'moderate', message: transcription
          ? `A CAPTCHA asks to type the characters of a picture into "${c.input!.label || c.input!.name}" with no other way offered. If this step is part of signing in or up, it fails 3.3.8.`
          : `${c.widget ?? 'A'} CAPTCHA ${c.widget ? 'widget ' : ''}without another way offered: check its test is object recognition (allowed) and not a memory or transcription test.` });
      }
    }
    if (!a.fields.length && !(cap.captchas ?? []).length) return { outcome: 'inapplicable', findings: [], notes: ['no password, code field or CAPTCHA on the page'] };
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed';
    return { outcome, findings, notes };
  },
};
