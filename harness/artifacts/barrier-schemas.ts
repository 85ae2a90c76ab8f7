/**
 * Schemas of the artifacts of the barrier probes (harness/gatherers/probes: new-window, motion, label-in-name, target-size, focus-order, page-text,
 * dragging, authentication, help-mechanisms), spread into ARTIFACT_SCHEMAS: an artifact read back from disk that does not match gives its
 * audits an `error` verdict, never a pass. The probes' artifact types are inferred from these (ArtifactOf<K>), so the field docs live here.
 */
import { z } from 'zod';

export const newWindowSchema = z.looseObject({
  schema: z.literal('portico.probe.new-window/1'),
  /** How many links the page has at all (so "none open a new window" is a checked fact). */
  linkCount: z.number(),
  links: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), href: z.string(), target: z.string(),
    /** Text content (visible and visually hidden), whitespace collapsed. */
    text: z.string(),
    /** aria-labelledby texts, else aria-label ('' when neither). */
    ariaName: z.string(),
    /** aria-describedby texts and the title attribute. */
    description: z.string(),
    /** Names of icons inside: img alt, svg <title>/aria-label, [role=img] aria-label. */
    iconNames: z.array(z.string()),
    visible: z.boolean(), snippet: z.string(),
  })),
});

export const motionSchema = z.looseObject({
  schema: z.literal('portico.probe.motion/1'),
  observedMs: z.number(),
  /** Whether the page asked for reduced motion (the persona's emulation). */
  reducedMotion: z.boolean(),
  media: z.array(z.looseObject({
    domPath: z.string(), tag: z.enum(['audio', 'video']), autoplay: z.boolean(), loop: z.boolean(), controls: z.boolean(), muted: z.boolean(), volume: z.number(),
    /** Seconds; null when unknown or unbounded (a stream). */
    duration: z.number().nullable(),
    /** A MediaStream (camera, screen): a live capture, not recorded media. */
    live: z.boolean(),
    /** Whether the media has an audio track (Chromium decoded audio bytes, Firefox mozHasAudio); null = cannot tell. */
    hasAudio: z.boolean().nullable(),
    /** Playing at the end of the window. */
    playing: z.boolean(),
    /** How far it advanced during the window (seconds). */
    advanced: z.number(),
    /** Asked to autoplay, loaded, and held paused at 0 s: the browser's autoplay policy blocked it (it plays where the policy allows, e.g. after a click on the site). */
    autoplayBlocked: z.boolean(),
    visible: z.boolean(), snippet: z.string(),
  })),
  animations: z.array(z.looseObject({
    domPath: z.string(), kind: z.string(), name: z.string(),
    /** One iteration, ms (null when not a number). */
    durationMs: z.number().nullable(),
    infinite: z.boolean(),
    /** Total active time, ms (null when infinite). */
    totalMs: z.number().nullable(),
    /** Area of the animated element, CSS px². */
    area: z.number(),
    /** Inside a progressbar / status / aria-busy region: a loading indicator. */
    progressIndicator: z.boolean(),
    snippet: z.string(),
  })),
  marquees: z.array(z.looseObject({ domPath: z.string(), text: z.string(), snippet: z.string() })),
  changes: z.array(z.looseObject({ domPath: z.string(), changes: z.number(), inLiveRegion: z.boolean(), text: z.string(), snippet: z.string() })),
  /** Accessible-name-ish text of visible buttons and button-like controls (capped). */
  controls: z.array(z.string()),
});

export const labelInNameSchema = z.looseObject({
  schema: z.literal('portico.probe.label-in-name/1'),
  source: z.enum(['cdp', 'none']),
  checked: z.number(),
  controls: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(),
    /** The role Chromium gives it. */
    role: z.string(),
    /** Where the visible label comes from: the control's own text, or its <label>. */
    labelFrom: z.enum(['content', 'label']),
    visibleLabel: z.string(), accessibleName: z.string(),
    /** Where Chromium took the name from (aria-labelledby, aria-label, contents, label, title…), when it says. */
    nameFrom: z.string().nullable(),
    snippet: z.string(),
  })),
});

const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export const targetSizeSchema = z.looseObject({
  schema: z.literal('portico.probe.target-size/1'),
  viewport: z.object({ width: z.number(), height: z.number() }),
  targets: z.number(),
  small: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), role: z.string(), name: z.string(), box, inline: z.boolean(), uaDefault: z.boolean(),
    /** Other targets whose boxes come within 24 px of this one. */
    neighbours: z.array(z.looseObject({ domPath: z.string(), box, small: z.boolean() })),
    snippet: z.string(),
  })),
});

export const focusOrderSchema = z.looseObject({
  schema: z.literal('portico.probe.focus-order/1'),
  /** The page's direction (reading order runs right to left in rtl). */
  dir: z.enum(['ltr', 'rtl']),
  positiveTabindex: z.number(),
  /** Stops in sequential navigation order. */
  stops: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), name: z.string(), tabindex: z.number(),
    /** Position in DOM order among the focusables (0-based). */
    domIndex: z.number(),
    box, snippet: z.string(),
  })),
});

const textItem = z.looseObject({ domPath: z.string(), tag: z.string(), text: z.string() });
export const pageTextSchema = z.looseObject({
  schema: z.literal('portico.probe.page-text/1'),
  lang: z.string(),
  headings: z.array(textItem.extend({ level: z.number() })),
  /** <label>, <legend> and aria-labelledby targets' visible texts of form fields. */
  labels: z.array(textItem),
  /** Visible texts of buttons and links. */
  controls: z.array(textItem),
  sentences: z.array(textItem),
});

