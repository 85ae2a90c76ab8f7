import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 10;
const COLOURS = 'red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|rojo|roja|verde|azul|amarillo|amarilla|naranja|gris|rouge|vert|verte|bleu|bleue|jaune|wouj|vèt|ble|jòn';
const THINGS = 'button|link|box|icon|field|text|area|tab|bar|arrow|circle|square|bot[oó]n|enlace|casilla|icono|campo|bouton|lien|case|ic[ôo]ne|champ|bouton|bwat|lyen';

/** Ways instructions point at things by how they look, where they are or how they sound (F14, F26). */
export const SENSORY_PATTERNS: Array<{ kind: 'colour' | 'position' | 'shape' | 'sound'; re: RegExp }> = [
  { kind: 'colour', re: new RegExp(`\\b(${COLOURS})\\s+(${THINGS})\\b|\\b(${THINGS})\\s+(${COLOURS})\\b|\\b(in|marked in|shown in|highlighted in|en)\\s+(${COLOURS})\\b`, 'i') },
  { kind: 'position', re: /\b(on|to|at|in)\s+the\s+(right|left)(\s*-?\s*hand(\s+side)?|\s+side|\s+column|\s+panel)?\b(?!\s+(now|away|answer|to\b))|\b(top|bottom|upper|lower)\s*-?\s*(right|left)\b|\b(right|left)\s*-?\s*hand\s+(side|column|menu|panel)\b|\ba\s+la\s+(derecha|izquierda)\b|\b[àa]\s+(droite|gauche)\b|\bsou\s+(bò\s+)?(dwat|gòch)\b/i },
  { kind: 'shape', re: /\b(round|square|circular|triangular|star-shaped|diamond-shaped)\s+(button|icon|box|link)\b|\bthe\s+(circle|square|triangle|star|diamond)(\s+(icon|button|shape))?\b/i },
  { kind: 'sound', re: /\b(when|after|once)\s+you\s+hear\b|\b(the|a)\s+(beep|tone|chime)\b/i },
];

export function sensoryKind(sentence: string): 'colour' | 'position' | 'shape' | 'sound' | null {
  return SENSORY_PATTERNS.find((p) => p.re.test(sentence))?.kind ?? null;
}

/**
 * 1.3.3 Sensory Characteristics: instructions do not rely only on shape, colour, size, visual
 * location, orientation or sound ("press the green button", "the box on the right"). Whether the
 * thing is also named in words cannot be told from the sentence alone: every match is cantTell,
 * with the sentence quoted, never failed.
 */
export const sensoryInstructionsAudit: Audit = {
  meta: {
    id: 'sensory-instructions',
    title: 'Instructions do not rely only on colour, shape, position or sound',
    failureTitle: 'An instruction points at something by how it looks, where it is or how it sounds',
    description:
      'Sentences on the page that find a control or region by colour ("the green button"), position ("the box on the right"), shape ("the round icon") or sound ("when you hear the beep") are quoted for review: they fail 1.3.3 unless the thing is also identified in words (F14, F26).',
    requiredArtifacts: ['page-text'],
    requirements: { wcag: ['1.3.3'] },
    mode: 'semiAuto',
    rules: {
      'sensory-instruction': { title: 'An instruction may rely on colour, shape, position or sound', wcag: ['1.3.3'], other: ['F14', 'F26'], impact: 'moderate', help: 'Name the thing too: "press Continue (the green button)", "the Summary box on the right".' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'page-text');
    if (!r.sentences.length) return { outcome: 'inapplicable', findings: [], notes: ['no visible sentences on the page'] };
    const findings: DraftFinding[] = [];
    for (const s of r.sentences) {
      const kind = sensoryKind(s.text);
      if (!kind) continue;
      findings.push({
        engines: ['portico'], ruleId: 'sensory-instruction', outcome: 'cantTell', impact: 'moderate',
        message: `"${s.text}" — finds something by its ${kind === 'colour' ? 'colour' : kind === 'position' ? 'position on the screen' : kind}. Check the thing is also identified in words a person who cannot see (or hear) it can follow.`,
        selector: s.domPath, domPath: s.domPath, wcag: ['1.3.3'],
      });
    }
    const notes = [`${r.sentences.length} sentence(s) read`];
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    return { outcome: findings.length ? 'cantTell' : 'passed', findings: findings.slice(0, CAP), notes };
  },
};
