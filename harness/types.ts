/**
 * The core shapes of the Portico pipeline (see DESIGN.md):
 * gatherers → Artifacts (plain JSON) → pure audits → Finding[] → reporters.
 */
import type { ArtifactKey } from './artifacts/schemas.ts';

/** EARL outcome words, plus what could not run. */
export type Outcome = 'passed' | 'failed' | 'cantTell' | 'inapplicable' | 'error' | 'untested';

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export type EngineId = 'axe' | 'htmlcs' | 'lighthouse' | 'portico';

/** Standards a finding is keyed to. Every list holds identifiers, never prose. */
export interface Requirements {
  /** WCAG success criteria, e.g. "1.1.1". */
  wcag: string[];
  /** Revised Section 508 provisions, e.g. "E205.4 / WCAG 2.0 1.1.1"; empty when beyond the 508 baseline. */
  section508: string[];
  /** DHS Trusted Tester v5 test ids, e.g. "7.A". */
  trustedTester: string[];
  /** EN 301 549 clauses, e.g. "9.1.1.1". */
  en301549: string[];
  /** Non-WCAG references (UASG 004, RFC 6531, …), free identifiers. */
  other: string[];
}

/** Where a finding was seen. */
export interface FindingContext {
  target?: string;
  persona?: string;
  flow?: string;
  step?: string;
  /** Checkpoint id: the step id in a journey, or "page" for a quick audit. */
  checkpoint: string;
  url: string;
  locale?: string;
}

export interface Evidence {
  kind: 'screenshot' | 'trace' | 'transcript' | 'tab-sequence' | 'artifact' | 'text' | 'mail';
  /** Path relative to the run directory, when the evidence is a file. */
  path?: string;
  description: string;
}

export interface Finding {
  /** Stable hash of (rule, normalised selector, page path, checkpoint [, persona]). Identical across runs. */
  fingerprint: string;
  auditId: string;
  /** Every engine that reported this same violation on this same element. */
  engines: EngineId[];
  /** Canonical rule id (axe's id where one exists, else the engine's or audit's own). */
  ruleId: string;
  /** Each engine's own rule code, e.g. { axe: 'image-alt', htmlcs: 'WCAG2AA.Principle1.Guideline1_1.1_1_1.H37' }. */
  engineRules: Partial<Record<EngineId, string>>;
  outcome: Outcome;
  /** 'barrier' counts towards failure; 'best-practice' is reported apart and never fails a run. */
  category: 'barrier' | 'best-practice';
  impact?: Impact;
  message: string;
  /** The selector as reported (first engine's). */
  selector?: string;
  /** Canonical DOM path resolved in the live page; the join key across engines. */
  domPath?: string;
  snippet?: string;
  helpUrl?: string;
  /**
   * What the finding is about, when an audit or persona knows it as data (an email address category,
   * a form field, a control): the defect matrix matches it exactly. Never parsed out of `message`.
   */
  key?: string;
  requirements: Requirements;
  context: FindingContext;
  evidence: Evidence[];
}

/** Everything gathered at one checkpoint. Plain JSON: saved to disk and replayed without a browser. */
export interface Artifacts {
  schema: 'portico.artifacts/1';
  checkpoint: string;
  url: string;
  /** Pathname (or file name) of the page: the part of the URL that is stable across runs. */
  pagePath: string;
  context: Omit<FindingContext, 'url' | 'checkpoint'>;
  gatheredAt: string;
  /** Versions of every engine and of the browser. */
  versions: Record<string, string>;
  /** Per-gatherer payloads, keyed by gatherer name. A gatherer that failed stores { error }. */
  gathered: Record<string, unknown>;
  /** Set when the file could not be read as artifacts (bad JSON, a missing field): why, naming the file. */
  unreadable?: string;
  /** True where the journey was recorded but no checkpoint was taken (the step never reached its page). */
  journeyOnly?: boolean;
  /** Evidence files saved with this checkpoint (screenshots, transcripts), attached to its findings. */
  evidence?: Evidence[];
}

export interface GathererError {
  error: string;
}

export type AuditMode = 'automatic' | 'semiAuto' | 'manual';

