/**
 * Schemas of the artifacts of the barrier probes (harness/gatherers/probes: new-window, motion, label-in-name, target-size, focus-order, page-text),
 * spread into ARTIFACT_SCHEMAS: an artifact read back from disk that does not match gives its
 * audits an `error` verdict, never a pass.
 */
import { z } from 'zod';

export const newWindowSchema = z.looseObject({
  schema: z.literal('portico.probe.new-window/1'),
  linkCount: z.number(),
  links: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), href: z.string(), target: z.string(), text: z.string(), ariaName: z.string(),
    description: z.string(), iconNames: z.array(z.string()), visible: z.boolean(), snippet: z.string(),
  })),
});

export const motionSchema = z.looseObject({
  schema: z.literal('portico.probe.motion/1'),
  observedMs: z.number(),
  reducedMotion: z.boolean(),
  media: z.array(z.looseObject({
    domPath: z.string(), tag: z.enum(['audio', 'video']), autoplay: z.boolean(), loop: z.boolean(), controls: z.boolean(), muted: z.boolean(), volume: z.number(),
    duration: z.number().nullable(), live: z.boolean(), hasAudio: z.boolean().nullable(), playing: z.boolean(), advanced: z.number(), autoplayBlocked: z.boolean(), visible: z.boolean(), snippet: z.string(),
  })),
  animations: z.array(z.looseObject({
    domPath: z.string(), kind: z.string(), name: z.string(), durationMs: z.number().nullable(), infinite: z.boolean(), totalMs: z.number().nullable(), area: z.number(), progressIndicator: z.boolean(), snippet: z.string(),
  })),
  marquees: z.array(z.looseObject({ domPath: z.string(), text: z.string(), snippet: z.string() })),
  changes: z.array(z.looseObject({ domPath: z.string(), changes: z.number(), inLiveRegion: z.boolean(), text: z.string(), snippet: z.string() })),
  controls: z.array(z.string()),
});

export const labelInNameSchema = z.looseObject({
  schema: z.literal('portico.probe.label-in-name/1'),
  source: z.enum(['cdp', 'none']),
  checked: z.number(),
  controls: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), role: z.string(), labelFrom: z.enum(['content', 'label']), visibleLabel: z.string(), accessibleName: z.string(), nameFrom: z.string().nullable(), snippet: z.string(),
  })),
});

const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export const targetSizeSchema = z.looseObject({
  schema: z.literal('portico.probe.target-size/1'),
  viewport: z.object({ width: z.number(), height: z.number() }),
  targets: z.number(),
  small: z.array(z.looseObject({
    domPath: z.string(), tag: z.string(), role: z.string(), name: z.string(), box, inline: z.boolean(), uaDefault: z.boolean(),
    neighbours: z.array(z.looseObject({ domPath: z.string(), box, small: z.boolean() })), snippet: z.string(),
  })),
});

export const focusOrderSchema = z.looseObject({
  schema: z.literal('portico.probe.focus-order/1'),
  dir: z.enum(['ltr', 'rtl']),
  positiveTabindex: z.number(),
  stops: z.array(z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string(), tabindex: z.number(), domIndex: z.number(), box, snippet: z.string() })),
});

const textItem = z.looseObject({ domPath: z.string(), tag: z.string(), text: z.string() });
export const pageTextSchema = z.looseObject({
  schema: z.literal('portico.probe.page-text/1'),
  lang: z.string(),
  headings: z.array(textItem.extend({ level: z.number() })),
  labels: z.array(textItem),
  controls: z.array(textItem),
  sentences: z.array(textItem),
});

export const draggingSchema = z.looseObject({
  schema: z.literal('portico.probe.dragging/1'),
  listenersRead: z.boolean(),
  nativeRanges: z.number(),
  widgets: z.array(z.looseObject({
    domPath: z.string(), kind: z.enum(['sortable', 'slider', 'draggable']), how: z.array(z.string()), items: z.number(), name: z.string(), snippet: z.string(),
    controls: z.array(z.looseObject({ domPath: z.string(), tag: z.string(), role: z.string(), type: z.string(), name: z.string(), inItem: z.boolean() })),
    track: z.array(z.string()), keyboard: z.boolean(),
  })),
});

export const authenticationSchema = z.looseObject({
  schema: z.literal('portico.probe.authentication/1'),
  authSignals: z.array(z.string()),
  fields: z.array(z.looseObject({
    domPath: z.string(), kind: z.enum(['password', 'one-time-code', 'code-boxes']), autocomplete: z.string(), label: z.string(), boxes: z.number(),
    pasteBlocked: z.boolean(), shortcutBlocked: z.boolean(), pasteHandled: z.boolean(), snippet: z.string(),
  })),
});

export const helpMechanismsSchema = z.looseObject({
  schema: z.literal('portico.probe.help-mechanisms/1'),
  lang: z.string(),
  items: z.array(z.looseObject({
    kind: z.enum(['link', 'button', 'tel', 'mailto', 'frame', 'text']), name: z.string(), ref: z.string(),
    region: z.enum(['header', 'nav', 'main', 'aside', 'footer', 'other']), domPath: z.string(),
  })),
});

const dialogFocused = z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string() });
export const dialogFocusSchema = z.looseObject({
  schema: z.literal('portico.probe.dialog-focus/1'),
  closedDialogs: z.number(),
  trials: z.array(z.looseObject({
    opener: z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string(), snippet: z.string() }),
    opened: z.boolean(),
    dialog: z.looseObject({ domPath: z.string(), tag: z.string(), name: z.string(), native: z.boolean() }).optional(),
    focusOnOpen: z.string().nullable().optional(),
    focusInsideOnOpen: z.boolean().optional(),
    closedWithEscape: z.boolean().optional(),
    focusAfterClose: dialogFocused.nullable().optional(),
    openerPresent: z.boolean().optional(),
    navigated: z.boolean().optional(),
  })),
});

export const BARRIER_SCHEMAS: Record<string, z.ZodType> = {
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
