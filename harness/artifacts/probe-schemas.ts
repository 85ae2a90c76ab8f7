/**
 * Schemas of the artifacts of the screen-reader, language and layout probes (harness/gatherers/probes:
 * transcript, form-semantics, captcha, camera-step, language, reflow, text-resize, text-spacing,
 * forced-colors), spread into ARTIFACT_SCHEMAS: an artifact read back from disk that does not match
 * gives its audits an `error` verdict naming the file and the field, never a pass. Loose objects:
 * fields a gatherer adds later are kept. The probes' artifact types are inferred from these
 * (ArtifactOf<K>), so the field docs live here.
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
  /** Playwright's ARIA snapshot of <body>: what a screen reader reads, in order. Bounded. */
  ariaSnapshot: str,
  ariaSnapshotTruncated: z.boolean(),
  headings: z.array(z.looseObject({
    level: z.number(), text: str, domPath: nstr,
    /** Inside the main landmark. */
    inMain: z.boolean(),
  })),
  landmarks: z.array(z.looseObject({ role: str, name: str, domPath: nstr })),
  /** The focused element now; null when focus is on the document body. */
  focused: z.looseObject({ role: str, name: str, tag: str, domPath: nstr, inMain: z.boolean() }).nullable(),
  liveRegions: z.array(z.looseObject({
    /** Explicit or implicit role (alert, status, log, …), null for a bare aria-live. */
    role: nstr,
    /** polite | assertive (role=alert implies assertive, status/log polite). */
    live: str,
    atomic: z.boolean(), text: str, domPath: str,
  })),
  /** Where roles/names came from: the browser's accessibility tree, or a DOM approximation. */
  source: z.enum(['cdp', 'dom']),
  /** Number of nodes in the accessibility tree that are not ignored (0 when source is dom). */
  axNodeCount: z.number(),
  /** What a screen reader says, phrase by phrase, reading the page from top to bottom ("heading, Create your account, level 1"). */
  spoken: z.array(str),
  /** Who spoke: Guidepup's Virtual Screen Reader over the live DOM, or phrases built from Chromium's accessibility tree when it could not run. */
  spokenBy: z.enum(['virtual-screen-reader', 'accessibility-tree', 'none']),
  spokenTruncated: z.boolean(),
  notes: z.array(str),
});

