/**
 * Schemas of the artifacts of the screen-reader, language and layout probes (harness/gatherers/probes:
 * transcript, form-semantics, captcha, camera-step, language, reflow, text-resize, text-spacing,
 * forced-colors), spread into ARTIFACT_SCHEMAS: an artifact read back from disk that does not match
 * gives its audits an `error` verdict naming the file and the field, never a pass. Loose objects:
 * fields a gatherer adds later are kept.
 */
import { z } from 'zod';

const str = z.string();
const nstr = z.string().nullable();
const size = z.looseObject({ width: z.number(), height: z.number() });
const sizeDpr = size.extend({ devicePixelRatio: z.number() });
const rect = z.looseObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const liveRegion = z.looseObject({ domPath: str, role: nstr, live: str, text: str });

export const transcriptSchema = z.looseObject({
  url: str, title: str, lang: nstr, dir: nstr,
  ariaSnapshot: str, ariaSnapshotTruncated: z.boolean(),
  headings: z.array(z.looseObject({ level: z.number(), text: str, domPath: nstr, inMain: z.boolean() })),
  landmarks: z.array(z.looseObject({ role: str, name: str, domPath: nstr })),
  focused: z.looseObject({ role: str, name: str, tag: str, domPath: nstr, inMain: z.boolean() }).nullable(),
  liveRegions: z.array(z.looseObject({ role: nstr, live: str, atomic: z.boolean(), text: str, domPath: str })),
  source: z.enum(['cdp', 'dom']),
  axNodeCount: z.number(),
  spoken: z.array(str),
  spokenBy: z.enum(['virtual-screen-reader', 'accessibility-tree', 'none']),
  spokenTruncated: z.boolean(),
  notes: z.array(str),
});

const fieldAppearance = z.looseObject({ border: z.array(str), label: nstr, group: nstr, focused: z.boolean() });
const tiedText = z.looseObject({ id: str, text: str, found: z.boolean() });
const formControl = z.looseObject({
  domPath: str, tag: str, type: nstr, id: nstr, nameAttr: nstr, role: str, name: str,
  nameSource: z.enum(['aria-labelledby', 'aria-label', 'label', 'title', 'placeholder', 'none']),
  axName: nstr, visibleLabel: z.boolean(), visibleLabelText: str,
  visibleLabelHow: z.enum(['label', 'aria-labelledby', 'adjacent-text']).nullable(),
  labelHidden: z.boolean(), placeholder: nstr, firstOptionText: nstr,
  required: z.boolean(), ariaRequired: z.boolean(), ariaInvalid: nstr,
  describedBy: z.array(tiedText), errorMessage: tiedText.nullable(), group: nstr,
  constraints: z.array(str), valid: z.boolean(), validationMessage: str, formPath: nstr,
  appearance: fieldAppearance, baseline: fieldAppearance.omit({ focused: true }).nullable(),
  markClasses: z.array(str), userInvalid: z.boolean(), errorTexts: z.array(str), errorTied: z.boolean(), snippet: str,
});
export const formSemanticsSchema = z.looseObject({
  url: str, title: str, lang: nstr,
  controls: z.array(formControl),
  hiddenControls: z.number(),
  truncated: z.boolean(),
  forms: z.array(z.looseObject({
    domPath: str, action: str, method: str, noValidate: z.boolean(), constrainedControls: z.number(), invalidNow: z.number(), userInvalid: z.number(), validationMessages: z.array(str),
  })),
  errors: z.array(z.looseObject({
    domPath: str, text: str, color: str, redish: z.boolean(), why: z.array(str), repeats: z.number(), nonColourCues: z.array(str),
    control: nstr, tied: z.boolean(), inLiveRegion: z.boolean(), snippet: str,
  })),
  summary: z.looseObject({
    domPath: str, text: str, role: nstr, live: nstr, focused: z.boolean(), links: z.array(z.looseObject({ href: str, text: str, target: nstr })), snippet: str,
  }).nullable(),
  activeElement: z.looseObject({ domPath: str, tag: str, role: nstr, name: str, inSummary: z.boolean() }).nullable(),
  liveRegions: z.array(liveRegion),
  titleMentionsError: z.boolean(),
  axSource: z.enum(['cdp', 'dom']),
});

export const captchaSchema = z.looseObject({
  url: str,
  captchas: z.array(z.looseObject({
    kind: z.enum(['image', 'canvas', 'svg', 'widget', 'css-background']), widget: nstr, domPath: str, alt: nstr, name: str, src: nstr, why: z.array(str),
    input: z.looseObject({ domPath: str, name: str, label: str }).nullable(),
    alternatives: z.array(z.looseObject({ kind: z.enum(['audio-element', 'audio-link', 'other-way-link']), text: str, domPath: str, href: nstr })),
    snippet: str,
  })),
  textChallenges: z.array(z.looseObject({ domPath: str, label: str })),
});

export const cameraStepSchema = z.looseObject({
  url: str,
  videos: z.array(z.looseObject({ domPath: str, name: str, liveStream: z.boolean(), hasSrc: z.boolean(), controls: z.boolean(), snippet: str })),
  fileInputs: z.array(z.looseObject({ domPath: str, name: str, accept: str, capture: nstr, required: z.boolean() })),
  controls: z.array(z.looseObject({ domPath: str, role: str, name: str })),
  scriptMentionsGetUserMedia: z.boolean(),
  guidance: z.array(liveRegion),
  links: z.array(z.looseObject({ domPath: str, role: z.enum(['link', 'button']), text: str, href: nstr })),
});

