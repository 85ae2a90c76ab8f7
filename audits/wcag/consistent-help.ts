import type { Artifacts, Audit, AuditResult, JourneyAuditResult } from '../../harness/types.ts';
import type { PageItem } from '../../harness/gatherers/probes/help-mechanisms.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * What names a help mechanism, per language (data, not code): a link or button to help, support,
 * contact or questions, or a chat. Phone and email links and contact details written out are help
 * in any language (written out, outside the main content); so is a frame from a chat service.
 */
export const HELP_WORDS: Record<string, RegExp[]> = {
  en: [/\b(help|support|contact( us)?|get in touch|faqs?|frequently asked questions|customer service|helpline|call us|live chat|chat with us)\b/i],
  es: [/\b(ayuda|soporte|contacto|cont[aá]ctenos|contactar|preguntas frecuentes|atenci[oó]n al cliente|ll[aá]m[ae]nos|chat)\b/i],
  ht: [/(^|[\s(])(èd|ede|asistans|sip[oò]|kontak(te nou)?|rele nou|kesyon (yo )?poze souvan|chat)($|[\s).,:])/i],
  ar: [/(مساعدة|المساعدة|الدعم|دعم|اتصل بنا|تواصل معنا|الأسئلة الشائعة|دردشة)/],
  pt: [/\b(ajuda|suporte|contato|contacto|fale conosco|perguntas frequentes|atendimento|chat)\b/i],
};
const CHAT_HOSTS = /(intercom|zendesk|zopim|livechat|drift|crisp|tawk|freshchat|olark|liveperson|genesys|salesforceliveagent)/i;

export const isHelp = (i: PageItem) =>
  i.kind === 'tel' || i.kind === 'mailto'
  // Contact details written out count where repeated blocks are (header, footer, sidebar): in the main content a number or address is the page's own (a date, the person's email).
  || (i.kind === 'text' && i.region !== 'main')
  || (i.kind === 'frame' && (CHAT_HOSTS.test(i.ref) || Object.values(HELP_WORDS).some((ws) => ws.some((w) => w.test(i.name)))))
  || ((i.kind === 'link' || i.kind === 'button') && Object.values(HELP_WORDS).some((ws) => ws.some((w) => w.test(i.name))));

/**
 * The same thing from page to page: a link by where it goes and its name (a skip link, the service
 * name and the language links may all point at "/"), a button by its name, contact details by
 * number or address.
 */
export const keyOf = (i: PageItem) => i.kind === 'link' || i.kind === 'button' || i.kind === 'frame'
  ? `${i.kind}:${i.ref}:${i.name.toLowerCase()}`
  : `${i.kind === 'text' ? (i.ref.includes('@') ? 'mailto' : 'tel') : i.kind}:${i.ref || i.name.toLowerCase()}`;
const label = (i: PageItem) => (i.name ? `"${i.name}"` : i.ref);

interface Page { checkpoint: string; pagePath: string; items: PageItem[]; keys: string[] }

/**
 * 3.2.6 Consistent Help: a help mechanism repeated on several pages of a journey (contact details,
 * a help or contact link, a chat) keeps its order relative to the other repeated content — the
 * header, navigation, sidebar and footer items found on those pages too. Page content in `main` is
 * not a reference point. A help item that changes region with no other repeated content to place it
 * by is cantTell; help on one page only is inapplicable. Judged over the journey's checkpoints.
 */