const fieldAppearance = z.looseObject({ border: z.array(str), label: nstr, group: nstr, focused: z.boolean() });
const tiedText = z.looseObject({ id: str, text: str, found: z.boolean() });
const formControl = z.looseObject({
  domPath: str, tag: str, type: nstr, id: nstr, nameAttr: nstr,
  /** Role as the browser exposes it (CDP), else implicit from the tag. */
  role: str,
  /** Accessible name: the browser's (CDP) when available, else the DOM computation. */
  name: str,
  /** Where the name comes from (DOM computation following accname's precedence). */
  nameSource: z.enum(['aria-labelledby', 'aria-label', 'label', 'title', 'placeholder', 'none']),
  /** The browser's computed name (CDP), null when CDP was unavailable. */
  axName: nstr,
  /** A label the sighted user can see while typing: a visible <label>, visible aria-labelledby text, or adjacent visible text equal to the name. */
  visibleLabel: z.boolean(),
  visibleLabelText: str,
  /** How the visible label was found. */
  visibleLabelHow: z.enum(['label', 'aria-labelledby', 'adjacent-text']).nullable(),
  /** A programmatic <label> exists but is visually hidden (sr-only). */
  labelHidden: z.boolean(),
  /** Natively disabled (cannot be operated, not a field the person fills); absent in older artifacts. */
  disabled: z.boolean().optional(),
  placeholder: nstr,
  /** <select> whose first, empty-valued option stands in for a label. */
  firstOptionText: nstr,
  required: z.boolean(), ariaRequired: z.boolean(), ariaInvalid: nstr,
  describedBy: z.array(tiedText), errorMessage: tiedText.nullable(),
  /** Legend of the enclosing fieldset / role=group name, when there is one. */
  group: nstr,
  /** Native constraints the browser would enforce: required, pattern, type=email … */
  constraints: z.array(str),
  valid: z.boolean(), validationMessage: str, formPath: nstr,
  /** The field's error-looking appearance as seen now: its border colours (top right bottom left), the colour of its label text and of its group's border. */
  appearance: fieldAppearance,
  /** The same field with every error/invalid class, aria-invalid and inline style removed (a pristine clone under the page's own CSS): the page's normal field styling. Null when it could not be measured. */
  baseline: fieldAppearance.omit({ focused: true }).nullable(),
  /** Class tokens naming an error (error / invalid) on the field, its label or its group. */
  markClasses: z.array(str),
  /** The browser flags the field :user-invalid (a submit was stopped, or the person left it invalid). */
  userInvalid: z.boolean(),
  /** Visible error-like text for this field (tied or nearby), before the audit sets hints apart. */
  errorTexts: z.array(str),
  /** Old artifacts only: the probe's own verdict that an error was tied. Never read: the audits judge ties from the errors' `tied` and `control`, the name and the described-by texts (audits/wcag/form-errors.ts errorTied). */
  errorTied: z.boolean().optional(),
  snippet: str,
});
export const formSemanticsSchema = z.looseObject({
  url: str, title: str, lang: nstr,
  controls: z.array(formControl),
  /** Controls skipped because hidden from everyone (display:none, hidden, aria-hidden, type=hidden). */
  hiddenControls: z.number(),
  truncated: z.boolean(),
  forms: z.array(z.looseObject({
    domPath: str, action: str, method: str, noValidate: z.boolean(),
    /** Controls with native constraints (required, pattern, type=email/url/number with limits, minlength). */
    constrainedControls: z.number(),
    /** Controls currently failing native validation (without firing invalid events). */
    invalidNow: z.number(),
    /** Controls the browser flags :user-invalid — after a submit it stopped, the fields its bubble complains about. */
    userInvalid: z.number(),
    validationMessages: z.array(str),
  })),
  errors: z.array(z.looseObject({
    domPath: str, text: str,
    /** Its computed text colour (CSS rgb()/rgba()): the audits judge whether it is red (error-cues.ts isRedColour). */
    color: str,
    /** Old artifacts only: the probe's verdict that `color` is red — the same test the audits apply to `color`. */
    redish: z.boolean().optional(),
    /** Why this element was taken for an error (what made the probe record it): class/id, red text, errormessage target, prefix. */
    why: z.array(str),
    /** How many error-like elements on the page carry exactly this text (a hint repeated beside every field). */
    repeats: z.number(),
    /** Non-colour cues: "prefix:<text>", "icon", "bold", "underline". */
    nonColourCues: z.array(str),
    /** The control it belongs to (tied or nearest), null for a general error. */
    control: nstr,
    /** Tied programmatically (describedby / errormessage / inside the label). */
    tied: z.boolean(),
    inLiveRegion: z.boolean(), snippet: str,
  })),
  summary: z.looseObject({
    domPath: str, text: str, role: nstr, live: nstr, focused: z.boolean(), links: z.array(z.looseObject({ href: str, text: str, target: nstr })), snippet: str,
  }).nullable(),
  activeElement: z.looseObject({ domPath: str, tag: str, role: nstr, name: str, inSummary: z.boolean() }).nullable(),
  liveRegions: z.array(liveRegion),
  /** Old artifacts only: the title starts with an error word — now judged from `title` (audits/wcag/form-errors.ts titleMentionsError). */
  titleMentionsError: z.boolean().optional(),
  axSource: z.enum(['cdp', 'dom']),
});

export const captchaSchema = z.looseObject({
  url: str,
  captchas: z.array(z.looseObject({
    kind: z.enum(['image', 'canvas', 'svg', 'widget', 'css-background']),
    /** reCAPTCHA / hCaptcha / Turnstile for third-party widgets (they carry their own audio/accessibility modes). */
    widget: nstr,
    domPath: str, alt: nstr,
    /** Accessible name approximation: aria-label / aria-labelledby / alt / title. */
    name: str,
    src: nstr,
    /** Why it was taken for a CAPTCHA. */
    why: z.array(str),
    /** The text input the answer goes into, when found. */
    input: z.looseObject({ domPath: str, name: str, label: str }).nullable(),
    alternatives: z.array(z.looseObject({
      kind: z.enum(['audio-element', 'audio-link', 'other-way-link']), text: str, domPath: str, href: nstr,
      /** Inside aria-hidden="true": drawn, but gone from the accessibility tree (absent in older artifacts). */
      ariaHidden: z.boolean().optional(),
    })),
    snippet: str,
  })),
  /** A text/logic question that asks for no image (not a barrier to a screen reader). */
  textChallenges: z.array(z.looseObject({ domPath: str, label: str })),
});

