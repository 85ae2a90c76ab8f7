// Components after GOV.UK Frontend's patterns: error summary, error messages, dialogs, character
// count, conditional reveal, time-out warning. Handlers are attached with addEventListener only.

export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export async function postJSON(url, data, { raw, type } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': type ?? 'application/json' },
    body: raw ?? JSON.stringify(data ?? {}),
  });
  let body = {};
  try { body = await res.json(); } catch { /* not JSON */ }
  return { status: res.status, body };
}

/** Removes the error summary and every error message and state from a form. */
export function clearErrors(main, form) {
  main.querySelector('.govuk-error-summary')?.remove();
  for (const m of form.querySelectorAll('.govuk-error-message')) m.remove();
  for (const g of form.querySelectorAll('.govuk-form-group--error')) g.classList.remove('govuk-form-group--error');
  for (const i of form.querySelectorAll('[aria-invalid]')) {
    i.removeAttribute('aria-invalid');
    i.classList.remove('govuk-input--error', 'govuk-textarea--error');
    const ids = (i.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) i.setAttribute('aria-describedby', ids.join(' '));
    else i.removeAttribute('aria-describedby');
  }
  for (const i of form.querySelectorAll('.govuk-input--error')) i.classList.remove('govuk-input--error');
  if (document.title.startsWith(main.dataset.errorPrefix ?? '\u0000')) document.title = document.title.slice(main.dataset.errorPrefix.length + 1);
}

/**
 * Shows errors the GOV.UK way: a summary at the top of main (focused, role=alert, title prefixed
 * "Error:") linking to each field, and a message above each field tied to it by aria-describedby.
 * opts: { focusSummary, link, text } — the rendering switches of this page.
 */