const segmentKind = z.enum(['title', 'heading', 'paragraph', 'label', 'button', 'link', 'error', 'attribute', 'other']);
const segmentSource = z.enum(['text', 'placeholder', 'aria-label', 'value', 'alt', 'title']);
export const languageSchema = z.looseObject({
  schema: z.literal('portico.probe.language/1'),
  locale: str, targetLocales: z.array(str), url: str, htmlLang: nstr, htmlDir: nstr,
  direction: z.looseObject({ html: str, body: nstr, main: nstr }),
  mainDir: nstr, title: str,
  segments: z.array(z.looseObject({
    text: str, full: str.optional(), tag: str, domPath: str, lang: str, langFrom: str.optional(), kind: segmentKind, source: segmentSource, inMain: z.boolean(), visuallyHidden: z.boolean().optional(),
  })),
  totalSegments: z.number(),
  truncated: z.boolean(),
  catalogue: z.looseObject({
    available: z.boolean(),
    untranslated: z.array(z.looseObject({
      domPath: str, tag: str, kind: segmentKind, source: segmentSource, lang: str, inMain: z.boolean(), text: str, keys: z.array(str), english: str, expected: nstr, template: z.boolean().optional(),
    })),
    translatedMatches: z.number(),
    englishMatches: z.number(),
  }),
  summary: z.array(str),
});

const layoutIssue = z.looseObject({
  kind: z.enum(['clipped', 'off-screen', 'overlap']), domPath: str, tag: str, text: str, snippet: str, rect,
  box: z.looseObject({ clientWidth: z.number(), scrollWidth: z.number(), clientHeight: z.number(), scrollHeight: z.number(), overflowX: str, overflowY: str, textOverflow: str }).optional(),
  other: z.looseObject({ domPath: str, tag: str, text: str }).optional(),
  reason: str.optional(),
});
const layoutMeasure = z.looseObject({
  viewport: sizeDpr,
  document: z.looseObject({ clientWidth: z.number(), scrollWidth: z.number(), scrollHeight: z.number(), direction: str, clipsX: z.boolean() }),
  horizontalOverflow: z.number(),
  clipped: z.array(layoutIssue), offScreen: z.array(layoutIssue), overlaps: z.array(layoutIssue), exempt: z.array(layoutIssue),
  counts: z.looseObject({ clipped: z.number(), offScreen: z.number(), overlaps: z.number(), exempt: z.number(), elements: z.number(), textElements: z.number() }),
});
const clipsAndOverlaps = z.looseObject({ clipped: z.number(), overlaps: z.number() });

export const reflowSchema = z.looseObject({
  schema: z.literal('portico.probe.reflow/1'),
  original: size, tested: size, restored: z.boolean(), restoredTo: size,
  baseline: z.looseObject({ horizontalOverflow: z.number(), clipped: z.number(), offScreen: z.number() }),
  narrow: layoutMeasure,
  newlyClipped: z.array(layoutIssue),
  summary: z.array(str),
});

export const textResizeSchema = z.looseObject({
  schema: z.literal('portico.probe.text-resize/1'),
  method: z.enum(['cdp-device-metrics', 'viewport-only']),
  original: sizeDpr, zoomed: sizeDpr, factor: z.number(), restored: z.boolean(), restoredTo: sizeDpr,
  baseline: clipsAndOverlaps,
  atZoom: layoutMeasure,
  newlyClipped: z.array(layoutIssue),
  newOverlaps: z.array(layoutIssue),
  summary: z.array(str),
});

export const textSpacingSchema = z.looseObject({
  schema: z.literal('portico.probe.text-spacing/1'),
  css: str, applied: z.boolean(), restored: z.boolean(),
  baseline: clipsAndOverlaps,
  spaced: layoutMeasure,
  newlyClipped: z.array(layoutIssue),
  newOverlaps: z.array(layoutIssue),
  summary: z.array(str),
});

const forcedControl = z.looseObject({ domPath: str, tag: str, name: str, snippet: str });
const forcedIcon = forcedControl.extend({ kind: z.enum(['svg', 'background-image', 'img']), normalContrast: z.number().nullable(), forcedContrast: z.number().nullable() });
export const forcedColorsSchema = z.looseObject({
  schema: z.literal('portico.probe.forced-colors/1'),
  active: z.boolean(), alreadyForced: z.boolean(), restored: z.boolean(),
  checked: z.looseObject({ controls: z.number(), icons: z.number(), adjustNone: z.number(), focusStops: z.number() }),
  lostBoundary: z.array(forcedControl),
  vanishedIcons: z.array(forcedIcon),
  unknownIcons: z.array(forcedIcon),
  adjustNoneLowContrast: z.array(forcedControl.extend({ contrast: z.number(), color: str, background: str })),
  lostFocus: z.array(forcedControl.extend({ normal: str, forced: str })),
});

export const PROBE_SCHEMAS = {
  transcript: transcriptSchema,
  'form-semantics': formSemanticsSchema,
  captcha: captchaSchema,
  'camera-step': cameraStepSchema,
  language: languageSchema,
  reflow: reflowSchema,
  'text-resize': textResizeSchema,
  'text-spacing': textSpacingSchema,
  'forced-colors': forcedColorsSchema,
};