export const draggingSchema = z.looseObject({
  schema: z.literal('portico.probe.dragging/1'),
  /** False when the listeners could not be read over CDP: only `draggable` and `role=slider` were seen. */
  listenersRead: z.boolean(),
  nativeRanges: z.number(),
  widgets: z.array(z.looseObject({
    /** The list holding sortable items, or the dragged control itself. */
    domPath: z.string(),
    kind: z.enum(['sortable', 'slider', 'draggable']),
    /** What says it is dragged: `draggable`, `listener:pointerdown@self|parent|grandparent`, `cursor:grab`, `touch-action:none`, `role=slider`. */
    how: z.array(z.string()),
    /** Dragged items in the widget (1 for a slider or a lone draggable). */
    items: z.number(),
    name: z.string(), snippet: z.string(),
    /** Single-pointer controls in the widget or next to it (the item's parent's parent). */
    controls: z.array(z.looseObject({
      domPath: z.string(), tag: z.string(), role: z.string(), type: z.string(), name: z.string(),
      /** Inside the dragged item itself (a "Move up" button in a list item). */
      inItem: z.boolean(),
    })),
    /** Listeners a click on the slider's track would reach (`click@parent`, `pointerdown@parent`…). */
    track: z.array(z.string()),
    keyboard: z.boolean(),
  })),
});

export const authenticationSchema = z.looseObject({
  schema: z.literal('portico.probe.authentication/1'),
  /** Why the page looks like a sign-in or sign-up step (empty when it does not). */
  authSignals: z.array(z.string()),
  fields: z.array(z.looseObject({
    domPath: z.string(), kind: z.enum(['password', 'one-time-code', 'code-boxes']), autocomplete: z.string(), label: z.string(),
    /** Boxes in a split code (1 otherwise). */
    boxes: z.number(),
    /** The page cancelled a paste event at the field. */
    pasteBlocked: z.boolean(),
    /** The page cancelled Ctrl/⌘+V. */
    shortcutBlocked: z.boolean(),
    /** The page's paste handler filled the field(s) itself (code boxes that spread the pasted digits). */
    pasteHandled: z.boolean(),
    snippet: z.string(),
  })),
});

export const helpMechanismsSchema = z.looseObject({
  schema: z.literal('portico.probe.help-mechanisms/1'),
  lang: z.string(),
  items: z.array(z.looseObject({
    kind: z.enum(['link', 'button', 'tel', 'mailto', 'frame', 'text']), name: z.string(),
    /** Path of a same-site link, the number or address of tel:/mailto:, the host of a frame. */
    ref: z.string(),
    region: z.enum(['header', 'nav', 'main', 'aside', 'footer', 'other']), domPath: z.string(),
  })),
});

const dialogFocused = z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string() });
export const dialogFocusSchema = z.looseObject({
  schema: z.literal('portico.probe.dialog-focus/1'),
  /** Closed dialogs in the page when the probe started. */
  closedDialogs: z.number(),
  trials: z.array(z.looseObject({
    /** The control pressed. */
    opener: z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string(), snippet: z.string() }),
    /** Whether pressing Enter on it opened a modal dialog. */
    opened: z.boolean(),
    dialog: z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string(), native: z.boolean() }).optional(),
    /** The element focused once the dialog was open (null: the document). */
    focusOnOpen: z.string().nullable().optional(),
    focusInsideOnOpen: z.boolean().optional(),
    /** Whether Escape closed the dialog. */
    closedWithEscape: z.boolean().optional(),
    /** The element focused after the dialog closed (null: the document body / nothing). */
    focusAfterClose: dialogFocused.nullable().optional(),
    /** Whether the opener is still in the page, visible, after the dialog closed. */
    openerPresent: z.boolean().optional(),
    /** The page left its URL (other than its fragment) while the probe ran: later controls were not tried, and the probe went back. */
    navigated: z.boolean().optional(),
  })),
});

export const imageTextSchema = z.looseObject({
  schema: z.literal('portico.probe.image-text/1'),
  source: z.enum(['cdp', 'none']),
  /** The OCR reader and model the words were read with. */
  ocr: z.string(),
  /** Rendered pictures with an accessible name (img, svg, canvas, input type=image, role=img), capped. */
  images: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(),
    /** The role Chromium gives it. */
    role: z.string(),
    accessibleName: z.string(),
    width: z.number(), height: z.number(),
    /** It is a control or a control's content (input type=image; inside a link or button): its name may say what it does rather than what it shows. */
    inControl: z.boolean(),
    /** The words OCR read in the picture as rendered (captured at twice its size), with Tesseract's confidence 0–100. */
    words: z.array(z.looseObject({ text: z.string(), confidence: z.number() })),
    snippet: z.string(),
  })),
});

export const phoneWidthContrastSchema = z.looseObject({
  schema: z.literal('portico.probe.phone-width-contrast/1'),
  /** The width (CSS px) the page was laid out at; null when the window has no viewport to narrow. */
  width: z.number().nullable(),
  /** Text axe's color-contrast rule failed at that width, with axe's own summary (the ratio it measured). */
  failing: z.array(z.looseObject({ domPath: z.string().nullable(), html: z.string(), summary: z.string() })),
  note: z.string().optional(),
});

export const BARRIER_SCHEMAS = {
  'image-text': imageTextSchema,
  'phone-width-contrast': phoneWidthContrastSchema,
  'help-mechanisms': helpMechanismsSchema,
  authentication: authenticationSchema,
  dragging: draggingSchema,
  'new-window': newWindowSchema,
  motion: motionSchema,
  'label-in-name': labelInNameSchema,
  'target-size': targetSizeSchema,
  'focus-order': focusOrderSchema,
  'page-text': pageTextSchema,
  'dialog-focus': dialogFocusSchema,
};
