import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { SmallTarget, TargetBox } from '../../harness/gatherers/probes/target-size.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 15;
const RADIUS = 12; // the 24 CSS px circle of the spacing exception

const centre = (b: TargetBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
/** Distance from a point to a box (0 inside). */
const toBox = (p: { x: number; y: number }, b: TargetBox) => Math.hypot(Math.max(b.x - p.x, 0, p.x - (b.x + b.width)), Math.max(b.y - p.y, 0, p.y - (b.y + b.height)));

/** The spacing exception: a 24 px circle on the target meets no other target and no other small target's circle. */
export function spacingExempt(t: SmallTarget): { ok: boolean; clash?: string } {
  const c = centre(t.box);
  for (const n of t.neighbours) {
    if (toBox(c, n.box) < RADIUS) return { ok: false, clash: n.domPath };
    if (n.small) {
      const o = centre(n.box);
      if (Math.hypot(c.x - o.x, c.y - o.y) < 2 * RADIUS) return { ok: false, clash: n.domPath };
    }
  }
  return { ok: true };
}

/**
 * 2.5.8 Target Size (Minimum): pointer targets are at least 24 × 24 CSS px, unless spaced so a
 * 24 px circle on each meets no other target (spacing), a link in a sentence (inline), or drawn at
 * the browser's own unmodified size (user agent). The equivalent-control and essential exceptions
 * cannot be seen in the page: each finding says so.
 */
export const targetSizeAudit: Audit = {
  meta: {
    id: 'target-size',
    title: 'Pointer targets are at least 24 × 24 CSS pixels, or spaced apart',
    failureTitle: 'A pointer target is smaller than 24 × 24 CSS pixels and crowded',
    description:
      'Links, buttons and controls are 24 × 24 CSS px or larger, or a 24 px circle centred on each meets no other target (2.5.8). Links in a sentence and controls at the browser’s own size are exempt.',
    requiredArtifacts: ['target-size'],
    requirements: { wcag: ['2.5.8'] },
    mode: 'automatic',
    rules: {
      'target-size': { title: 'A pointer target is under 24 × 24 CSS px and too close to another', wcag: ['2.5.8'], impact: 'serious', help: 'Make the target at least 24 × 24 CSS px (padding counts), or space it so a 24 px circle on it touches nothing else.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'target-size');
    if (!r.targets) return { outcome: 'inapplicable', findings: [], notes: ['no pointer targets on the page'] };
    const notes = [`${r.targets} target(s); ${r.small.length} under 24 × 24 CSS px`];
    const inline = r.small.filter((t) => t.inline).length;
    const ua = r.small.filter((t) => !t.inline && t.uaDefault).length;
    if (inline) notes.push(`${inline} link(s) in a sentence: exempt`);
    if (ua) notes.push(`${ua} control(s) at the browser's own size: exempt`);
    const findings: DraftFinding[] = [];
    let spaced = 0;
    for (const t of r.small) {
      if (t.inline || t.uaDefault) continue;
      const s = spacingExempt(t);
      if (s.ok) { spaced++; continue; }
      findings.push({
        engines: ['portico'], ruleId: 'target-size', outcome: 'failed', impact: 'serious',
        message: `The ${t.role || t.tag}${t.name ? ` "${t.name}"` : ''} is ${t.box.width} × ${t.box.height} CSS px and a 24 px circle on it reaches another target (${s.clash!.split('>').pop()}). Unless another control on the page does the same and is large enough, make it 24 × 24 or space it out.`,
        selector: t.domPath, domPath: t.domPath, snippet: t.snippet, wcag: ['2.5.8'],
      });
    }
    if (spaced) notes.push(`${spaced} small target(s) spaced far enough apart: exempt`);
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    return { outcome: findings.length ? 'failed' : 'passed', findings: findings.slice(0, CAP), notes };
  },
};
