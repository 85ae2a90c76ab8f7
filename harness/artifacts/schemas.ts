/**
 * A schema per gatherer's artifact (the types are inferred from them, harness/gatherers/types.ts).
 * Artifacts read back from disk are checked against these before any audit sees them: a malformed
 * file gives the audits that read it an `error` verdict naming the file and the field — never a
 * crash, never a pass. Unknown extra fields are kept (older and newer gatherers add facts).
 */
import { z } from 'zod';
import { BARRIER_SCHEMAS } from './barrier-schemas.ts';
import { PROBE_SCHEMAS } from './probe-schemas.ts';
import { lotterySchema } from './lottery-schema.ts';

const domPath = z.string().nullable();
const rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const axeNode = z.looseObject({ target: z.array(z.union([z.string(), z.array(z.string())])), html: z.string(), failureSummary: z.string().optional(), domPath });
const axeRule = z.looseObject({ id: z.string(), impact: z.string().nullable().optional(), tags: z.array(z.string()), description: z.string(), help: z.string(), helpUrl: z.string(), nodes: z.array(axeNode) });
export const axeSchema = z.looseObject({
  version: z.string(),
  violations: z.array(axeRule),
  incomplete: z.array(axeRule),
  passes: z.array(z.string()),
  inapplicable: z.array(z.string()),
  /** What axe ran on: some ACT pages are SVG or MathML documents, where rules about HTML pages do not apply (absent in artifacts recorded before it was kept). */
  document: z.looseObject({
    contentType: z.string(),
    /** The document element as namespace + local name, e.g. "http://www.w3.org/1999/xhtml html". */
    root: z.string(),
    /**
     * True when the browser shows an unstyled XML document as its source tree (Chrome's XML viewer):
     * axe then ran on the viewer's HTML, whose <html> is the browser's, not the document's.
     */
    xmlViewer: z.boolean().optional(),
  }).optional(),
  /** What is behind the text of each color-contrast node axe left for review (absent before they were kept, or when there was none). */
  contrastSamples: z.array(z.looseObject({
    /** The axe rules (color-contrast, color-contrast-enhanced) that needed review here. */
    ruleIds: z.array(z.string()),
    domPath: z.string().nullable(),
    /** The text colour as drawn: [r, g, b, alpha × opacity of the element and its ancestors]. */
    foreground: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    fontSizePx: z.number().optional(),
    fontWeight: z.number().optional(),
    /** The text has a shadow or a stroke (of the element or a descendant): drawn around the glyphs, it can give the contrast itself. */
    shadowOrStroke: z.boolean().optional(),
    /** Background pixels under the text compared (device pixels of the text's boxes). */
    pixels: z.number().optional(),
    /** Lowest and highest contrast between the text colour and those pixels. */
    minContrast: z.number().optional(),
    maxContrast: z.number().optional(),
    /** Why nothing was measured (no text box, not in one frame, the shot failed …). */
    unmeasured: z.string().optional(),
  })).optional(),
});

const htmlcsIssue = z.looseObject({ code: z.string(), type: z.enum(['error', 'warning', 'notice']), message: z.string(), selector: z.string(), context: z.string().nullable(), domPath });
export const htmlcsSchema = z.looseObject({ version: z.string(), pa11yVersion: z.string(), standard: z.string(), issues: z.array(htmlcsIssue) });

const lighthouseItem = z.looseObject({ selector: z.string().optional(), path: z.string().optional(), snippet: z.string().optional(), explanation: z.string().optional(), nodeLabel: z.string().optional(), domPath });
const lighthouseAudit = z.looseObject({
  id: z.string(), title: z.string(), description: z.string(), score: z.number().nullable(), scoreDisplayMode: z.string(),
  items: z.array(lighthouseItem), numericValue: z.number().optional(), displayValue: z.string().optional(),
});
export const lighthouseSchema = z.looseObject({
  version: z.string(),
  mode: z.enum(['snapshot', 'navigation']),
  categories: z.record(z.string(), z.object({ score: z.number().nullable(), auditIds: z.array(z.string()) })),
  audits: z.array(lighthouseAudit),
  runWarnings: z.array(z.string()),
  // Whether the persona's throttling applied: the same URL measured again unthrottled (metric values in ms).
  throttleCheck: z.object({
    throttled: z.record(z.string(), z.number().nullable()),
    unthrottled: z.record(z.string(), z.number().nullable()),
    ratio: z.number().nullable(), // median of throttled / unthrottled over the timing metrics
    error: z.string().optional(),
  }).optional(),
});