export const cameraStepSchema = z.looseObject({
  url: str,
  /** Every <video>: a live MediaStream attached, a src/source (a recording), player controls. */
  videos: z.array(z.looseObject({ domPath: str, name: str, liveStream: z.boolean(), hasSrc: z.boolean(), controls: z.boolean(), snippet: str })),
  /** Every visible file input: what it accepts, its capture attribute (null when absent: the person may pick a file). */
  fileInputs: z.array(z.looseObject({ domPath: str, name: str, accept: str, capture: nstr, required: z.boolean() })),
  /** Buttons in the area of the first source-less video (the capture control). */
  controls: z.array(z.looseObject({ domPath: str, role: str, name: str })),
  /** An inline script mentions getUserMedia (supporting evidence only: a feature check is not a capture step). */
  scriptMentionsGetUserMedia: z.boolean(),
  /** Live regions a screen reader hears (framing, progress, result). */
  guidance: z.array(liveRegion),
  /** Visible links and buttons with their text and target, for the audit to find a way around the photo. */
  links: z.array(z.looseObject({ domPath: str, role: z.enum(['link', 'button']), text: str, href: nstr })),
});

const segmentKind = z.enum(['title', 'heading', 'paragraph', 'label', 'button', 'link', 'error', 'attribute', 'other']);
const segmentSource = z.enum(['text', 'placeholder', 'aria-label', 'value', 'alt', 'title']);
const catalogueEvidence = z.looseObject({
  available: z.boolean(),
  /** Visible strings that are an English catalogue value left untranslated in this locale. */
  untranslated: z.array(z.looseObject({
    domPath: str, tag: str, kind: segmentKind, source: segmentSource, lang: str, inMain: z.boolean(),
    /** The text as shown. */
    text: str,
    /** Catalogue keys whose English value this text is (exactly, or as a filled-in template). */
    keys: z.array(str),
    english: str,
    /** The locale's value for the first key (null when the locale lacks the key). */
    expected: nstr,
    template: z.boolean().optional(),
  })),
  /** How many visible strings are this locale's own translations (evidence of a translated page). */
  translatedMatches: z.number(),
  /** How many visible strings are English catalogue values that differ in this locale. */
  englishMatches: z.number(),
});
export const languageSchema = z.looseObject({
  schema: z.literal('portico.probe.language/1'),
  /** The persona's locale, as given to the probe. */
  locale: str,
  /** The target's languages, as given to the probe. */
  targetLocales: z.array(str),
  url: str, htmlLang: nstr, htmlDir: nstr,
  /** Computed `direction` of html, body and main (main absent → null). */
  direction: z.looseObject({ html: str, body: nstr, main: nstr }),
  mainDir: nstr, title: str,
  segments: z.array(z.looseObject({
    /** The element's own text (its direct text nodes), normalised, at most 300 characters. */
    text: str,
    /** The whole text of a block element (p, li, h1…, label, button…) when it differs from `text`. */
    full: str.optional(),
    tag: str, domPath: str,
    /** Effective language: the closest lang attribute ('' when none, not even on <html>). */
    lang: str,
    /** The element carrying that lang attribute (undefined when none). */
    langFrom: str.optional(),
    kind: segmentKind,
    /** Where the text comes from: the element's text, or an attribute the person meets. */
    source: segmentSource,
    inMain: z.boolean(),
    /** Text a screen reader reads but that is not visible (visually-hidden pattern). */
    visuallyHidden: z.boolean().optional(),
  })),
  /** Segments found before the caps (segments / characters) were applied. */
  totalSegments: z.number(),
  truncated: z.boolean(),
  /**
   * The target's message catalogues for the persona's locale and for English (whichever of the two
   * it has), flattened key → text; absent when the target has none. The audits match the segments
   * against them (audits/i18n/catalogue-evidence.ts).
   */
  catalogues: z.record(str, z.record(str, str)).optional(),
  /** Catalogue evidence as the probe matched it before it recorded `catalogues` (older artifacts only). */
  catalogue: catalogueEvidence.optional(),
  summary: z.array(str),
});