export const consistentHelpAudit: Audit = {
  meta: {
    id: 'consistent-help',
    title: 'Help is in the same place on every page of the journey',
    failureTitle: 'Help moves from page to page',
    description:
      'A help mechanism on several pages of one journey — contact details, a help, support or contact link, a chat — is in the same order among the content those pages repeat (3.2.6).',
    requiredArtifacts: ['help-mechanisms'],
    requirements: { wcag: ['3.2.6'] },
    mode: 'automatic',
    rules: {
      'help-moved': { title: 'A help mechanism is in a different place among the repeated content', wcag: ['3.2.6'], impact: 'moderate', help: 'Keep the help link, contact details or chat in the same place relative to the header, navigation and footer on every page.' },
      'help-moved-region': { title: 'A help mechanism changes region between pages', wcag: ['3.2.6'], impact: 'minor', help: 'Check the help mechanism is found in the same place on every page.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = consistentHelpAudit.auditJourney!([artifacts]);
    return { outcome: r.outcome, findings: [], notes: r.notes };
  },
  auditJourney(checkpoints: Artifacts[]): JourneyAuditResult {
    const pages: Page[] = [];
    for (const a of checkpoints) {
      const items = gathered(a, 'help-mechanisms').items;
      const seen = new Set<string>();
      const firsts = items.filter((i) => { const k = keyOf(i); if (seen.has(k)) return false; seen.add(k); return true; });
      // One page seen twice in a row (a step that re-shows the same page) counts once.
      if (pages.at(-1)?.pagePath === a.pagePath) continue;
      pages.push({ checkpoint: a.checkpoint, pagePath: a.pagePath, items: firsts, keys: firsts.map(keyOf) });
    }
    const where = (p: Page) => `${p.pagePath} (${p.checkpoint})`;
    const helpKeys = [...new Set(pages.flatMap((p) => p.items.filter(isHelp).map(keyOf)))];
    const repeatedHelp = helpKeys.filter((k) => pages.filter((p) => p.keys.includes(k)).length >= 2);
    if (!repeatedHelp.length) {
      return { outcome: 'inapplicable', findings: [], notes: [helpKeys.length ? `help seen on one page only (${helpKeys.join(', ')})` : 'no help mechanism on the pages of this journey'] };
    }
    const findings: JourneyAuditResult['findings'] = [];
    const notes: string[] = [];
    for (const h of repeatedHelp) {
      const on = pages.filter((p) => p.keys.includes(h));
      let consistent = true;
      for (let n = 1; n < on.length; n++) {
        const [a, b] = [on[n - 1], on[n]];
        const refs = (p: Page) => p.items.filter((i) => i.region !== 'main' && keyOf(i) !== h);
        const common = new Set(refs(a).map(keyOf).filter((k) => refs(b).some((i) => keyOf(i) === k)));
        const before = (p: Page) => p.keys.slice(0, p.keys.indexOf(h)).filter((k) => common.has(k));
        const [ba, bb] = [before(a), before(b)];
        const ia = a.items[a.keys.indexOf(h)], ib = b.items[b.keys.indexOf(h)];
        const names = (p: Page, ks: string[]) => `[${ks.map((k) => label(p.items[p.keys.indexOf(k)])).join(', ')}]`;
        const at = { selector: ib.domPath, domPath: ib.domPath, wcag: ['3.2.6'], checkpoint: b.checkpoint, key: h };
        if (common.size && (ba.length !== bb.length || ba.some((k) => !bb.includes(k)))) {
          consistent = false;
          const after = (p: Page, bs: string[]) => [...common].filter((k) => !bs.includes(k));
          findings.push({ ...at, engines: ['portico'], ruleId: 'help-moved', outcome: 'failed', impact: 'moderate',
            message: `The help mechanism ${label(ib)} moved: on ${where(a)} it comes after ${names(a, ba)} and before ${names(a, after(a, ba))} (${ia.region}); on ${where(b)} after ${names(b, bb)} and before ${names(b, after(b, bb))} (${ib.region}). Keep it in the same place among the content repeated on every page.` });
        } else if (!common.size && ia.region !== ib.region) {
          consistent = false;
          findings.push({ ...at, engines: ['portico'], ruleId: 'help-moved-region', outcome: 'cantTell', impact: 'minor',
            message: `The help mechanism ${label(ib)} is in the ${ia.region} on ${where(a)} but in the ${ib.region} on ${where(b)}, and no other repeated content places it. Check it is found in the same place on both.` });
        }
      }
      if (consistent) notes.push(`${label(on[0].items[on[0].keys.indexOf(h)])}: same place on ${on.length} pages`);
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length ? 'cantTell' : 'passed';
    return { outcome, findings, notes };
  },
};