export const pageInfoSchema = z.looseObject({
  url: z.string(),
  title: z.string(),
  lang: z.string().nullable(),
  dir: z.string().nullable(),
  status: z.number().optional(), // HTTP status of the main document, when the gatherer saw the navigation
  viewport: z.object({ width: z.number(), height: z.number() }).nullable(),
  textSample: z.string(),
});

const focusStop = z.looseObject({
  index: z.number(), domPath, tag: z.string(), role: z.string().nullable(), name: z.string(), rect: rect.nullable(),
  // Did the element look any different focused vs not (pixel comparison of its box)? null = not checked.
  visibleFocus: z.boolean().nullable(),
  // Fraction of the element's box covered by other content (sticky headers…) when focused.
  obscured: z.number(),
});
const element = z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string() });
export const keyboardSchema = z.looseObject({
  // Tab presses made, and where focus went after each.
  presses: z.number(),
  sequence: z.array(focusStop),
  // Elements a keyboard user should reach (tabbable by the DOM's rules) but never did; behindModal: an open modal dialog covers them.
  unreached: z.array(element.extend({ behindModal: z.boolean().optional(), radioGroup: z.string().optional() })),
  // Elements that cannot take focus but have pointer handlers, and how the gatherer saw them ("onclick attribute",
  // "listener:click" over CDP, "framework:onClick", "role=button"); containsFocusable: a container of focusable controls (delegation).
  pointerOnly: z.array(element.extend({ html: z.string(), via: z.array(z.string()).optional(), containsFocusable: z.boolean().optional() })),
  // A cycle of focus that Tab and Shift+Tab could not leave; insideModal: the cycle is an open modal dialog's.
  trap: z.object({ domPaths: z.array(z.string()), escapedWithShiftTab: z.boolean(), insideModal: z.boolean().optional(),
    /** The trap is inside an embedded frame: the element(s) of the frame's own document Tab cycles through. */
    inFrame: z.object({ frame: z.string(), domPaths: z.array(z.string()) }).optional() }).nullable(),
  // The walk stopped at its press limit before focus had gone round the page: what was not reached is unknown.
  capped: z.boolean().optional(),
  // Listeners could not be read over CDP (only onclick attributes and roles were seen).
  listenersUnread: z.boolean().optional(),
});

const impact = z.enum(['critical', 'serious', 'moderate', 'minor']);
export const journeyObservationSchema = z.object({
  ruleId: z.string(), key: z.string().optional(), message: z.string(), wcag: z.array(z.string()).optional(), other: z.array(z.string()).optional(),
  impact: impact.optional(), outcome: z.enum(['failed', 'cantTell', 'passed']).optional(), selector: z.string().optional(), snippet: z.string().optional(),
});
export const journeySchema = z.looseObject({
  stepId: z.string(),
  stepTitle: z.string(),
  personaTitle: z.string(),
  /** How this persona operates the page ("with the keyboard only", "by role and accessible name"…). */
  actorKind: z.string(),
  /** The person could not do this step; `key` names what stopped them when the step knows it as data (a field, a control). */
  blocked: z.object({ cause: z.string(), how: z.string(), key: z.string().optional() }).optional(),
  /** The step could not be tried: the target was down, crashed, timed out. The run is incomplete. */
  incomplete: z.string().optional(),
  /** Criteria a blocked step is filed under (the persona's, or the block's own when its cause is known or unknown). */
  blockedCites: z.object({ wcag: z.array(z.string()), other: z.array(z.string()).optional() }),
  observations: z.array(journeyObservationSchema),
  /** Raw measurements recorded while acting, judged by audits (e.g. captureGrid). */
  records: z.record(z.string(), z.unknown()),
  /** The language the flow asked for at this step (see ProbeContext.requestedLanguage). */
  requestedLanguage: z.string().optional(),
  /** False when the target does not offer the persona's language: the persona's language checks were not applied here. */
  personaLanguageOffered: z.boolean().optional(),
  /** What the actor did during the step (steps to reproduce). */
  actions: z.array(z.string()),
});