const layoutIssue = z.looseObject({
  kind: z.enum(['clipped', 'off-screen', 'overlap']),
  /** Canonical path (html>body:nth-of-type(1)>…), the same form the engines' findings are keyed by. */
  domPath: str,
  tag: str,
  /** Visible text of the element, normalised and cut to ~120 characters. */
  text: str,
  /** Outer HTML start tag, cut to ~160 characters. */
  snippet: str,
  rect,
  /** For clipped: the box and how much its content needs. */
  box: z.looseObject({ clientWidth: z.number(), scrollWidth: z.number(), clientHeight: z.number(), scrollHeight: z.number(), overflowX: str, overflowY: str, textOverflow: str }).optional(),
  /** For overlap: the other text element. */
  other: z.looseObject({ domPath: str, tag: str, text: str }).optional(),
  /** For exempted elements: why they were not judged. */
  reason: str.optional(),
});
const layoutMeasure = z.looseObject({
  viewport: sizeDpr,
  /** The document's layout width (documentElement.clientWidth) and scroll extent. */
  document: z.looseObject({
    clientWidth: z.number(), scrollWidth: z.number(), scrollHeight: z.number(), direction: str,
    /** html/body hide horizontal overflow: what sticks out cannot be scrolled to at all. */
    clipsX: z.boolean(),
  }),
  /** scrollWidth − clientWidth, in CSS px (0 when the page does not scroll sideways). */
  horizontalOverflow: z.number(),
  clipped: z.array(layoutIssue), offScreen: z.array(layoutIssue), overlaps: z.array(layoutIssue), exempt: z.array(layoutIssue),
  /** Counts before the lists were capped. */
  counts: z.looseObject({ clipped: z.number(), offScreen: z.number(), overlaps: z.number(), exempt: z.number(), elements: z.number(), textElements: z.number() }),
});
const clipsAndOverlaps = z.looseObject({ clipped: z.number(), overlaps: z.number() });

export const reflowSchema = z.looseObject({
  schema: z.literal('portico.probe.reflow/1'),
  /** The viewport before the probe. */
  original: size,
  tested: size,
  restored: z.boolean(),
  /** The viewport after the probe put it back. */
  restoredTo: size,
  /** The page at its own width (for comparison: what was already clipped is not a reflow effect). */
  baseline: z.looseObject({ horizontalOverflow: z.number(), clipped: z.number(), offScreen: z.number() }),
  /** The page at 320 CSS px. */
  narrow: layoutMeasure,
  /** Clipped at 320 px and not at the original width. */
  newlyClipped: z.array(layoutIssue),
  /** Human-readable account of what was measured (evidence). */
  summary: z.array(str),
});

export const textResizeSchema = z.looseObject({
  schema: z.literal('portico.probe.text-resize/1'),
  method: z.enum(['cdp-device-metrics', 'viewport-only']),
  original: sizeDpr, zoomed: sizeDpr,
  /** Effective zoom applied to the layout (2 unless the window was narrower than 640 px). */
  factor: z.number(),
  restored: z.boolean(), restoredTo: sizeDpr,
  baseline: clipsAndOverlaps,
  atZoom: layoutMeasure,
  /** Text clipped at 200% that was not clipped at 100%. */
  newlyClipped: z.array(layoutIssue),
  /** Text overlapping other text at 200% that did not at 100%. */
  newOverlaps: z.array(layoutIssue),
  summary: z.array(str),
});

export const textSpacingSchema = z.looseObject({
  schema: z.literal('portico.probe.text-spacing/1'),
  css: str,
  /** Whether the style took effect (a Content-Security-Policy can block injected styles). */
  applied: z.boolean(),
  /** Whether the injected style was removed and the page's own spacing is back. */
  restored: z.boolean(),
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
  /** matchMedia('(forced-colors: active)') once emulated: false means the emulation did not apply. */
  active: z.boolean(),
  /** Whether the page was already in forced colours (then nothing was compared). */
  alreadyForced: z.boolean(),
  restored: z.boolean(),
  checked: z.looseObject({ controls: z.number(), icons: z.number(), adjustNone: z.number(), focusStops: z.number() }),
  lostBoundary: z.array(forcedControl),
  vanishedIcons: z.array(forcedIcon),
  /** Icons whose pixels could not be read (cross-origin): neither kept nor lost. */
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
