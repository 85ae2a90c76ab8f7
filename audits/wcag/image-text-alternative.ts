import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered, gatheredIfAny } from '../../harness/artifacts/gathered.ts';
import type { ImageTextImage } from '../../harness/gatherers/probes/image-text.ts';

const CAP = 15;
/** Tesseract's confidence from which a word counts as read (photos give words below it by the dozen). */
export const LEGIBLE_CONFIDENCE = 40;

const norm = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** A word OCR read with confidence, of three letters or digits at least (shorter ones are too often noise: "A", "|", "Pa"). */
export const legibleWords = (image: Pick<ImageTextImage, 'words'>) =>
  image.words.filter((w) => w.confidence >= LEGIBLE_CONFIDENCE && norm(w.text).replace(/ /g, '').length >= 3).map((w) => norm(w.text));

/**
 * Whether the picture reads as text: some legible words, and they are at least half of what OCR
 * made of it. A photograph (fireworks, a street of signs, a bookshelf) gives mostly low-confidence
 * fragments and is not judged: the text in it need not be in its name.
 */
export function readsAsText(image: Pick<ImageTextImage, 'words'>): boolean {
  const legible = legibleWords(image).length;
  return legible > 0 && legible * 2 >= image.words.length;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** Whether the name has the word: as a word (one OCR slip allowed from four letters on), or inside the name run together ("HTML5"). */
export function nameHasWord(name: string, word: string): boolean {
  const n = norm(name);
  const w = word.replace(/ /g, '');
  if (n.replace(/ /g, '').includes(w)) return true;
  return n.split(' ').some((x) => x === w || (w.length >= 4 && editDistanceAtMostOne(x, w)));
}

/**
 * 1.1.1 Non-text content: a picture that shows text (a logo, a button, a banner) and is named
 * with none of the words it shows gives a screen-reader user something else than what a sighted
 * person reads — the W3C logo named "ERCIM logo". The probe read each named picture's words by OCR;
 * only pictures that read as text are judged, and a name that has any one of its words passes
 * (whether the rest of the name describes the picture is a person's judgement). A picture that is
 * a link's or button's content, or an image button, may rightly be named for what it does (the W3C
 * logo linking to WAI named "Web Accessibility Initiative"): there the verdict is cantTell.
 */
export const imageTextAlternativeAudit: Audit = {
  meta: {
    id: 'image-text-alternative',
    title: 'Pictures of text are named with the text they show',
    failureTitle: 'A picture shows text that its accessible name does not have',
    description:
      'For each rendered picture with an accessible name (img, svg, canvas, input type=image, role=img) whose content OCR reads as text, the name contains at least one of the words shown (1.1.1; G94: the text alternative serves the same purpose and presents the same information). A link’s or button’s picture may be named for what the control does: cantTell. A CAPTCHA is left out (1.1.1’s CAPTCHA exception: its name identifies its purpose).',
    requiredArtifacts: ['image-text'],
    requirements: { wcag: ['1.1.1'] },
    mode: 'automatic',
    rules: {
      'image-text-not-in-name': { title: 'The picture’s name has none of the words it shows', wcag: ['1.1.1'], other: ['G94'], impact: 'serious', help: 'Name the picture with the text it shows (alt, aria-label), e.g. the organisation a logo names.' },
      'control-image-text-not-in-name': { title: 'A link’s or button’s picture shows words its name does not have', wcag: ['1.1.1'], other: ['G94'], impact: 'moderate', help: 'Check that the name says what the control does; putting the words shown in it too lets speech-input users say them (2.5.3).' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'image-text');
    if (r.source === 'none') return { outcome: 'cantTell', findings: [], notes: ['accessible names could not be read (no CDP in this browser)'] };
    // 1.1.1's CAPTCHA exception: its name identifies its purpose; the characters it shows must not be in it.
    const captchas = new Set((gatheredIfAny(artifacts, 'captcha')?.captchas ?? []).map((c) => c.domPath));
    const isCaptcha = (image: ImageTextImage) => captchas.has(image.domPath) || /captcha/i.test(image.accessibleName);
    const judged = r.images.filter((image) => readsAsText(image) && !isCaptcha(image));
    if (!judged.length) return { outcome: 'inapplicable', findings: [], notes: [`${r.images.length} named picture(s); none reads as text (${r.ocr})`] };
    const findings: DraftFinding[] = [];
    for (const image of judged) {
      const words = legibleWords(image);
      if (words.some((w) => nameHasWord(image.accessibleName, w))) continue;
      const shown = image.words.filter((w) => w.confidence >= LEGIBLE_CONFIDENCE).map((w) => w.text).join(' ');
      findings.push(image.inControl ? {
        engines: ['portico'], ruleId: 'control-image-text-not-in-name', outcome: 'cantTell', impact: 'moderate',
        message: `The ${image.role || image.tag} in a control reads "${shown}" (OCR, ${r.ocr}) but is named "${image.accessibleName}": check that the name says what the control does.`,
        selector: image.domPath, domPath: image.domPath, snippet: image.snippet, wcag: ['1.1.1'],
      } : {
        engines: ['portico'], ruleId: 'image-text-not-in-name', outcome: 'failed', impact: 'serious',
        message: `The ${image.role || image.tag} reads "${shown}" (OCR, ${r.ocr}) but is named "${image.accessibleName}": a screen reader announces none of the words it shows.`,
        selector: image.domPath, domPath: image.domPath, snippet: image.snippet, wcag: ['1.1.1'],
      });
    }
    const notes = [`${judged.length} named picture(s) that read as text compared with their names`];
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    const kept = findings.slice(0, CAP);
    return { outcome: kept.some((f) => f.outcome === 'failed') ? 'failed' : kept.length ? 'cantTell' : 'passed', findings: kept, notes };
  },
};
