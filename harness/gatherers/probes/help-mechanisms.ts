/**
 * Consistent help (3.2.6) needs, at every page of a journey, the things a person could find again
 * from page to page, in the page's order: links and buttons (with their names and where they point),
 * phone and email links, contact details written out, and chat widgets (frames or launchers). Each
 * with the page region it sits in. Facts only, in no language: which of them are help is the
 * consistent-help audit's call, from its per-language words.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type HelpMechanismsArtifact = ArtifactOf<'help-mechanisms'>;
export type PageItem = HelpMechanismsArtifact['items'][number];

function collect(): Omit<HelpMechanismsArtifact, 'schema'> {
  const pathOf = __porticoDomPath;
  const short = (s: string | null | undefined) => __portico.norm(s).slice(0, 100);
  const regionOf = (el: Element): PageItem['region'] => {
    const r = el.closest('header, [role=banner], nav, [role=navigation], main, [role=main], aside, [role=complementary], footer, [role=contentinfo]');
    if (!r) return 'other';
    const role = r.getAttribute('role') ?? r.localName;
    return role === 'banner' || role === 'header' ? (r.closest('main, article') ? 'main' : 'header')
      : role === 'navigation' || role === 'nav' ? 'nav' : role === 'complementary' || role === 'aside' ? 'aside'
      : role === 'contentinfo' || role === 'footer' ? (r.closest('main, article') ? 'main' : 'footer') : 'main';
  };
  const items: PageItem[] = [];
  const PHONE = /(\+?\d[\d ()./-]{7,}\d)/;
  const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
  const all = document.querySelectorAll('a[href], button, [role=button], [role=link], iframe, p, li, address, dd, span');
  for (const el of all) {
    if (!__portico.hasBox(el) || items.length >= 400) continue;
    const name = short(el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('title'));
    let kind: PageItem['kind'] | null = null;
    let ref = '';
    if (el.localName === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (/^tel:/i.test(href)) { kind = 'tel'; ref = href.slice(4).replace(/[^\d+]/g, ''); }
      else if (/^mailto:/i.test(href)) { kind = 'mailto'; ref = href.slice(7).split('?')[0].toLowerCase(); }
      else {
        kind = 'link';
        try { const u = new URL(href, location.href); ref = u.origin === location.origin ? u.pathname : u.host + u.pathname; } catch { ref = href; }
      }
    } else if (el.localName === 'iframe') { kind = 'frame'; try { ref = new URL(el.getAttribute('src') ?? '', location.href).host; } catch { ref = ''; } }
    else if (el.matches('button, [role=button], [role=link]')) kind = el.getAttribute('role') === 'link' ? 'link' : 'button';
    else if (!el.querySelector('a, button, p, li, address, dd, span') && (PHONE.test(name) || EMAIL.test(name))) {
      // Contact details written out, not linked.
      kind = 'text';
      ref = (EMAIL.exec(name)?.[0] ?? PHONE.exec(name)![1].replace(/[^\d+]/g, '')).toLowerCase();
    }
    if (!kind) continue;
    items.push({ kind, name: kind === 'frame' ? short(el.getAttribute('title')) : name, ref, region: regionOf(el), domPath: pathOf(el) });
  }
  return { lang: document.documentElement.lang || '', items };
}

export async function gatherHelpMechanisms(page: Page): Promise<HelpMechanismsArtifact> {
  return { schema: 'portico.probe.help-mechanisms/1', ...(await evaluateInPage(page, collect)) };
}

export const helpMechanismsProbe: Probe = {
  id: 'help-mechanisms',
  description: 'Links, buttons, contact details and chat frames in page order, with their region (for 3.2.6 across a journey).',
  gather: (page) => gatherHelpMechanisms(page),
};
