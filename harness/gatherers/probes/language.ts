import type { Page } from 'playwright';
import { evaluateInPage } from '../in-page.ts';
import type { Probe, ProbeContext } from '../../journey/types.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * The language probe: what language the page says it is in, which way it runs, and the text a
 * person meets, each piece with its effective language (closest [lang]) — and the target's
 * catalogues for the persona's locale and English, which the audits match that text against.
 * Read only: it does not change the page.
 */

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type LanguageArtifact = ArtifactOf<'language'>;
export type TextSegment = LanguageArtifact['segments'][number];
export type SegmentKind = TextSegment['kind'];
/** Which segments are English catalogue values left untranslated (matched by audits/i18n/catalogue-evidence.ts). */
export type CatalogueEvidence = NonNullable<LanguageArtifact['catalogue']>;
export type UntranslatedMatch = CatalogueEvidence['untranslated'][number];

export interface CollectOptions { maxSegments: number; maxChars: number }

/** Runs in the page (self-contained). */
export function collectLanguage(opts: CollectOptions) {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const pathOf = __porticoDomPath;
  const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'head', 'iframe', 'object', 'canvas', 'code', 'pre', 'kbd', 'samp', 'var']);
  const BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'legend', 'button', 'summary', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'blockquote', 'a', 'option']);
  // What an invalid field points to: its error message — and, through aria-describedby, often its
  // hint too (GOV.UK, USWDS, Bootstrap describe a field by hint and error alike): a target whose
  // id or class says hint / help / description is the hint.
  const HINT = /hint|help|description|instruction/i;
  const errorIds = new Set<string>();
  for (const c of Array.from(document.querySelectorAll('[aria-invalid="true"]'))) {
    for (const attr of ['aria-describedby', 'aria-errormessage']) {
      for (const id of (c.getAttribute(attr) ?? '').split(/\s+/)) {
        const t = id ? document.getElementById(id) : null;
        if (id && !(attr === 'aria-describedby' && t && HINT.test(`${t.id} ${typeof t.className === 'string' ? t.className : ''}`))) errorIds.add(id);
      }
    }
  }
  const FIELD = 'input:not([type=hidden]),select,textarea';
  const isError = (el: Element) => {
    let node: Element | null = el;
    for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
      if (node.localName === 'body' || node.localName === 'main') break;
      // A container holding the field (a form group marked "--error") marks the group, not each text
      // in it: its label and hint are not error messages.
      if (node !== el && node.querySelector(FIELD)) break;
      if (node.getAttribute('role') === 'alert' || node.getAttribute('aria-live') === 'assertive') return true;
      if (node.id && errorIds.has(node.id)) return true;
      const cls = typeof node.className === 'string' ? node.className : '';
      if (/(^|[-_\s])(error|errors|invalid)([-_\s]|$)/i.test(cls) || /(^|[-_])error/i.test(node.id)) return true;
    }
    return false;
  };
  const kindOf = (el: Element): SegmentKind => {
    if (isError(el)) return 'error';
    const tag = el.localName;
    const role = el.getAttribute('role');
    if (/^h[1-6]$/.test(tag) || role === 'heading' || el.closest('h1,h2,h3,h4,h5,h6')) return 'heading';
    if (tag === 'button' || tag === 'summary' || role === 'button' || el.closest('button')) return 'button';
    if (tag === 'label' || tag === 'legend' || el.closest('label,legend')) return 'label';
    if (tag === 'a' || el.closest('a')) return 'link';
    if (['p', 'li', 'dd', 'dt', 'blockquote', 'td', 'th', 'figcaption', 'caption'].includes(tag) || el.closest('p,li')) return 'paragraph';
    return 'other';
  };
  const langOf = (el: Element) => {
    const carrier = el.closest('[lang]');
    return carrier ? { lang: (carrier.getAttribute('lang') ?? '').trim(), langFrom: pathOf(carrier) } : { lang: '', langFrom: undefined };
  };
  const segments: Array<Record<string, unknown>> = [];
  let total = 0;
  let chars = 0;
  let truncated = false;
  const push = (seg: Record<string, unknown>) => {
    total++;
    const size = String(seg.text).length + String(seg.full ?? '').length;
    if (segments.length >= opts.maxSegments || chars + size > opts.maxChars) { truncated = true; return; }
    chars += size;
    segments.push(seg);
  };
  const base = (el: Element, visuallyHidden: boolean) => {
    const { lang, langFrom } = langOf(el);
    const seg: Record<string, unknown> = { tag: el.localName, domPath: pathOf(el), lang, kind: kindOf(el), inMain: !!el.closest('main,[role="main"]') };
    if (langFrom) seg.langFrom = langFrom;
    if (visuallyHidden) seg.visuallyHidden = true;
    return seg;
  };
  const walk = (el: Element, hiddenAncestor: boolean) => {
    if (SKIP.has(el.localName)) return;
    if (el.getAttribute('aria-hidden') === 'true') return;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return;
    const r = el.getBoundingClientRect();
    const vh = hiddenAncestor || (el.localName !== 'option' && el.localName !== 'optgroup' && (r.width <= 1 || r.height <= 1 || (cs.clip !== 'auto' && /rect\(\s*0/.test(cs.clip)) || /inset\(\s*(50%|100%)/.test(cs.clipPath)));
    const shown = cs.visibility !== 'hidden' && cs.visibility !== 'collapse';
    if (shown) {
      let own = '';
      for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) own += ' ' + (n.nodeValue ?? '');
      own = norm(own);
      if (own && /\p{L}/u.test(own)) {
        const seg = base(el, vh);
        seg.text = cut(own, 300);
        seg.source = 'text';
        if (BLOCK.has(el.localName) && el.children.length > 0) {
          const full = norm((el as HTMLElement).innerText || el.textContent);
          if (full && full !== own) seg.full = cut(full, 600);
        }
        push(seg);
      }
      const attrs: Array<[string, TextSegment['source']]> = [['placeholder', 'placeholder'], ['aria-label', 'aria-label'], ['alt', 'alt'], ['title', 'title']];
      if (el.localName === 'input' && ['submit', 'button', 'reset'].includes((el as HTMLInputElement).type)) attrs.push(['value', 'value']);
      for (const [attr, source] of attrs) {
        const v = norm(el.getAttribute(attr));
        if (v && /\p{L}/u.test(v)) {
          const seg = base(el, vh);
          seg.text = cut(v, 300);
          seg.source = source;
          if (source !== 'value') seg.kind = seg.kind === 'error' ? 'error' : 'attribute';
          push(seg);
        }
      }
    }
    for (const child of Array.from(el.children)) walk(child, vh);
  };
  if (document.body) walk(document.body, false);
  const html = document.documentElement;
  const main = document.querySelector('main,[role="main"]');
  return {
    htmlLang: html.hasAttribute('lang') ? html.getAttribute('lang') : null,
    htmlDir: html.hasAttribute('dir') ? html.getAttribute('dir') : null,
    direction: {
      html: getComputedStyle(html).direction,
      body: document.body ? getComputedStyle(document.body).direction : null,
      main: main ? getComputedStyle(main).direction : null,
    },
    mainDir: main?.closest('[dir]')?.getAttribute('dir') ?? null,
    title: norm(document.title),
    segments,
    totalSegments: total,
    truncated,
  };
}

