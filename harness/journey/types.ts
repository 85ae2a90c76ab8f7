import type { DefectCatalogue } from './defects.ts';
import type { Page, BrowserContext } from 'playwright';
import type { MailReader } from '../mail/types.ts';
import type { Lighting } from '../camera/stimulus.ts';

/** What a probe (a persona's own gatherer) knows about where it runs. */
export interface ProbeContext {
  /** The locale the persona uses (BCP 47 primary tag, e.g. "ht"). */
  locale: string;
  /** Languages the target offers (primary tags) — language detection is restricted to these. */
  targetLocales: string[];
  /** The target's message catalogues, flattened key → text, per locale, when it has them (catalogue evidence). */
  catalogues?: Record<string, Record<string, string>>;
  stepId: string;
  /** The language the flow asked the page in at this step (the persona's, or the one a flow/step fixes,
   *  or the target's fallback when it does not offer the persona's): never judge a page against another. */
  requestedLanguage?: string;
}

/**
 * A persona's own gatherer, run at every checkpoint on the LIVE page after the engines.
 * It may change the page temporarily (viewport, injected CSS) but must restore it.
 * Returns plain JSON; the audits that read it are pure.
 */
export interface Probe {
  id: string;
  description: string;
  gather(page: Page, ctx: ProbeContext): Promise<unknown>;
}

export interface PersonaData {
  givenNames: string;
  familyNames: string;
  /** Email template: "{run}" is replaced by a unique token per journey. */
  email: string;
  dateOfBirth: { day: number; month: number; year: number };
  nationality: string;
  countryOfBirth: string;
  phone: string;
  languages: string[];
  usAddress: { street: string; city: string; state: string; zip: string } | null;
  /** Where the person lives (any country); null: no fixed address (travelling, in a shelter). */
  homeAddress: { line1: string; town: string; country: string } | null;
}

/** Every value a description can put in a field, as `{persona.PATH}` (checked when the file is read). */
export const PERSONA_VALUE_PATHS = [
  'givenNames', 'familyNames', 'email', 'dateOfBirth.day', 'dateOfBirth.month', 'dateOfBirth.year', 'nationality', 'countryOfBirth', 'phone',
  'usAddress.street', 'usAddress.city', 'usAddress.state', 'usAddress.zip', 'homeAddress.line1', 'homeAddress.town', 'homeAddress.country',
] as const;

/** The parts of a person's data they may not have (null): a described flow can be walked without them (`without:`). */
export const OPTIONAL_DATA_PARTS = ['usAddress', 'homeAddress'] as const satisfies ReadonlyArray<keyof PersonaData>;
export type OptionalDataPart = (typeof OPTIONAL_DATA_PARTS)[number];

/** Playwright `use` options a persona sets (emulation). */
export interface PersonaUse {
  locale?: string;
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
  forcedColors?: 'active' | 'none';
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
}

export type ActorKind = 'pointer' | 'keyboard' | 'screen-reader';

export interface Persona {
  id: string;
  title: string;
  /** One paragraph: who this is and why they matter. */
  summary: string;
  /** What this persona checks, in words (README, reports). */
  checks: string[];
  use: PersonaUse;
  actor: ActorKind;
  /** Primary language tag the persona reads (drives locale and i18n checks). */
  language: string;
  data: PersonaData;
  /**
   * The audits that judge this persona's checkpoints (every persona also gets the journey's own).
   * The gatherers that run follow from them: an engine or probe runs because one of these reads it.
   */
  audits: string[];
  /** Network and CPU emulation (Chrome DevTools Protocol), for the low-end phone. */
  network?: { downloadKbps: number; uploadKbps: number; latencyMs: number; cpuSlowdown: number };
  lighthouseCategories?: Array<'accessibility' | 'performance'>;
  /** Stay on every form step (`form: true`) this long before sending it, on the browser clock (harness/journey/linger.ts). */
  lingerOnForms?: { seconds?: number; chunkSeconds?: number };
  /** Where Lighthouse runs when one of the audits reads it (it costs seconds): `first` = the first step of each flow, or step ids. Absent = nowhere. */
  lighthouseAt?: 'first' | string[];
  /** What a block is filed under when this persona's own way of operating fails (Tab never reaches a control: 2.1.1;
   *  no control has that role and name: 4.1.2). Blocks with a known or unknown other cause carry their own. */
  blockedCites: { wcag: string[]; other?: string[] };
  /**
   * What a page demanding a value this persona does not have (its `data` part is null: no US address)
   * is filed under. A described step leaves such a field empty, as the person would; when the page
   * then refuses the form because that field is empty, the block is keyed by the part
   * (`usAddress` → `us-address`) and cites these references.
   */
  lacks?: Partial<Record<keyof PersonaData, { wcag: string[]; other?: string[] }>>;
  /**
   * How this person takes a photo at a described `capture:` step. `grid`: through the page's own
   * control for every Monk Skin Tone under every lighting, 3 attempts each (harness/camera/capture-runner.ts),
   * recorded as `captureGrid`. Absent or `photo`: one photo, recorded as `capture`.
   */
  camera?: 'photo' | 'grid';
}

/**
 * Tests only: a smaller capture grid than the persona's, to keep a spec fast. Never set by a
 * persona or a project; a run without it takes the whole grid.
 */
export interface TestCaptureGrid {
  tones?: number[];
  lightings?: Lighting[];
  /** At least 3. */
  attempts?: number;
}

/** Narrows a lookup to a group (fieldset legend / role=group name). */
export interface Scope {
  within?: string | RegExp;
}

