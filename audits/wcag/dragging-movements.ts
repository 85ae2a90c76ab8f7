import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import type { DragWidget } from '../../harness/gatherers/probes/dragging.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * Names of controls that move an item or change a value one step: the single-pointer alternatives
 * to dragging, per language (data, not code). Symbols (+, −, arrows) are language-free.
 */
export const MOVE_WORDS: Record<string, RegExp[]> = {
  en: [/\bmove\b/i, /\b(up|down|left|right|earlier|later|higher|lower|first|last|top|bottom)\b/i, /\b(increase|decrease|raise|reduce|more|less|reorder|next|previous)\b/i],
  es: [/\b(mover|subir|bajar|arriba|abajo|izquierda|derecha|aumentar|disminuir|reducir|reordenar|primero|último)\b/i],
  ht: [/\b(deplase|monte|desann|anlè|anba|agoch|adwat|ogmante|diminye|bese|plis|mwens)\b/i],
  ar: [/(تحريك|نقل|لأعلى|لأسفل|أعلى|أسفل|يمين|يسار|زيادة|تقليل|إنقاص|ترتيب)/],
  pt: [/\b(mover|subir|descer|acima|abaixo|esquerda|direita|aumentar|diminuir|reduzir|reordenar)\b/i],
};
const SYMBOLS = /^[\s+−\-–↑↓←→▲▼◀▶«»‹›⬆⬇]+$/u;

export const movesByName = (name: string) => SYMBOLS.test(name) && name.trim() !== '' || Object.values(MOVE_WORDS).some((ws) => ws.some((w) => w.test(name)));

/** What a single pointer can use instead of dragging this widget, as the probe saw it. */
export function alternativeOf(w: DragWidget): { verdict: 'present' | 'unclear' | 'none'; why: string } {
  const movers = w.controls.filter((c) => movesByName(c.name));
  if (movers.length) return { verdict: 'present', why: `controls ${movers.slice(0, 4).map((c) => `"${c.name}"`).join(', ')}` };
  const fields = w.controls.filter((c) => ['input', 'select', 'textarea'].includes(c.tag) || c.role === 'spinbutton' || c.role === 'combobox');
  if (fields.length && w.kind === 'slider') return { verdict: 'present', why: `a field to give the value (${fields[0].tag}${fields[0].name ? ` "${fields[0].name}"` : ''})` };
  if (w.track.some((t) => t.startsWith('click@'))) return { verdict: 'present', why: `a click on the track (${w.track.join(', ')})` };
  if (w.track.length) return { verdict: 'unclear', why: `the track listens for ${w.track.join(', ')}: a press there may move the thumb` };
  if (w.controls.length) return { verdict: 'unclear', why: `controls nearby that may do the same: ${w.controls.slice(0, 4).map((c) => `${c.tag}${c.name ? ` "${c.name}"` : ''}`).join(', ')}` };
  return { verdict: 'none', why: 'no button, link, field or track click in or beside it' };
}

const KIND = { sortable: 'list sorted by dragging', slider: 'slider moved by dragging', draggable: 'element dragged to act' } as const;

/**
 * 2.5.7 Dragging Movements: what can be done by dragging can be done with a single pointer
 * without dragging (buttons to move an item, a field for the value, a click on the track). Keyboard
 * support does not meet it. A widget with nothing else in or beside it fails (unless another control
 * elsewhere on the page does the same, or dragging is essential — the finding says so); one with
 * controls that might do the same, or a track that listens for presses, is cantTell with what was seen.
 */
export const draggingMovementsAudit: Audit = {
  meta: {
    id: 'dragging-movements',
    title: 'What can be dragged can also be done with a single pointer',
    failureTitle: 'A control can only be operated by dragging',
    description:
      'Sortable lists, custom sliders and other dragged controls also offer a single-pointer way to do the same — buttons to move an item, a field for the value, a click on the track (2.5.7). Keyboard support alone does not meet it.',
    requiredArtifacts: ['dragging'],
    requirements: { wcag: ['2.5.7'] },
    mode: 'automatic',
    rules: {
      'dragging-no-alternative': { title: 'A control can only be operated by dragging', wcag: ['2.5.7'], impact: 'serious', help: 'Add a single-pointer way to do the same: Move up / Move down buttons, − and + buttons or a field for the value, or let a click on the track set it.' },
      'dragging-alternative-unclear': { title: 'A dragged control may lack a single-pointer alternative', wcag: ['2.5.7'], impact: 'moderate', help: 'Check that the controls beside it, or a click on its track, do what dragging does.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'dragging');
    const notes: string[] = [];
    if (r.nativeRanges) notes.push(`${r.nativeRanges} native range input(s): the browser moves them on a click on the track`);
    if (!r.listenersRead) notes.push('event listeners could not be read: only draggable="true" and role="slider" were seen');
    if (!r.widgets.length) return { outcome: r.listenersRead ? 'inapplicable' : 'cantTell', findings: [], notes: [...notes, 'no control operated by dragging'] };
    const findings: DraftFinding[] = [];
    for (const w of r.widgets) {
      const alt = alternativeOf(w);
      const what = `The ${KIND[w.kind]}${w.name ? ` "${w.name}"` : ''}${w.kind === 'sortable' ? ` (${w.items} items)` : ''}`;
      const seen = `seen: ${w.how.join(', ')}`;
      const keys = w.keyboard ? ' It takes keyboard focus, but 2.5.7 asks for a single pointer, not the keyboard.' : '';
      if (alt.verdict === 'present') { notes.push(`${what}: alternative — ${alt.why}`); continue; }
      const failed = alt.verdict === 'none';
      findings.push({
        engines: ['portico'],
        ruleId: failed ? 'dragging-no-alternative' : 'dragging-alternative-unclear',
        outcome: failed ? 'failed' : 'cantTell',
        impact: failed ? 'serious' : 'moderate',
        message: failed
          ? `${what} is operated by dragging (${seen}) with ${alt.why}.${keys} Unless another control on the page does the same, or dragging is essential, add a single-pointer way to do it.`
          : `${what} is operated by dragging (${seen}); ${alt.why}.${keys} Check one of them does what dragging does.`,
        selector: w.domPath, domPath: w.domPath, snippet: w.snippet, wcag: ['2.5.7'],
      });
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed';
    return { outcome, findings, notes };
  },
};