/**
 * The catalogues the audits match the segments against: the persona's locale and English, when the
 * target has catalogues (the matching itself is judgement: audits/i18n/catalogue-evidence.ts).
 */
export function recordedCatalogues(locale: string, catalogues: Record<string, Record<string, string>> | undefined): LanguageArtifact['catalogues'] {
  const picked = Object.fromEntries([...new Set(['en', locale])].filter((l) => catalogues?.[l]).map((l) => [l, catalogues![l]]));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

export async function gatherLanguage(page: Page, ctx: ProbeContext): Promise<LanguageArtifact> {
  const raw = await evaluateInPage(page, collectLanguage, { maxSegments: 400, maxChars: 40_000 });
  const segments = raw.segments as unknown as TextSegment[];
  if (raw.title) segments.unshift({ text: raw.title.slice(0, 300), tag: 'title', domPath: 'html>head:nth-of-type(1)>title:nth-of-type(1)', lang: raw.htmlLang ?? '', kind: 'title', source: 'text', inMain: false });
  const catalogues = recordedCatalogues(ctx.locale, ctx.catalogues);
  const summary = [
    `Page ${page.url()} for locale "${ctx.locale}": <html lang=${JSON.stringify(raw.htmlLang)} dir=${JSON.stringify(raw.htmlDir)}>; computed direction html ${raw.direction.html}, body ${raw.direction.body ?? '-'}, main ${raw.direction.main ?? '-'}.`,
    `${segments.length} text segment(s) recorded${raw.truncated ? ` (of ${raw.totalSegments}; capped)` : ''}; languages marked: ${[...new Set(segments.map((s) => s.lang || '(none)'))].join(', ')}.`,
  ];
  return {
    schema: 'portico.probe.language/1',
    locale: ctx.locale,
    targetLocales: ctx.targetLocales,
    url: page.url(),
    htmlLang: raw.htmlLang,
    htmlDir: raw.htmlDir,
    direction: raw.direction,
    mainDir: raw.mainDir,
    title: raw.title,
    segments,
    totalSegments: raw.totalSegments + (raw.title ? 1 : 0),
    truncated: raw.truncated,
    ...(catalogues ? { catalogues } : {}),
    summary,
  };
}

export const languageProbe: Probe = {
  id: 'language',
  description: 'Records <html lang>/dir, computed text direction, the visible text with its effective language, and the target\'s catalogues for the locale and English, for catalogue evidence of untranslated strings (WCAG 3.1.1, 3.1.2, 1.3.2; i18n).',
  gather: (page: Page, ctx: ProbeContext) => gatherLanguage(page, ctx),
};