/** How a persona operates the page. Locators only by role, label and accessible name. */
export interface Actor {
  kind: ActorKind;
  page: Page;
  goto(path: string): Promise<void>;
  fill(label: string | RegExp, value: string, scope?: Scope): Promise<void>;
  select(label: string | RegExp, option: string | { value: string } | { label: string }, scope?: Scope): Promise<void>;
  check(label: string | RegExp, scope?: Scope): Promise<void>;
  click(role: 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'menuitem', name: string | RegExp): Promise<void>;
  /** What the actor did, in order — evidence for "steps to reproduce". */
  log: string[];
}

/** Hooks a target offers to personas (mail, clock, faults). All optional: a flow that needs one and lacks it is incomplete. */
export interface TargetHooks {
  /** Messages received by the target's mail server for this exact address. */
  outbox?(address: string): Promise<Array<{ to: string; subject: string; text: string; html?: string; locale?: string }>>;
  /** The latest one-time code sent to an address. */
  latestCode?(address: string): Promise<string | null>;
  advanceClock?(seconds: number): Promise<void>;
  failNextPost?(path: string): Promise<void>;
  runLottery?(day?: string): Promise<unknown>;
  /** Answer for a CAPTCHA a sighted pointer user could read (a screen-reader user gets no such help). */
  captchaAnswer?(page: Page): Promise<string | null>;
  /** Where the target's outgoing mail can be read (a described target's `mail` key). Absent: mail is not observable. */
  mail?: MailReader;
}

export interface StepContext {
  page: Page;
  context: BrowserContext;
  actor: Actor;
  persona: Persona;
  /** The artifact keys this persona's checkpoints gather (what its audits read). */
  gathers?: string[];
  /** Persona data with per-journey values resolved (email with run token). */
  data: PersonaData & { email: string };
  baseURL: string;
  locale: string;
  /** Translate a target catalogue key into the persona's locale (targets with catalogues). */
  t(key: string, vars?: Record<string, string | number>): string;
  hooks: TargetHooks;
  /** Values a flow carries from step to step. */
  state: Record<string, unknown>;
  /** Record a finding-worthy observation made while acting (e.g. an email address silently lost). */
  observe(observation: JourneyObservation): void;
  /** Keep raw measurements made while acting (e.g. a capture grid) for the pure audits to judge. */
  record(key: string, value: unknown): void;
  /** Allow the next main-document 5xx (a fault the persona injected itself). */
  expectServerError(): void;
  /** Tests only (WalkEnv.testCaptureGrid): a reduced capture grid. */
  testCaptureGrid?: TestCaptureGrid;
}

export interface JourneyObservation {
  ruleId: string;
  /** What it is about, as data (address category, field, control): becomes the finding's `key`. */
  key?: string;
  message: string;
  wcag?: string[];
  other?: string[];
  impact?: 'critical' | 'serious' | 'moderate' | 'minor';
  outcome?: 'failed' | 'cantTell' | 'passed';
  selector?: string;
  snippet?: string;
}

export interface Step {
  /** Checkpoint id, unique in the flow. */
  id: string;
  /** The journey step this checkpoint belongs to, when several checkpoints share one (e.g. a form and its error page). */
  partOf?: string;
  title: string;
  /** Reach the step's page (navigate, follow a link). The checkpoint is taken after this. */
  arrive?(ctx: StepContext): Promise<void>;
  /** What the person does on the page (fill, submit). */
  act?(ctx: StepContext): Promise<void>;
  /** Set false for steps that only act (no audit of the page). */
  checkpoint?: boolean;
  /** The language this step is walked in, when the description fixes it. */
  language?: string;
  /** The person enters data on this step (a form): personas that linger or lose the connection mid-form act here; after-submit checks run. */
  form?: boolean;
  /** On this form step a person who lingers is away throughout: they do not answer the time-out warning, so the session ends. */
  away?: boolean;
}

export interface Flow {
  id: string;
  title: string;
  /** Persona ids that walk this flow; absent = every persona. */
  personas?: string[];
  /** Parts of the person's data this flow is walked without (a scenario: applying with no fixed address): they are null in its steps. */
  without?: OptionalDataPart[];
  steps: Step[];
  /**
   * The language this persona walks the flow in: its own when the target offers it, else the one
   * the flow fixes or the target's first. `offered: false` = the persona's language is not offered
   * (its language checks are not applied to pages shown in another language). Absent = the persona's.
   */
  languageFor?(persona: Persona): { language: string; offered: boolean };
}

export interface RunningTarget {
  baseURL: string;
  hooks: TargetHooks;
  close(): Promise<void>;
}

export interface Target {
  id: string;
  title: string;
  locales: string[];
  /** Start the target (reference app) or point at a running one. */
  start(options: { profile?: string; defects?: string[] }): Promise<RunningTarget>;
  flows: Flow[];
  /** Flattened catalogues per locale, when the target has them. */
  catalogues?(): Record<string, Record<string, string>>;
  /** Its profiles and defect catalogue, when the target has switchable defects (the defect matrix runs them). */
  defects?: DefectCatalogue;
  /** The profiles a described target declares (the first is the conformant one), with or without a catalogue. */
  profiles?: string[];
  /** True when `start` launches the app itself, so a --base-url cannot point it elsewhere. */
  startsItsOwnApp?: boolean;
  /**
   * How a person extends the session when the time-out warning shows (a described target's
   * `session:`): the control by role and name, in the language asked for. A person who needs more
   * time presses it at each warning (harness/journey/linger.ts); without it they do not.
   */
  session?: {
    extend(lang: string): { role: 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'menuitem'; name: string };
    /** How long the session lasts without activity (s), when the target says so: a person who needs more time stays past it, no longer (the real clock is the server's). */
    lastsSeconds?: number;
  };
  /** `portico serve`: the app in the foreground, when the target can be served. */
  serve?(options: { profile: string; defects: string[]; port: number; testMode?: boolean }): Promise<{ url: string; note?: string; close(): Promise<void> }>;
}
