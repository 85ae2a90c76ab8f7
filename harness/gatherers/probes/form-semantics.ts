import type { Page } from 'playwright';
import { IN_PAGE_PRELUDE } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';
import { domPathOfBackendNode, openCdp, readingOrder, type AxNode } from './transcript.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';
import { ERROR_PREFIXES, isRedColour } from './error-cues.ts';

/**
 * Form semantics as a screen-reader user meets them: for every form control its role, accessible
 * name and where the name comes from (label, aria-labelledby, aria-label, title, placeholder only,
 * none), whether a label is visible, required / aria-invalid, the text of its aria-describedby and
 * aria-errormessage targets; the error messages shown on the page (text near a field, [id*=error],
 * .error, role=alert, red text), each with its colour, cues and structural tie (describedby,
 * errormessage, inside the label) to its field; the error summary (live? focused?); live regions;
 * and the forms' native constraint-validation state. It records facts; whether an error is tied to
 * its field, whether it is red and whether it is a hint are judged by the audits
 * (audits/wcag/form-errors.ts), so a replay re-judges them.
 */

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type FormSemanticsArtifact = ArtifactOf<'form-semantics'>;
export type FormControlInfo = FormSemanticsArtifact['controls'][number];
export type NameSource = FormControlInfo['nameSource'];
export type FieldAppearance = FormControlInfo['appearance'];
export type ErrorElementInfo = FormSemanticsArtifact['errors'][number];
export type ErrorSummaryInfo = NonNullable<FormSemanticsArtifact['summary']>;
export type FormInfo = FormSemanticsArtifact['forms'][number];

const CONTROL_LIMIT = 150;

declare const __porticoIsRed: (colour: string) => boolean;

/**
 * evaluateInPage with one more helper bound: `__porticoIsRed`, the same colour test the audits
 * judge with (error-cues.ts), used in the page only to select red text as a candidate error.
 */