/** One rule an audit can emit: its finding's title, criteria and impact are declared here, once. */
export interface RuleMeta {
  title: string;
  /** WCAG criteria the rule's findings cite (a finding may add its own, e.g. a persona's). */
  wcag: string[];
  /** Other references (UASG 004, Section 508 §403.1, …). */
  other?: string[];
  impact?: Impact;
  /** What to do about it, in a sentence. */
  help?: string;
}

export interface AuditMeta {
  id: string;
  title: string;
  failureTitle: string;
  description: string;
  /**
   * Keys of Artifacts.gathered this audit reads, each with a schema (ArtifactKey). Missing or errored → outcome 'error'.
   */
  requiredArtifacts: ArtifactKey[];
  /** WCAG criteria (and other references) this audit tests. */
  requirements: Partial<Requirements>;
  mode: AuditMode;
  /**
   * Every rule this audit can emit (SARIF rules, OpenACR rows and EARL tests are made from these).
   * Engine audits (axe, HTML_CodeSniffer, Lighthouse) emit the engine's own rules and say `engine`.
   */
  rules?: Record<string, RuleMeta> | 'engine';
}

export interface AuditContext {
  checkpoint: string;
  url: string;
  pagePath: string;
  context: Artifacts['context'];
}

/** What an audit produces. Findings carry partial data; run-audits completes fingerprints and mappings. */
export interface AuditResult {
  outcome: Outcome;
  findings: DraftFinding[];
  /** Why the outcome is error / cantTell / inapplicable, in words. */
  notes?: string[];
}

export type DraftFinding = Omit<Finding, 'fingerprint' | 'requirements' | 'context' | 'evidence' | 'auditId' | 'engineRules' | 'category'> & {
  engineRules?: Finding['engineRules'];
  category?: Finding['category'];
  /** WCAG criteria this draft cites; mapped to 508 / TT / EN by the standards tables. */
  wcag: string[];
  /** Trusted Tester / EN tags as the engine gave them (axe's TT*, EN-* tags). */
  tags?: string[];
  other?: string[];
  evidence?: Evidence[];
};

export interface Audit {
  meta: AuditMeta;
  audit(artifacts: Artifacts, ctx: AuditContext): AuditResult;
  /**
   * A journey-level audit judges every checkpoint of one journey together (what is the same, or
   * not, from page to page); runAudits then calls this once per journey instead of `audit` per
   * checkpoint. Each finding names the checkpoint it is filed at.
   */
  auditJourney?(checkpoints: Artifacts[]): JourneyAuditResult;
}

/** What a journey-level audit produces: findings each filed at one of the journey's checkpoints. */
export interface JourneyAuditResult {
  outcome: Outcome;
  findings: Array<DraftFinding & { checkpoint: string }>;
  notes?: string[];
}

/** One audit's verdict at one checkpoint (the report shows these, including what could not run). */
export interface AuditVerdict {
  auditId: string;
  checkpoint: string;
  url: string;
  outcome: Outcome;
  findingCount: number;
  notes?: string[];
  context?: Artifacts['context'];
}

/** The result of a run: what every reporter receives. */
export interface RunBundle {
  schema: 'portico.run/1';
  tool: { name: 'portico'; version: string };
  startedAt: string;
  finishedAt: string;
  versions: Record<string, string>;
  /** incomplete = something could not run; never reported as clean. */
  status: 'clean' | 'barriers' | 'incomplete';
  findings: Finding[];
  verdicts: AuditVerdict[];
  /** Things that stopped the run from being complete: pages that did not load, engines that crashed. */
  incomplete: Array<{ where: string; cause: string }>;
  meta?: Record<string, unknown>;
  /** With a baseline (`--baseline`): what is new, still present, fixed and expired. */
  baseline?: import('./baseline/baseline.ts').BaselineSummary;
  /** The CI gate's status when a baseline or ignore list applies (the exit code follows it); else `status`. */
  gate?: 'clean' | 'barriers' | 'incomplete';
  /** Why the gate decided as it did (ignored, below failOn, thresholds). */
  gateReport?: import('./gate/gate.ts').GateReport;
}