export function showErrors(main, form, errors, t, opts) {
  clearErrors(main, form);
  if (!errors.length) return;
  const inputFor = (field) => form.querySelector(`#${CSS.escape(field)}`) ?? form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (!opts.text) {
    // Only the field's border shows that something is wrong.
    for (const e of errors) inputFor(e.field)?.classList.add('govuk-input--error');
    return;
  }
  for (const e of errors) {
    const input = inputFor(e.field);
    const group = input?.closest('.govuk-form-group');
    if (!group) continue;
    group.classList.add('govuk-form-group--error');
    const msg = document.createElement('p');
    msg.className = 'govuk-error-message';
    msg.id = `${e.field}-error`;
    msg.innerHTML = `<span class="govuk-visually-hidden">${esc(t['err.prefix'])}</span> ${esc(fill(t[e.key] ?? e.key, { n: opts.max ?? '' }))}`;
    const anchor = group.querySelector('.govuk-fieldset__legend')?.parentElement === group ? null : group.querySelector('.govuk-hint:not(.govuk-checkboxes__hint)') ?? group.querySelector('label');
    const fieldset = group.querySelector('fieldset');
    if (fieldset) fieldset.querySelector('.govuk-hint, legend')?.after(msg);
    else if (anchor) anchor.after(msg);
    else group.prepend(msg);
    if (input.type !== 'radio') input.classList.add(input.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error');
    if (opts.link) {
      const targets = input.type === 'radio' ? [input] : [input];
      for (const tgt of targets) {
        tgt.setAttribute('aria-invalid', 'true');
        const ids = (tgt.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        tgt.setAttribute('aria-describedby', [...ids, msg.id].join(' '));
      }
    }
  }
  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.setAttribute('data-module', 'govuk-error-summary');
  const items = errors.map((e) => {
    const text = esc(fill(t[e.key] ?? e.key, { n: opts.max ?? '' }));
    return opts.link ? `<li><a href="#${esc(e.field)}">${text}</a></li>` : `<li>${text}</li>`;
  }).join('');
  summary.innerHTML = `<div${opts.focusSummary ? ' role="alert"' : ''}><h2 class="govuk-error-summary__title">${esc(t['err.summary'])}</h2>
    <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div>`;
  main.prepend(summary);
  for (const a of summary.querySelectorAll('a')) {
    a.addEventListener('click', (ev) => {
      const input = inputFor(a.getAttribute('href').slice(1));
      if (!input) return;
      ev.preventDefault();
      (input.closest('fieldset') ?? input.closest('.govuk-form-group'))?.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }
  if (opts.focusSummary) {
    summary.tabIndex = -1;
    summary.focus();
    main.dataset.errorPrefix = t['err.prefix'];
    document.title = `${t['err.prefix']} ${document.title}`;
  }
}

/**
 * A modal dialog (native <dialog>: focus moves in, Tab stays inside, Escape closes). When it closes,
 * focus goes back to the control that opened it — unless returnFocus is off.
 */
export function openDialog(dialog, trigger, returnFocus) {
  const onClose = () => {
    dialog.removeEventListener('close', onClose);
    if (returnFocus) trigger?.focus();
    else { document.activeElement?.blur(); document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }
  };
  dialog.addEventListener('close', onClose);
  dialog.showModal();
  (dialog.querySelector('[autofocus]') ?? dialog.querySelector('h2'))?.focus();
}

/** Shows the content of a conditional reveal only while its radio or checkbox is checked. */
export function conditionalReveal(form, name) {
  const inputs = [...form.querySelectorAll(`input[name="${name}"]`)];
  const sync = () => {
    for (const i of inputs) {
      const id = i.getAttribute('aria-controls');
      const panel = id && document.getElementById(id);
      if (!panel) continue;
      const show = i.dataset.revealWhen === 'unchecked' ? !i.checked : i.checked;
      panel.classList.toggle('app-conditional--hidden', !show);
    }
  };
  for (const i of inputs) i.addEventListener('change', sync);
  sync();
}

/**
 * Character count: a visible count (hidden from screen readers) and a live region updated once
 * typing pauses, so a screen reader is not interrupted on every key.
 */
export function characterCount(textarea, max, t) {
  const group = textarea.closest('.govuk-character-count');
  const message = group.querySelector('.govuk-character-count__message');
  message.classList.add('govuk-visually-hidden');
  const visible = document.createElement('div');
  visible.className = 'govuk-hint govuk-character-count__status';
  visible.setAttribute('aria-hidden', 'true');
  const spoken = document.createElement('div');
  spoken.className = 'govuk-visually-hidden';
  spoken.setAttribute('aria-live', 'polite');
  textarea.after(visible, spoken);
  let timer;
  const text = () => {
    const left = max - [...textarea.value].length;
    return left >= 0 ? fill(t['circ.countUnder'], { n: left }) : fill(t['circ.countOver'], { n: -left });
  };
  const update = () => {
    visible.textContent = text();
    visible.classList.toggle('govuk-character-count__status--error', [...textarea.value].length > max);
    clearTimeout(timer);
    timer = setTimeout(() => { spoken.textContent = text(); }, 1000);
  };
  textarea.addEventListener('input', update);
  visible.textContent = text();
}

/**
 * The time-out warning: a modal dialog some time before the session ends, with the time left and
 * "Stay signed in"; if nobody answers, the person is signed out and told why.
 */
export function timeoutWarning(session, t, { onSignOut }) {
  let warnTimer, endTimer, tick;
  const dialog = document.createElement('dialog');
  dialog.className = 'app-dialog';
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'timeout-title');
  dialog.setAttribute('aria-describedby', 'timeout-body');
  dialog.innerHTML = `<h2 class="govuk-heading-m" id="timeout-title" tabindex="-1">${esc(t['timeout.title'])}</h2>
    <p class="govuk-body" id="timeout-body"></p>
    <div class="govuk-button-group"><button type="button" class="govuk-button" autofocus>${esc(t['timeout.stay'])}</button>
    <a href="/signed-out" class="govuk-link">${esc(t['common.signOut'])}</a></div>`;
  document.body.append(dialog);
  const schedule = (ms) => {
    clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
    const endAt = Date.now() + ms;
    warnTimer = setTimeout(() => {
      const trigger = document.activeElement;
      const body = dialog.querySelector('#timeout-body');
      const render = () => { body.textContent = fill(t['timeout.body'], { s: Math.max(0, Math.round((endAt - Date.now()) / 1000)) }); };
      render();
      tick = setInterval(render, 1000);
      if (!dialog.open) openDialog(dialog, trigger, true);
    }, Math.max(0, ms - session.warnBeforeMs));
    endTimer = setTimeout(() => { location.assign('/email?timeout=1'); }, ms);
  };
  dialog.querySelector('button').addEventListener('click', async () => {
    const r = await postJSON('/api/session/extend');
    clearInterval(tick);
    dialog.close();
    if (r.status === 200) schedule(r.body.expiresInMs);
    else location.assign(r.body.redirect ?? '/email');
  });
  // Escape means "stay signed in", as in GOV.UK's time-out warning.
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); dialog.querySelector('button').click(); });
  dialog.querySelector('a').addEventListener('click', (e) => { e.preventDefault(); onSignOut(); });
  schedule(session.expiresInMs);
}