async function evaluateFormSide<R, A>(page: Page, fn: (arg: A) => R, arg: A): Promise<R> {
  const expression = `(() => { ${IN_PAGE_PRELUDE} const __porticoIsRed = (${isRedColour.toString()}); return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
  return (await page.evaluate(expression)) as R;
}

async function domSide(page: Page) {
  return evaluateFormSide(page, ({ limit, prefixes }) => {
    const pathOf = __porticoDomPath;
    const { norm, hiddenFromAll } = __portico;
    const clip = (s: string, n = 300) => __portico.clip(s, n);
    const snippetOf = (el: Element) => el.outerHTML.slice(0, 300);
    /** Seen on screen: rendered, not clipped away as "screen-reader only". */
    function visible(el: Element): boolean {
      if (hiddenFromAll(el)) return false;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      for (let n: Element | null = el; n; n = n.parentElement) {
        const cs = getComputedStyle(n);
        if (Number(cs.opacity) === 0) return false;
        if (cs.position === 'absolute' || cs.position === 'fixed') {
          if (/rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(cs.clip) || cs.clipPath === 'inset(50%)') return false;
          const nr = n.getBoundingClientRect();
          if (nr.width <= 1 || nr.height <= 1) return false;
          if (nr.right < -1000 || nr.bottom < -1000) return false;
        }
      }
      return true;
    }
    function textOf(el: Element): string {
      // Label text without the text of controls nested in it (a wrapping label's select options).
      const clone = el.cloneNode(true) as Element;
      clone.querySelectorAll('select,textarea,script,style,[aria-hidden="true"]').forEach((n) => n.remove());
      clone.querySelectorAll('input').forEach((n) => n.replaceWith(document.createTextNode(' ')));
      return norm(clone.textContent);
    }
    function visibleText(el: Element): string {
      return visible(el) ? norm((el as HTMLElement).innerText ?? el.textContent) : '';
    }
    const ERROR_CLASS = /error|invalid/i;
    const NOT_ERROR_CLASS = /\b(no-?error|without-?error)\b/i;
    const errorClassed = (el: Element) => {
      const hay = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
      return ERROR_CLASS.test(hay) && !NOT_ERROR_CLASS.test(hay);
    };
    const prefixOf = (t: string) => {
      const low = t.toLowerCase();
      return prefixes.find((p) => low.startsWith(p)) ?? null;
    };

    const CONTROL_SELECTOR = 'input,select,textarea,[role="textbox"],[role="combobox"],[role="checkbox"],[role="radio"],[role="switch"],[role="listbox"],[role="spinbutton"],[role="searchbox"],[role="slider"],[contenteditable=""],[contenteditable="true"]';
    const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
    const all = Array.from(document.querySelectorAll(CONTROL_SELECTOR)).filter((el) => !(el.localName === 'input' && SKIP_TYPES.has((el as HTMLInputElement).type)));
    const shown = all.filter((el) => !hiddenFromAll(el));
    const hiddenControls = all.length - shown.length;
    const controlsEls = shown.slice(0, limit);
    const controlSet = new Set<Element>(controlsEls);
    const idText = (id: string) => { const t = document.getElementById(id); return { id, text: t ? clip(textOf(t)) : '', found: Boolean(t) }; };
    const implicitRole = (el: Element): string => {
      const explicit = el.getAttribute('role');
      if (explicit) return explicit.split(/\s+/)[0];
      if (el.localName === 'select') return (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
      if (el.localName === 'textarea') return 'textbox';
      if (el.localName === 'input') {
        const t = (el as HTMLInputElement).type;
        return ({ checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox' } as Record<string, string>)[t] ?? (el.hasAttribute('list') ? 'combobox' : 'textbox');
      }
      return 'generic';
    };

    // The error summary: a region named like one, or an alert/region listing links to fields.
    const fieldIds = new Set(controlsEls.map((c) => c.id).filter(Boolean));
    let summaryEl: Element | null = null;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (hiddenFromAll(el) || controlSet.has(el)) continue;
      const hay = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
      const named = /error[\s_-]?summary|errorsummary|validation[\s_-]?summary|form[\s_-]?errors/i.test(hay);
      const linksToFields = Array.from(el.querySelectorAll('a[href^="#"]')).filter((a) => fieldIds.has(decodeURIComponent(a.getAttribute('href')!.slice(1)))).length;
      const liveish = /^(alert|status)$/.test(el.getAttribute('role') ?? '') || el.hasAttribute('aria-live');
      if ((named && norm(el.textContent)) || (linksToFields > 0 && (liveish || errorClassed(el)) && !el.querySelector(CONTROL_SELECTOR))) { summaryEl = el; break; }
    }

    // Error-like elements outside the summary.
    const errorMessageIds = new Set<string>();
    for (const c of controlsEls) { const id = c.getAttribute('aria-errormessage'); if (id) id.split(/\s+/).forEach((x) => errorMessageIds.add(x)); }
    const candidates: Array<{ el: Element; why: string[] }> = [];
    for (const el of Array.from((document.body ?? document.documentElement).querySelectorAll('*'))) {
      if (['script', 'style', 'template', 'label', 'legend', 'a', 'button', 'option', 'select', 'textarea', 'input', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'img', 'title', 'noscript'].includes(el.localName)) continue;
      if (summaryEl && (summaryEl === el || summaryEl.contains(el) || el.contains(summaryEl))) continue;
      if (el.querySelector(CONTROL_SELECTOR) || el.querySelector('button')) continue;
      const text = visibleText(el);
      if (!text || text.length > 600) continue;
      const why: string[] = [];
      if (errorClassed(el)) why.push('class/id');
      if (errorMessageIds.has(el.id)) why.push('aria-errormessage target');
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && norm(n.nodeValue));
      const red = __porticoIsRed(getComputedStyle(el).color);
      if (red && ownText && text.replace(/[*\s]/g, '').length > 1) why.push('red text');
      if (el.getAttribute('role') === 'alert') why.push('role=alert');
      if (prefixOf(text) && (red || why.length)) why.push('error prefix');
      if (why.length === 0) continue;
      // Red text alone, or an alert alone, counts only next to a field (not a red brand line).
      if (why.every((w) => w === 'red text' || w === 'role=alert')) {
        let near = false;
        for (let a: Element | null = el.parentElement, i = 0; a && i < 3 && a !== document.body && a.localName !== 'main'; a = a.parentElement, i++) if (a.querySelector(CONTROL_SELECTOR)) { near = true; break; }
        if (!near && !why.includes('role=alert')) continue;
      }
      candidates.push({ el, why });
    }
    // Keep the outermost of nested candidates.
    const outer = candidates.filter((c) => !candidates.some((o) => o !== c && o.el.contains(c.el)));

    const liveRoot = (el: Element): Element | null => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        const role = n.getAttribute('role');
        const live = n.getAttribute('aria-live');
        if (live && live !== 'off') return n;
        if (role === 'alert' || role === 'status' || role === 'log') return n;
      }
      return null;
    };
    const describedIds = (c: Element) => [...(c.getAttribute('aria-describedby') ?? '').split(/\s+/), ...(c.getAttribute('aria-errormessage') ?? '').split(/\s+/)].filter(Boolean);
    const labelsOf = (c: Element): Element[] => {
      const labels = Array.from((c as HTMLInputElement).labels ?? []);
      return labels;
    };
    function tiedControl(errEl: Element): Element | null {
      for (const c of controlsEls) {
        for (const id of describedIds(c)) {
          const t = document.getElementById(id);
          if (t && (t === errEl || t.contains(errEl) || errEl.contains(t))) return c;
        }
        for (const id of (c.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
          const t = document.getElementById(id);
          if (t && (t === errEl || t.contains(errEl))) return c;
        }
        if (labelsOf(c).some((l) => l.contains(errEl))) return c;
      }
      return null;
    }
    function nearControl(errEl: Element): Element | null {
      for (let a: Element | null = errEl.parentElement, i = 0; a && i < 4; a = a.parentElement, i++) {
        const inside = Array.from(a.querySelectorAll(CONTROL_SELECTOR)).filter((c) => controlSet.has(c));
        if (inside.length === 0) continue;
        // A message outside the form (a page-level alert above it) is a general error, not one field's.
        if (Array.from(a.querySelectorAll('form')).some((f) => !f.contains(errEl))) return null;
        const after = inside.find((c) => errEl.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
        return after ?? inside[inside.length - 1];
      }
      return null;
    }
    const errors = outer.map(({ el, why }) => {
      const cs = getComputedStyle(el);
      const text = clip(visibleText(el));
      const cues: string[] = [];
      const p = prefixOf(text);
      if (p) cues.push(`prefix:${p}`);
      if (el.querySelector('img[alt]:not([alt=""]), svg[aria-label], [role="img"][aria-label]')) cues.push('icon');
      if (Number(cs.fontWeight) >= 600) cues.push('bold');
      if (cs.textDecorationLine.includes('underline')) cues.push('underline');
      const tied = tiedControl(el);
      const control = tied ?? nearControl(el);
      return { el, info: { domPath: pathOf(el), text, color: cs.color, why, repeats: 0, nonColourCues: cues, control: control ? pathOf(control) : null, tied: Boolean(tied), inLiveRegion: Boolean(liveRoot(el)), snippet: snippetOf(el) } };
    });

    for (const e of errors) e.info.repeats = errors.filter((o) => o.info.text === e.info.text).length;
    const active = document.activeElement && document.activeElement !== document.body && document.activeElement !== document.documentElement ? document.activeElement : null;

    const controls = controlsEls.map((c) => {
      const input = c as HTMLInputElement;
      const labelledby = (c.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const lbText = norm(labelledby.map((id) => { const t = document.getElementById(id); return t ? textOf(t) : ''; }).join(' '));
      const ariaLabel = norm(c.getAttribute('aria-label'));
      const labels = labelsOf(c);
      const labelText = norm(labels.map(textOf).join(' '));
      const title = norm(c.getAttribute('title'));
      const placeholder = c.getAttribute('placeholder') ?? c.getAttribute('aria-placeholder');
      let nameSource: 'aria-labelledby' | 'aria-label' | 'label' | 'title' | 'placeholder' | 'none' = 'none';
      let name = '';
      if (lbText) { nameSource = 'aria-labelledby'; name = lbText; }
      else if (ariaLabel) { nameSource = 'aria-label'; name = ariaLabel; }
      else if (labelText) { nameSource = 'label'; name = labelText; }
      else if (title) { nameSource = 'title'; name = title; }
      else if (norm(placeholder)) { nameSource = 'placeholder'; name = norm(placeholder); }
      let visibleLabelHow: 'label' | 'aria-labelledby' | 'adjacent-text' | null = null;
      let visibleLabelText = '';
      const visLabel = labels.find((l) => visible(l) && textOf(l));
      if (visLabel) { visibleLabelHow = 'label'; visibleLabelText = textOf(visLabel); }
      else {
        const visLb = labelledby.map((id) => document.getElementById(id)).find((t) => t && visible(t) && textOf(t));
        if (visLb) { visibleLabelHow = 'aria-labelledby'; visibleLabelText = textOf(visLb); }
        else if (name && nameSource !== 'placeholder') {
          // aria-label / title matching visible text just before the control (same container).
          // (G167: an adjacent button naming the field's purpose counts too.)
          const neighbours = [c.previousElementSibling, c.parentElement?.previousElementSibling, c.nextElementSibling].filter((n): n is Element => Boolean(n));
          const near = neighbours.map((n) => visibleText(n)).find((t) => t && t.toLowerCase().includes(name.toLowerCase()));
          if (near) { visibleLabelHow = 'adjacent-text'; visibleLabelText = near; }
        }
      }
      const labelHidden = labels.length > 0 && !labels.some((l) => visible(l));
      let firstOptionText: string | null = null;
      if (c.localName === 'select') {
        const first = (c as HTMLSelectElement).options[0];
        if (first && first.value === '' && norm(first.text)) firstOptionText = norm(first.text);
      }
      const fieldset = c.closest('fieldset');
      const legend = fieldset?.querySelector(':scope > legend');
      const groupEl = c.parentElement?.closest('[role="group"],[role="radiogroup"]');
      const group = legend ? textOf(legend) : groupEl ? norm(groupEl.getAttribute('aria-label')) || null : null;
      const constraints: string[] = [];
      if ('required' in c && input.required) constraints.push('required');
      if (c.hasAttribute('pattern')) constraints.push(`pattern=${c.getAttribute('pattern')}`);
      if (c.localName === 'input' && ['email', 'url'].includes(input.type)) constraints.push(`type=${input.type}`);
      if (c.hasAttribute('min') || c.hasAttribute('max')) constraints.push('min/max');
      if (c.hasAttribute('minlength')) constraints.push('minlength');
      const validity = (c as HTMLInputElement).validity;
      // Appearance now, and the page's normal styling for this field: a pristine clone of its group
      // (error/invalid classes, aria-invalid and inline styles removed) measured under the page's CSS.
      const labelTextEl = (): Element | null => {
        const lb = labelledby.map((id) => document.getElementById(id)).find((t): t is HTMLElement => Boolean(t && textOf(t)));
        const host = lb ?? labels.find((l) => textOf(l)) ?? legend ?? null;
        if (!host) return null;
        // The element that paints the label's words (a floating-label span inside a wrapping label).
        const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (norm(n.nodeValue) && parent && !parent.closest('select,textarea,option') && parent.getAttribute('aria-hidden') !== 'true') return parent;
        }
        return host;
      };
      const labelEl = labelTextEl();
      let fieldGroup: Element | null = c.parentElement;
      while (fieldGroup && fieldGroup.localName !== 'form' && fieldGroup !== document.body && labelEl && !fieldGroup.contains(labelEl)) fieldGroup = fieldGroup.parentElement;
      if (fieldGroup && (fieldGroup.localName === 'form' || fieldGroup === document.body)) fieldGroup = c.parentElement;
      const borderOf = (el: Element) => { const cs = getComputedStyle(el); return [cs.borderTopColor, cs.borderRightColor, cs.borderBottomColor, cs.borderLeftColor]; };
      const groupPaint = (el: Element | null) => (el && el !== c ? `${getComputedStyle(el).borderLeftColor} ${getComputedStyle(el).borderLeftWidth}` : null);
      const appearance = { border: borderOf(c), label: labelEl ? getComputedStyle(labelEl).color : null, group: groupPaint(fieldGroup), focused: c === document.activeElement };
      const markClasses: string[] = [];
      for (const el of [c, ...labels, ...(legend ? [legend] : []), ...(fieldGroup && fieldGroup !== c ? [fieldGroup] : [])]) {
        const cls = typeof el.className === 'string' ? el.className : '';
        for (const tok of cls.split(/\s+/)) if (tok && ERROR_CLASS.test(tok) && !NOT_ERROR_CLASS.test(tok) && !markClasses.includes(tok)) markClasses.push(tok);
      }
      let baseline: { border: string[]; label: string | null; group: string | null } | null = null;
      if (fieldGroup && fieldGroup.parentElement) {
        try {
          const all = [fieldGroup, ...Array.from(fieldGroup.querySelectorAll('*'))];
          const ci = all.indexOf(c), li = labelEl ? all.indexOf(labelEl) : -1;
          const clone = fieldGroup.cloneNode(true) as HTMLElement;
          const cAll = [clone, ...Array.from(clone.querySelectorAll('*'))] as HTMLElement[];
          for (const el of cAll) {
            const cls = typeof el.className === 'string' ? el.className : '';
            if (cls) el.setAttribute('class', cls.split(/\s+/).filter((t) => !(ERROR_CLASS.test(t) && !NOT_ERROR_CLASS.test(t))).join(' '));
            el.removeAttribute('aria-invalid');
            el.removeAttribute('style');
            el.removeAttribute('autofocus');
          }
          clone.style.cssText = 'position:absolute!important;left:-100000px!important;top:0!important;visibility:hidden!important;pointer-events:none!important';
          clone.setAttribute('aria-hidden', 'true');
          fieldGroup.parentElement.insertBefore(clone, fieldGroup.nextSibling);
          try {
            const cc = ci >= 0 ? cAll[ci] : null;
            if (cc) baseline = { border: borderOf(cc), label: li >= 0 ? getComputedStyle(cAll[li]).color : null, group: groupPaint(fieldGroup === c ? null : clone) };
          } finally { clone.remove(); }
        } catch { baseline = null; }
      }
      const mine = errors.filter((e) => e.info.control === pathOf(c));
      return {
        domPath: pathOf(c),
        tag: c.localName,
        type: c.localName === 'input' ? input.type : c.getAttribute('type'),
        id: c.id || null,
        nameAttr: c.getAttribute('name'),
        role: implicitRole(c),
        name: clip(name),
        nameSource,
        axName: null as string | null,
        visibleLabel: visibleLabelHow !== null,
        visibleLabelText: clip(visibleLabelText),
        visibleLabelHow,
        labelHidden,
        disabled: (c as HTMLInputElement).disabled === true,
        placeholder,
        firstOptionText,
        required: Boolean(input.required) || c.getAttribute('aria-required') === 'true',
        ariaRequired: c.getAttribute('aria-required') === 'true',
        ariaInvalid: c.getAttribute('aria-invalid'),
        describedBy: (c.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map(idText),
        errorMessage: c.getAttribute('aria-errormessage') ? idText(c.getAttribute('aria-errormessage')!.split(/\s+/)[0]) : null,
        group,
        constraints,
        valid: validity ? validity.valid : true,
        validationMessage: (c as HTMLInputElement).validationMessage ?? '',
        formPath: (input.form ?? c.closest('form')) ? pathOf((input.form ?? c.closest('form'))!) : null,
        appearance,
        baseline,
        markClasses,
        userInvalid: (() => { try { return c.matches(':user-invalid'); } catch { return false; } })(),
        errorTexts: [...new Set(mine.map((e) => e.info.text))],
        snippet: snippetOf(c),
      };
    });
    const forms = Array.from(document.forms).filter((f) => !hiddenFromAll(f)).map((f) => {
      const els = Array.from(f.elements).filter((e) => !(e instanceof HTMLInputElement && SKIP_TYPES.has(e.type)) && !hiddenFromAll(e)) as HTMLInputElement[];
      const constrained = els.filter((e) => e.required || e.hasAttribute('pattern') || (e instanceof HTMLInputElement && ['email', 'url'].includes(e.type)) || e.hasAttribute('min') || e.hasAttribute('max') || e.hasAttribute('minlength'));
      const invalid = els.filter((e) => e.validity && !e.validity.valid);
      const userInvalid = els.filter((e) => { try { return e.matches(':user-invalid'); } catch { return false; } });
      return {
        domPath: pathOf(f),
        action: f.getAttribute('action') ?? '',
        method: (f.getAttribute('method') ?? 'get').toLowerCase(),
        noValidate: f.noValidate,
        constrainedControls: constrained.length,
        invalidNow: invalid.length,
        userInvalid: userInvalid.length,
        validationMessages: [...new Set(invalid.map((e) => e.validationMessage).filter(Boolean))].slice(0, 5),
      };
    });

    const liveRegions = Array.from(document.querySelectorAll('[aria-live],[role~="alert"],[role~="status"],[role~="log"]'))
      .filter((el) => !hiddenFromAll(el))
      .map((el) => {
        const role = (el.getAttribute('role') ?? '').split(/\s+/)[0] || null;
        return { domPath: pathOf(el), role, live: el.getAttribute('aria-live') ?? (role === 'alert' ? 'assertive' : 'polite'), text: clip(visibleText(el) || norm(el.textContent)) };
      })
      .filter((r) => r.live !== 'off')
      .slice(0, 50);

    let summary = null;
    if (summaryEl) {
      const role = summaryEl.getAttribute('role');
      const liveAttr = summaryEl.getAttribute('aria-live');
      const root = liveRoot(summaryEl);
      summary = {
        domPath: pathOf(summaryEl),
        text: clip(visibleText(summaryEl)),
        role,
        live: liveAttr && liveAttr !== 'off' ? liveAttr : role === 'alert' ? 'assertive' : role === 'status' ? 'polite' : root ? (root.getAttribute('aria-live') ?? 'polite') : null,
        focused: Boolean(active && (summaryEl === active || summaryEl.contains(active))),
        links: Array.from(summaryEl.querySelectorAll('a[href]')).slice(0, 50).map((a) => {
          const href = a.getAttribute('href')!;
          const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
          return { href, text: clip(textOf(a)), target: target ? pathOf(target) : null };
        }),
        snippet: snippetOf(summaryEl),
      };
    }
    const activeInfo = active ? {
      domPath: pathOf(active),
      tag: active.localName,
      role: active.getAttribute('role'),
      name: clip(active.getAttribute('aria-label') ?? textOf(active).slice(0, 120)),
      inSummary: Boolean(summaryEl && (summaryEl === active || summaryEl.contains(active))),
    } : null;
    return {
      url: location.href,
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      controls,
      hiddenControls,
      truncated: shown.length > limit,
      forms,
      errors: errors.map((e) => e.info),
      summary,
      activeElement: activeInfo,
      liveRegions,
      axSource: 'dom' as 'cdp' | 'dom',
    };
  }, { limit: CONTROL_LIMIT, prefixes: ERROR_PREFIXES });
}

const CONTROL_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch', 'MenuListPopup', 'textField']);

export async function gatherFormSemantics(page: Page): Promise<FormSemanticsArtifact> {
  const artifact = await domSide(page);
  if (artifact.controls.length === 0) return artifact;
  const cdp = await openCdp(page);
  if (!cdp) return artifact;
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
    const byPath = new Map(artifact.controls.map((c) => [c.domPath, c]));
    let resolved = 0;
    for (const n of readingOrder(nodes)) {
      if (n.ignored || !CONTROL_ROLES.has(String(n.role?.value ?? ''))) continue;
      if (resolved++ > 300) break;
      const path = await domPathOfBackendNode(cdp, n.backendDOMNodeId);
      const c = path ? byPath.get(path) : undefined;
      if (!c) continue;
      c.role = String(n.role?.value);
      c.axName = String(n.name?.value ?? '');
      c.name = c.axName.length > 300 ? c.axName.slice(0, 299) + '…' : c.axName;
    }
    artifact.axSource = 'cdp';
  } catch {
    // keep the DOM computation
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return artifact;
}

export const formSemanticsProbe: Probe = {
  id: 'form-semantics',
  description: 'Form controls (role, name and its source, visible label, required, invalid, described-by), error messages and their ties, error summary, announcement, native validation.',
  gather: (page) => gatherFormSemantics(page),
};
