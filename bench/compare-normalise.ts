/**
 * bench:compare's normalisation: each tool's own output → barriers keyed (page URL, WCAG success
 * criterion). Pure functions over the tools' JSON. Only what a tool reports as an error or
 * violation is a barrier (pa11y warnings and notices, axe `incomplete`, Lighthouse audits that do
 * not score 0 are not). A failing item the tool ties to no success criterion (axe best-practice
 * rules) is counted apart, never keyed to a criterion it does not name.
 */

export type ToolName = 'portico' | 'pa11y-ci' | 'axe-cli' | 'lighthouse-cli';

/** One failing item as the tool reports it (a pa11y issue, an axe node, a Lighthouse audit item, a Portico finding). */
export interface Item {
  tool: ToolName;
  page: string;
  rule: string;
  /** WCAG 2 success criteria, e.g. ["1.1.1"]; empty when the tool names none. */
  criteria: string[];
}

/** A page a tool could not audit (or audited something else), by name and page. */
export interface Crash {
  tool: ToolName;
  page: string;
  message: string;
}

export interface ToolResult {
  tool: ToolName;
  items: Item[];
  crashes: Crash[];
}

/** axe rule id → its tags (axe-core's rule metadata, axe.getRules()). */
export type AxeRuleTags = ReadonlyMap<string, readonly string[]>;

/** axe tags → success criteria: wcag111 → 1.1.1, wcag1412 → 1.4.12 (level tags like wcag2aa have letters and do not match). */
export function criteriaFromAxeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
    if (m) out.add(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return [...out].sort();
}

