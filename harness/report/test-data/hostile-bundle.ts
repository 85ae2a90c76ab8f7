import type { AuditVerdict, Finding, RunBundle } from '../../types.ts';
import { requirementsFor } from '../../standards/requirements.ts';

/** Everything a hostile page can put into a finding. Each report must keep it inert data. */
export const HOSTILE = {
  altScript: '<img src=x onerror="alert(document.domain)"><script>alert(1)</script>',
  scriptClose: '</script><script>alert("snippet")</script>',
  cdataClose: ']]><evil attr="1"/><![CDATA[',
  jsUrl: 'javascript:alert(document.cookie)',
  controls: 'bell\u0007 escape\u001b[31mRED\u001b[0m nul\u0000 backspace\u0008 vt\u000b\r\nFAKE LOG LINE ✓ 0 barriers',
  bigAttribute: `<div data-x="${'A'.repeat(1024 * 1024)}">`,
};

function finding(over: Partial<Finding> & { wcag?: string[] }): Finding {
  const { wcag = ['1.1.1'], ...rest } = over;
  return {
    fingerprint: 'f'.repeat(20),
    auditId: 'axe',
    engines: ['axe'],
    ruleId: 'image-alt',
    engineRules: { axe: 'image-alt' },
    outcome: 'failed',
    category: 'barrier',
    impact: 'critical',
    message: 'Images must have alternate text',
    requirements: requirementsFor(wcag),
    context: { target: 'reference', persona: 'screen-reader', flow: 'register', step: 'home', checkpoint: 'home', url: 'http://127.0.0.1:4000/' },
    evidence: [],
    ...rest,
  };
}

/** A run bundle whose every page-derived field is hostile. */
export function hostileBundle(): RunBundle {
  const findings: Finding[] = [
    finding({ fingerprint: '1'.repeat(20), message: `Image alt is ${HOSTILE.altScript}`, selector: `img[alt="${HOSTILE.altScript}"]`, snippet: `<img alt="${HOSTILE.altScript}">`, helpUrl: HOSTILE.jsUrl }),
    finding({ fingerprint: '2'.repeat(20), ruleId: 'label', message: `Form field ${HOSTILE.controls}`, snippet: `<input value="${HOSTILE.scriptClose}${HOSTILE.cdataClose}">`, selector: '#x', wcag: ['1.3.1', '4.1.2'], context: { target: 'reference', persona: 'keyboard', flow: 'register', step: 'details', checkpoint: 'details', url: HOSTILE.jsUrl } }),
    finding({ fingerprint: '3'.repeat(20), ruleId: 'color-contrast', impact: 'serious', message: 'Low contrast', snippet: HOSTILE.bigAttribute, selector: 'div', wcag: ['1.4.3'], evidence: [{ kind: 'screenshot', path: HOSTILE.jsUrl, description: HOSTILE.altScript }, { kind: 'transcript', path: '../../../etc/passwd', description: 'escape the run dir' }] }),
    finding({ fingerprint: '4'.repeat(20), auditId: 'journey-blocked', ruleId: 'journey-blocked', engines: ['portico'], message: `Blocked: the page says ${HOSTILE.scriptClose} ${HOSTILE.controls}`, wcag: ['2.1.1'], context: { target: 'reference', persona: 'keyboard', flow: 'register', step: 'details', checkpoint: 'details', url: 'http://127.0.0.1:4000/registration' } }),
  ];
  const verdict = (auditId: string, persona: string, step: string, outcome: AuditVerdict['outcome'], url = 'http://127.0.0.1:4000/'): AuditVerdict => ({ auditId, checkpoint: step, url, outcome, findingCount: 0, context: { target: 'reference', persona, flow: 'register', step } });
  return {
    schema: 'portico.run/1',
    tool: { name: 'portico', version: '0.1.0' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    versions: { chromium: `1${HOSTILE.controls}`, 'axe-core': '4.14.1' },
    status: 'barriers',
    findings,
    verdicts: [
      { ...verdict('axe', 'screen-reader', 'home', 'failed'), findingCount: 2 },
      { ...verdict('axe', 'keyboard', 'details', 'failed', HOSTILE.jsUrl), findingCount: 1 },
      verdict('keyboard-trap', 'keyboard', 'details', 'passed'),
      verdict('focus-visible', 'keyboard', 'details', 'error'),
      { ...verdict('journey-blocked', 'keyboard', 'details', 'failed'), findingCount: 1 },
    ],
    incomplete: [],
    meta: { command: 'run', target: `reference ${HOSTILE.altScript}`, profile: 'cbp-one-2023', personas: 'screen-reader,keyboard' },
  };
}