/** The schema of each artifact key Portico's gatherers write. An audit's `requiredArtifacts` are these keys. */
export const ARTIFACT_SCHEMAS = {
  pageInfo: pageInfoSchema,
  axe: axeSchema,
  htmlcs: htmlcsSchema,
  lighthouse: lighthouseSchema,
  keyboard: keyboardSchema,
  journey: journeySchema,
  ...BARRIER_SCHEMAS,
  ...PROBE_SCHEMAS,
  /** The report `portico lottery` stores (harness/lottery/report.ts). */
  lottery: lotterySchema,
} satisfies Record<string, z.ZodType>;

/** A key of Artifacts.gathered that has a schema. */
export type ArtifactKey = keyof typeof ARTIFACT_SCHEMAS;
type KnownKey<K> = string extends K ? never : number extends K ? never : K;
/**
 * T without the `[k: string]: unknown` that z.looseObject adds to each object, at every depth (a record,
 * which has no named key, is kept): the fields a gatherer writes and an audit may read, so a misspelt
 * field is a type error and Omit/Pick keep the named fields. The filter keeps each field's doc comment.
 */
export type Known<T> = T extends readonly unknown[] ? (number extends T['length'] ? Known<T[number]>[] : { [I in keyof T]: Known<T[I]> })
  : T extends object ? ([keyof { [K in keyof T as KnownKey<K>]: 0 }] extends [never] ? { [K in keyof T]: Known<T[K]> } : { [K in keyof T as KnownKey<K>]: Known<T[K]> })
  : T;
/** The payload stored under an artifact key, inferred from its schema (named fields only, see Known). */
export type ArtifactOf<K extends ArtifactKey> = Known<z.infer<(typeof ARTIFACT_SCHEMAS)[K]>>;

const envelopeSchema = z.looseObject({
  schema: z.literal('portico.artifacts/1'),
  checkpoint: z.string(),
  url: z.string(),
  pagePath: z.string(),
  context: z.looseObject({}),
  gatheredAt: z.string(),
  versions: z.record(z.string(), z.string()),
  gathered: z.record(z.string(), z.unknown()),
});

const at = (path: PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** The envelope's problems (file-level: the checkpoint cannot be judged at all), or null. */
export function envelopeProblem(raw: unknown): string | null {
  const result = envelopeSchema.safeParse(raw);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `${at(issue.path) || '(top level)'}: ${issue.message}`;
}

/**
 * Checks each gathered payload against its schema. A payload that does not match is replaced by
 * { error } naming where it came from (`source`: a file, or the checkpoint it was gathered at) and
 * the field, so the audits that read it say `error` (the run is incomplete) and every other audit
 * still judges what was recorded correctly. With `keep`, the payload is kept beside the error
 * (`malformed`), so the file written from a live gather still holds what the gatherer returned.
 */
export function checkGathered(gathered: Record<string, unknown>, source: string, schemas: Record<string, z.ZodType> = ARTIFACT_SCHEMAS, options: { keep?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(gathered)) {
    const schema = schemas[key];
    const isError = !!value && typeof value === 'object' && 'error' in value && typeof (value as { error: unknown }).error === 'string';
    if (!schema || isError) { out[key] = value; continue; }
    const result = schema.safeParse(value);
    if (result.success) { out[key] = value; continue; }
    const issue = result.error.issues[0];
    out[key] = { error: `malformed artifact in ${source}: ${key}.${at(issue.path)}: ${issue.message}`, ...(options.keep ? { malformed: value } : {}) };
  }
  return out;
}
