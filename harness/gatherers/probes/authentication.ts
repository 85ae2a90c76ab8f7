/**
 * Accessible authentication (3.3.8): the fields where a person types a secret to sign in or up
 * — password fields, one-time-code fields, a code split into one-character boxes — and whether the
 * page lets a password manager or the clipboard fill them. Facts only; the accessible-authentication
 * audit judges (with the captcha probe's artifact for puzzles).
 *
 * Paste is tried, not guessed: a synthetic `paste` event (and a Ctrl/⌘+V keydown) is dispatched at
 * each field and the probe records whether the page cancelled it (`defaultPrevented` — an inline
 * `onpaste="return false"` or any listener on the field or above it). A synthetic event inserts
 * nothing by itself; where the page's own paste handler spreads the text over code boxes, the
 * boxes' values are put back as they were, with an `input` event so a framework's state follows.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type AuthenticationArtifact = ArtifactOf<'authentication'>;
export type SecretField = AuthenticationArtifact['fields'][number];

function inspect(): Omit<AuthenticationArtifact, 'schema'> {
  const pathOf = __porticoDomPath;
  const { norm, hasOperableBox } = __portico;
  const labelOf = (i: HTMLInputElement) => norm(Array.from(i.labels ?? []).map((l) => l.textContent).join(' ') || i.getAttribute('aria-label') || (i.closest('fieldset')?.querySelector('legend')?.textContent) || i.getAttribute('placeholder') || i.name).slice(0, 120);
  const ac = (i: Element) => norm(i.getAttribute('autocomplete')).toLowerCase();
  const inputs = Array.from(document.querySelectorAll('input')).filter((i) => hasOperableBox(i) && !i.disabled && !i.readOnly) as HTMLInputElement[];
  const textish = (i: HTMLInputElement) => ['', 'text', 'tel', 'number', 'password'].includes((i.getAttribute('type') ?? '').toLowerCase());

  // Split codes: four or more one-character boxes side by side.
  const groups = new Map<Element, HTMLInputElement[]>();
  for (const i of inputs) {
    if (!textish(i) || i.maxLength !== 1) continue;
    const g = i.parentElement?.querySelectorAll('input').length === 1 ? i.parentElement.parentElement : i.parentElement;
    if (!g) continue;
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  const targets: Array<{ kind: SecretField['kind']; els: HTMLInputElement[] }> = [];
  const inBoxes = new Set<HTMLInputElement>();
  for (const els of groups.values()) if (els.length >= 4) { targets.push({ kind: 'code-boxes', els }); els.forEach((e) => inBoxes.add(e)); }
  for (const i of inputs) {
    if (inBoxes.has(i)) continue;
    if ((i.getAttribute('type') ?? '').toLowerCase() === 'password') targets.push({ kind: 'password', els: [i] });
    else if (/\bone-time-code\b/.test(ac(i))) targets.push({ kind: 'one-time-code', els: [i] });
  }

  const setValue = (el: HTMLInputElement, v: string) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const fields: SecretField[] = [];
  for (const t of targets.slice(0, 20)) {
    const first = t.els[0];
    const before = t.els.map((e) => e.value);
    const data = new DataTransfer();
    data.setData('text/plain', t.kind === 'password' ? 'Portico-paste-check-1' : '246810');
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    first.dispatchEvent(paste);
    const pasteHandled = t.els.some((e, k) => e.value !== before[k]);
    t.els.forEach((e, k) => { if (e.value !== before[k]) setValue(e, before[k]); });
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    const key = new KeyboardEvent('keydown', { key: 'v', code: 'KeyV', ctrlKey: !mac, metaKey: mac, bubbles: true, cancelable: true, composed: true });
    first.dispatchEvent(key);
    fields.push({
      domPath: pathOf(t.kind === 'code-boxes' ? first.parentElement! : first), kind: t.kind, autocomplete: ac(first), label: labelOf(first), boxes: t.els.length,
      pasteBlocked: paste.defaultPrevented && !pasteHandled, shortcutBlocked: key.defaultPrevented, pasteHandled,
      snippet: (t.kind === 'code-boxes' ? first.parentElement! : first).outerHTML.slice(0, 200),
    });
  }

  const authSignals: string[] = [];
  if (targets.some((t) => t.kind === 'password')) authSignals.push('password field');
  if (targets.some((t) => t.kind !== 'password')) authSignals.push('one-time code');
  if (inputs.some((i) => /\b(username|current-password|new-password|webauthn)\b/.test(ac(i)))) authSignals.push('autocomplete username/password');
  return { authSignals, fields };
}

export async function gatherAuthentication(page: Page): Promise<AuthenticationArtifact> {
  return { schema: 'portico.probe.authentication/1', ...(await evaluateInPage(page, inspect)) };
}

export const authenticationProbe: Probe = {
  id: 'authentication',
  description: 'Password and one-time-code fields (split boxes too) and whether the page cancels paste into them (3.3.8).',
  gather: (page) => gatherAuthentication(page),
};
