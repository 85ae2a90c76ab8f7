/**
 * Links and forms that open a new window or tab (a `target` other than _self/_parent/_top), and
 * everything a person could be told it by: the text of the link (including visually hidden text),
 * its aria-label / aria-labelledby, its description (aria-describedby, title), and the names of
 * icons inside it (img alt, svg <title> / aria-label). Facts only; the new-window audit judges
 * whether any of it says "new window / tab" (G201, H83; 3.2.5 is AAA).
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type NewWindowArtifact = ArtifactOf<'new-window'>;
export type NewWindowLink = NewWindowArtifact['links'][number];

const LIMIT = 100;

function collect(limit: number): NewWindowArtifact {
  const pathOf = __porticoDomPath;
  const { norm, idRefText } = __portico;
  const links: NewWindowLink[] = [];
  const all = [...document.querySelectorAll('a[href], area[href], form[target]')];
  for (const el of all) {
    const target = norm(el.getAttribute('target'));
    if (!target || ['_self', '_parent', '_top'].includes(target.toLowerCase())) continue;
    if (links.length >= limit) break;
    const icons = [...el.querySelectorAll('img[alt], svg, [role=img]')].map((i) =>
      norm(i.getAttribute('alt') || i.getAttribute('aria-label') || idRefText(i.getAttribute('aria-labelledby')) || i.querySelector('title')?.textContent || '')).filter(Boolean);
    const html = el.outerHTML;
    links.push({
      domPath: pathOf(el),
      tag: el.localName,
      href: el.getAttribute('href') ?? el.getAttribute('action') ?? '',
      target,
      text: el.localName === 'form' ? '' : norm(el.textContent),
      ariaName: idRefText(el.getAttribute('aria-labelledby')) || norm(el.getAttribute('aria-label')),
      description: norm(`${idRefText(el.getAttribute('aria-describedby'))} ${el.getAttribute('title') ?? ''}`),
      iconNames: icons,
      visible: __portico.hasBox(el),
      snippet: html.slice(0, 200),
    });
  }
  return { schema: 'portico.probe.new-window/1', linkCount: document.querySelectorAll('a[href], area[href]').length, links };
}

export async function gatherNewWindow(page: Page): Promise<NewWindowArtifact> {
  return evaluateInPage(page, collect, LIMIT);
}

export const newWindowProbe: Probe = {
  id: 'new-window',
  description: 'Links and forms that open a new window or tab, with every text that could warn of it (G201, 3.2.5).',
  gather: (page) => gatherNewWindow(page),
};
