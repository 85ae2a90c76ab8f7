/** Plain-JSON payloads each gatherer stores in Artifacts.gathered[<name>]. */

export interface AxeNodeArtifact {
  target: Array<string | string[]>;
  html: string;
  failureSummary?: string;
  domPath: string | null;
}

export interface AxeRuleArtifact {
  id: string;
  impact?: string | null;
  tags: string[];
  description: string;
  help: string;
  helpUrl: string;
  nodes: AxeNodeArtifact[];
}

export interface AxeArtifact {
  version: string;
  violations: AxeRuleArtifact[];
  incomplete: AxeRuleArtifact[];
  passes: string[];
  inapplicable: string[];
}

export interface HtmlcsIssueArtifact {
  code: string;
  type: 'error' | 'warning' | 'notice';
  message: string;
  selector: string;
  context: string | null;
  domPath: string | null;
}

export interface HtmlcsArtifact {
  version: string;
  pa11yVersion: string;
  standard: string;
  issues: HtmlcsIssueArtifact[];
}

export interface LighthouseItemArtifact {
  selector?: string;
  path?: string;
  snippet?: string;
  explanation?: string;
  nodeLabel?: string;
  domPath: string | null;
}

export interface LighthouseAuditArtifact {
  id: string;
  title: string;
  description: string;
  score: number | null;
  scoreDisplayMode: string;
  items: LighthouseItemArtifact[];
  numericValue?: number;
  displayValue?: string;
}

export interface LighthouseArtifact {
  version: string;
  mode: 'snapshot' | 'navigation';
  categories: Record<string, { score: number | null; auditIds: string[] }>;
  audits: LighthouseAuditArtifact[];
  runWarnings: string[];
}

export interface PageInfoArtifact {
  url: string;
  title: string;
  lang: string | null;
  dir: string | null;
  /** HTTP status of the main document, when the gatherer saw the navigation. */
  status?: number;
  viewport: { width: number; height: number } | null;
  textSample: string;
}

export interface FocusStop {
  index: number;
  domPath: string | null;
  tag: string;
  role: string | null;
  name: string;
  rect: { x: number; y: number; width: number; height: number } | null;
  /** Did the element look any different focused vs not (pixel comparison of its box)? null = not checked. */
  visibleFocus: boolean | null;
  /** Fraction of the element's box covered by other content (sticky headers…) when focused. */
  obscured: number;
}

export interface KeyboardArtifact {
  /** Tab presses made, and where focus went after each ('body' = left the page's content). */
  presses: number;
  sequence: FocusStop[];
  /** Elements a keyboard user should reach (tabbable by the DOM's rules) but never did. `behindModal`: an open modal dialog (aria-modal / <dialog> shown modal) covers them. */
  unreached: Array<{ domPath: string; tag: string; name: string; behindModal?: boolean }>;
  /** Elements that cannot take focus but have pointer handlers, and how the gatherer saw them: "onclick attribute",
   *  "listener:click" (DOMDebugger.getEventListeners over CDP), "framework:onClick" (React props), "role=button".
   *  `containsFocusable`: the handler sits on a container of focusable controls (event delegation). */
  pointerOnly: Array<{ domPath: string; tag: string; name: string; html: string; via?: string[]; containsFocusable?: boolean }>;
  /** A cycle of focus that Tab and Shift+Tab could not leave. `insideModal`: the cycle is an open modal dialog's. */
  trap: { domPaths: string[]; escapedWithShiftTab: boolean; insideModal?: boolean } | null;
  /** The walk stopped at its press limit before focus had gone round the page: what was not reached is unknown, not unreachable. */
  capped?: boolean;
  /** Listeners could not be read over CDP (only onclick attributes and roles were seen). */
  listenersUnread?: boolean;
}