/** HTML_CodeSniffer code → criterion: WCAG2AA.Principle1.Guideline1_1.1_1_1.H37 → 1.1.1. */
export function criterionFromHtmlcsCode(code: string): string | undefined {
  const m = /\.Guideline\d_\d+\.(\d)_(\d+)_(\d+)(?:\.|$)/.exec(code);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/** Maps a URL a tool reports to the page it was asked to audit (the same URL, or with/without a trailing slash). */
export function pageKey(url: string, pages: readonly string[]): string {
  if (pages.includes(url)) return url;
  const bare = (u: string) => u.replace(/#.*$/, '').replace(/\/$/, '');
  return pages.find((p) => bare(p) === bare(url)) ?? url;
}

interface Pa11yIssue {
  code?: string;
  type?: string;
  runner?: string;
  message?: string;
}

/** pa11y-ci's --json report: { results: { [url]: issue[] } }; a page it could not test holds one error object (a message, no code). */
export function fromPa11yCi(report: { results?: Record<string, Pa11yIssue[]> }, pages: readonly string[], axeTags: AxeRuleTags): ToolResult {
  const items: Item[] = [];
  const crashes: Crash[] = [];
  const results = report.results ?? {};
  for (const [url, issues] of Object.entries(results)) {
    const page = pageKey(url, pages);
    for (const issue of issues) {
      if (!issue.code) {
        crashes.push({ tool: 'pa11y-ci', page, message: issue.message ?? 'pa11y could not test the page' });
        continue;
      }
      if (issue.type !== 'error') continue;
      const criteria = issue.runner === 'axe'
        ? criteriaFromAxeTags(axeTags.get(issue.code) ?? [])
        : [criterionFromHtmlcsCode(issue.code)].filter((c): c is string => Boolean(c));
      items.push({ tool: 'pa11y-ci', page, rule: issue.code, criteria });
    }
  }
  for (const page of pages) {
    if (!Object.keys(results).some((url) => pageKey(url, pages) === page)) crashes.push({ tool: 'pa11y-ci', page, message: 'no result for this page in the report' });
  }
  return { tool: 'pa11y-ci', items, crashes };
}

interface AxeResult {
  url: string;
  violations: Array<{ id: string; tags: string[]; nodes: unknown[] }>;
}

/**
 * The axe CLI's --stdout: one result per URL, in the order given. A page that did not load is not an
 * error there: axe audits Chrome's error page (url chrome-error://…), so that counts as a crash.
 */
export function fromAxeCli(results: AxeResult[], pages: readonly string[]): ToolResult {
  const items: Item[] = [];
  const crashes: Crash[] = [];
  pages.forEach((page, i) => {
    const r = results[i];
    if (!r) return crashes.push({ tool: 'axe-cli', page, message: 'no result for this page' });
    if (/^chrome-error:/.test(r.url)) return crashes.push({ tool: 'axe-cli', page, message: `the page did not load (axe audited ${r.url})` });
    for (const v of r.violations) {
      const criteria = criteriaFromAxeTags(v.tags);
      for (let n = 0; n < Math.max(1, v.nodes.length); n++) items.push({ tool: 'axe-cli', page, rule: v.id, criteria });
    }
  });
  return { tool: 'axe-cli', items, crashes };
}

interface LighthouseResult {
  requestedUrl?: string;
  runtimeError?: { code?: string; message?: string };
  categories?: { accessibility?: { auditRefs?: Array<{ id: string }> } };
  audits?: Record<string, { id: string; score: number | null; scoreDisplayMode?: string; details?: { items?: unknown[] } }>;
}

/**
 * One Lighthouse CLI result (its --output=json) for one page. A failing accessibility audit (score
 * 0) is an axe rule of the same id, so its criteria come from axe-core's rule metadata.
 */
export function fromLighthouse(lhr: LighthouseResult, page: string, axeTags: AxeRuleTags): ToolResult {
  const items: Item[] = [];
  const crashes: Crash[] = [];
  if (lhr.runtimeError) crashes.push({ tool: 'lighthouse-cli', page, message: `${lhr.runtimeError.code ?? 'runtime error'}: ${lhr.runtimeError.message ?? ''}`.trim() });
  const refs = lhr.categories?.accessibility?.auditRefs;
  if (!refs) {
    if (!lhr.runtimeError) crashes.push({ tool: 'lighthouse-cli', page, message: 'no accessibility category in the result' });
    return { tool: 'lighthouse-cli', items, crashes };
  }
  for (const ref of refs) {
    const audit = lhr.audits?.[ref.id];
    if (!audit || audit.score !== 0) continue;
    if (audit.scoreDisplayMode === 'error') {
      crashes.push({ tool: 'lighthouse-cli', page, message: `audit ${ref.id} errored` });
      continue;
    }
    const criteria = criteriaFromAxeTags(axeTags.get(ref.id) ?? []);
    const n = Math.max(1, audit.details?.items?.length ?? 0);
    for (let i = 0; i < n; i++) items.push({ tool: 'lighthouse-cli', page, rule: ref.id, criteria });
  }
  return { tool: 'lighthouse-cli', items, crashes };
}

interface PorticoBundle {
  findings: Array<{ ruleId: string; auditId: string; outcome: string; requirements: { wcag: string[] }; context: { url?: string } }>;
  verdicts?: Array<{ auditId: string; outcome: string; url?: string; notes?: string[] }>;
  incomplete?: Array<{ where: string; cause: string }>;
}

export interface PorticoResult extends ToolResult {
  /** Findings Portico reports as cantTell (not barriers): where a human must decide. */
  cantTell: Item[];
}

/** `portico audit --format json`: failed findings are barriers, cantTell findings are kept apart; incomplete pages and errored audits are crashes. */
export function fromPortico(bundle: PorticoBundle, pages: readonly string[]): PorticoResult {
  const items: Item[] = [];
  const cantTell: Item[] = [];
  const crashes: Crash[] = [];
  for (const f of bundle.findings) {
    const item: Item = { tool: 'portico', page: pageKey(f.context.url ?? '', pages), rule: `${f.auditId}/${f.ruleId}`, criteria: [...f.requirements.wcag].sort() };
    if (f.outcome === 'failed') items.push(item);
    else if (f.outcome === 'cantTell') cantTell.push(item);
  }
  for (const i of bundle.incomplete ?? []) crashes.push({ tool: 'portico', page: pageKey(i.where, pages), message: i.cause });
  for (const v of bundle.verdicts ?? []) {
    if (v.outcome !== 'error') continue;
    const where = v.url ?? '(page unknown)';
    crashes.push({ tool: 'portico', page: pageKey(where, pages), message: `${v.auditId}: ${v.notes?.join('; ') ?? 'error'}` });
  }
  return { tool: 'portico', items, cantTell, crashes };
}

/** (page, criterion) → the items behind it. */
export type PairMap = Map<string, Item[]>;

export const pairKey = (page: string, criterion: string) => `${page}\u0000${criterion}`;
export const splitPair = (key: string) => { const [page, criterion] = key.split('\u0000'); return { page, criterion }; };

export function pairsOf(items: readonly Item[]): PairMap {
  const map: PairMap = new Map();
  for (const item of items) {
    for (const c of item.criteria) {
      const k = pairKey(item.page, c);
      map.set(k, [...(map.get(k) ?? []), item]);
    }
  }
  return map;
}

export interface Comparison {
  /** The others' (page, criterion) pairs, all of them. */
  others: PairMap;
  /** Others' pairs Portico has no finding on at all. */
  missing: PairMap;
  /** Others' pairs Portico reports only as cantTell (not found either). */
  cantTellOnly: PairMap;
  /** Pairs only Portico reports failed. */
  onlyPortico: PairMap;
}

export function compare(portico: PorticoResult, others: readonly ToolResult[]): Comparison {
  const found = pairsOf(portico.items);
  const told = pairsOf(portico.cantTell);
  const union = pairsOf(others.flatMap((o) => o.items));
  const missing: PairMap = new Map();
  const cantTellOnly: PairMap = new Map();
  for (const [k, items] of union) {
    if (found.has(k)) continue;
    (told.has(k) ? cantTellOnly : missing).set(k, items);
  }
  const onlyPortico: PairMap = new Map([...found].filter(([k]) => !union.has(k)));
  return { others: union, missing, cantTellOnly, onlyPortico };
}
