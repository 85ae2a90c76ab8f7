/**
 * The pages bench:compare audits, served on loopback: GET-able pages of the two apps with their
 * barriers switched on (no journey: every tool must reach them by URL alone) and the first failed
 * ACT test case of ten rules every one of the compared tools claims to check.
 */
import { startReferenceApp } from '../targets/reference/server.ts';
import { startBenefitsApp } from '../targets/benefits/server.ts';
import { loadCorpus, type CorpusCase } from './act-corpus.ts';
import { CONTENT_PREFIX, serveCorpus } from './act-serve.ts';

export interface ComparePage {
  url: string;
  /** Short name for the printed table: app + path, or act + rule. */
  label: string;
}

export interface ServedPages {
  pages: ComparePage[];
  close(): Promise<void>;
}

/** Reference app (profile cbp-one-2023): every page a visitor reaches without an account. */
export const REFERENCE_PATHS = ['/', '/account/new', '/signin', '/help', '/help/sent', '/language', '/lottery/audit'];
/** Benefits app (profile broken): its pages that render for a visitor who is not signed in. */
export const BENEFITS_PATHS = ['/', '/email', '/code', '/help', '/signed-out', '/widgets/address-finder'];
/** ACT rules: image, button, link and form-field names, page title, page lang, contrast, meta refresh, zoom, autocomplete. */
export const ACT_RULES = ['23a2a8', '97a4e1', 'c487ae', 'e086e5', '2779a5', 'b5c3f8', 'afw4f7', 'bc659a', 'b4f0c3', '73f2c2'];

export async function serveComparePages(): Promise<ServedPages> {
  const reference = await startReferenceApp({ profile: 'cbp-one-2023', port: 0 });
  const benefits = await startBenefitsApp({ profile: 'broken', port: 0 });
  const corpus = loadCorpus();
  const act = await serveCorpus(corpus.dir);
  const base = (u: string) => u.replace(/\/$/, '');
  const pages: ComparePage[] = [
    ...REFERENCE_PATHS.map((p) => ({ url: `${base(reference.url)}${p}`, label: `reference ${p}` })),
    ...BENEFITS_PATHS.map((p) => ({ url: `${base(benefits.url)}${p}`, label: `benefits ${p}` })),
    ...ACT_RULES.map((id) => {
      const rule = corpus.rules.find((r) => r.id === id);
      const first = rule?.cases.find((c) => c.expected === 'failed');
      if (!first) throw new Error(`bench:compare: ACT rule ${id} has no approved failed case in ${corpus.dir}`);
      const path = (first as CorpusCase).relativePath;
      return { url: `${act.origin}${CONTENT_PREFIX}${path}`, label: `act ${id} ${first.testcaseId.slice(0, 8)}` };
    }),
  ];
  return {
    pages,
    async close() {
      await Promise.allSettled([reference.close(), benefits.close(), act.close()]);
    },
  };
}
