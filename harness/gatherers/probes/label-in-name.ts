/**
 * Label in name (2.5.3): for each visible control that has a visible text label — its own text
 * (buttons, links, tabs, menu items…) or its <label> (form fields) — the visible label as a sighted
 * person reads it (visually hidden text left out) and the accessible name Chromium computes for it
 * (CDP Accessibility.getPartialAXTree: what speech-input and screen-reader software receive).
 * Facts only; the label-in-name audit compares them. Without CDP (not Chromium) nothing is read
 * and `source` is 'none'.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { IN_PAGE_PRELUDE } from '../in-page.ts';
import { openCdp, type AxNode } from './transcript.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type LabelInNameArtifact = ArtifactOf<'label-in-name'>;
export type LabelInNameControl = LabelInNameArtifact['controls'][number];

const LIMIT = 150;

/** In the page: the visible controls that carry a visible text label. */
const CANDIDATES = `(() => {
  ${IN_PAGE_PRELUDE}
  const SEL = 'a[href], button, summary, [role=button], [role=link], [role=menuitem], [role=menuitemcheckbox], [role=menuitemradio], [role=tab], [role=option], [role=switch], [role=checkbox], [role=radio], input:not([type=hidden]), select, textarea';
  const out = [];
  for (const el of document.querySelectorAll(SEL)) {
    if (!__portico.hasBox(el)) continue;
    out.push(el);
    if (out.length >= ${LIMIT}) break;
  }
  return out;
})()`;

/** In the page, on one control: its visible label (visually hidden text left out). */
const DESCRIBE = `function () {
  ${IN_PAGE_PRELUDE}
  const el = this;
  const pathOf = __porticoDomPath;
  const hiddenVisually = (e) => {
    for (let n = e; n && n !== document.body; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
      const r = n.getBoundingClientRect();
      if ((cs.overflow === 'hidden' || cs.clip !== 'auto' || cs.clipPath !== 'none') && r.width <= 1 && r.height <= 1) return true;
      if (/rect\\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\\)/.test(cs.clip) || cs.clipPath === 'inset(50%)') return true;
    }
    return false;
  };
  const visibleText = (root) => {
    let s = '';
    const walk = (n) => {
      if (n.nodeType === 3) { if (n.parentElement && !hiddenVisually(n.parentElement)) s += n.textContent; return; }
      if (n.nodeType !== 1) return;
      const tag = n.localName;
      if (tag === 'script' || tag === 'style' || tag === 'template') return;
      if (n !== el && n.matches('input, select, textarea')) return; // a field's value is not its label
      if (tag === 'img' && !hiddenVisually(n)) return; // an image of text is not readable text here
      const block = /^(div|p|br|li)$/.test(tag);
      if (block) s += ' ';
      for (const c of n.childNodes) walk(c);
      if (block) s += ' ';
    };
    walk(root);
    return __portico.norm(s);
  };
  const field = el.matches('input, select, textarea');
  const type = (el.getAttribute('type') || '').toLowerCase();
  let label = '';
  let from = 'content';
  if (field && !/^(submit|button|reset)$/.test(type)) {
    from = 'label';
    label = [...(el.labels || [])].map(visibleText).join(' ').trim();
  } else if (field) {
    label = (el.value || '').trim();
  } else {
    label = visibleText(el);
  }
  const html = el.outerHTML;
  return { domPath: pathOf(el), tag: el.localName, labelFrom: from, visibleLabel: label.slice(0, 200), snippet: html.slice(0, 200) };
}`;

export async function gatherLabelInName(page: Page): Promise<LabelInNameArtifact> {
  const cdp = await openCdp(page);
  if (!cdp) return { schema: 'portico.probe.label-in-name/1', source: 'none', checked: 0, controls: [] };
  const controls: LabelInNameControl[] = [];
  let checked = 0;
  try {
    const list = await cdp.send('Runtime.evaluate', { expression: CANDIDATES });
    const listId = list.result.objectId;
    if (!listId) return { schema: 'portico.probe.label-in-name/1', source: 'cdp', checked: 0, controls: [] };
    const props = await cdp.send('Runtime.getProperties', { objectId: listId, ownProperties: true });
    for (const p of props.result) {
      if (!/^\d+$/.test(p.name) || !p.value?.objectId) continue;
      const objectId = p.value.objectId;
      checked++;
      const d = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: DESCRIBE, returnByValue: true });
      const info = d.result.value as Omit<LabelInNameControl, 'accessibleName' | 'role' | 'nameFrom'>;
      if (!info || !/[\p{L}\p{N}]/u.test(info.visibleLabel)) continue;
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: false })) as unknown as { nodes: AxNode[] };
      const node = nodes[0];
      if (!node || node.ignored) continue;
      const used = node.name?.sources?.find((s) => !s.superseded && String(s.value?.value ?? '').trim());
      controls.push({
        ...info,
        role: String(node.role?.value ?? info.tag),
        accessibleName: String(node.name?.value ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
        nameFrom: used ? (used.attribute ?? used.type ?? null) : null,
      });
    }
    await cdp.send('Runtime.releaseObject', { objectId: listId }).catch(() => undefined);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return { schema: 'portico.probe.label-in-name/1', source: 'cdp', checked, controls };
}

export const labelInNameProbe: Probe = {
  id: 'label-in-name',
  description: 'Visible labels of controls and the accessible names Chromium computes for them (2.5.3).',
  gather: (page) => gatherLabelInName(page),
};
