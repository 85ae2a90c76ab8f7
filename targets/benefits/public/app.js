// Renders every page of "Apply for a hardship grant" from the JSON API.
import { esc, fill, postJSON, showErrors, clearErrors, openDialog, conditionalReveal, characterCount, timeoutWarning } from './ui.js';

const path = location.pathname.replace(/\/+$/, '') || '/';
const query = new URLSearchParams(location.search);
const page = await (await fetch(`/api/page?path=${encodeURIComponent(path)}`)).json();
if (page.redirect) { location.replace(page.redirect); throw new Error('redirecting'); }
const { t, ui } = page;
const a = page.answers ?? {};
document.documentElement.lang = page.htmlLang;
document.documentElement.dir = page.dir;

const app = document.getElementById('app');

function layout(title, content) {
  document.title = `${title} – ${t['service.name']}`;
  const langs = page.languages.map((l) => `<li><a href="${esc(path)}?lang=${l.code}" lang="${l.code}" hreflang="${l.code}"${l.code === page.lang ? ' aria-current="true"' : ''}>${esc(l.name)}</a></li>`).join('');
  app.innerHTML = `
  <a href="#main-content" class="govuk-skip-link">${esc(t['common.skip'])}</a>
  <header class="govuk-header"><div class="govuk-width-container govuk-header__inner">
    <a href="/" class="govuk-header__service">${esc(t['service.name'])}</a>
    <ul class="app-header-links"><li><a href="/help">${esc(t['common.help'])}</a></li>
    ${page.signedIn ? `<li><a href="/signed-out" id="signout-link">${esc(t['common.signOut'])}</a></li>` : ''}</ul>
  </div></header>
  <nav class="app-language-switcher" aria-label="${esc(t['common.language'])}"><div class="govuk-width-container"><ul>${langs}</ul></div></nav>
  <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" tabindex="-1">${content}</main></div>
  <footer class="govuk-footer"><div class="govuk-width-container"><p>${esc(t['common.footer'])}</p></div></footer>
  <dialog class="app-dialog" id="signout-dialog" aria-labelledby="signout-title">
    <h2 class="govuk-heading-m" id="signout-title">${esc(t['signout.title'])}</h2>
    <p class="govuk-body">${esc(t['signout.body'])}</p>
    <div class="govuk-button-group"><button type="button" class="govuk-button govuk-button--warning" id="signout-confirm">${esc(t['signout.confirm'])}</button>
    <button type="button" class="govuk-button govuk-button--secondary" id="signout-cancel" autofocus>${esc(t['common.cancel'])}</button></div>
  </dialog>`;
  const link = document.getElementById('signout-link');
  const dialog = document.getElementById('signout-dialog');
  link?.addEventListener('click', (e) => { e.preventDefault(); openDialog(dialog, link, ui.returnFocus); });
  document.getElementById('signout-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('signout-confirm').addEventListener('click', () => signOut());
  return document.getElementById('main-content');
}

async function signOut() {
  await postJSON('/api/signout');
  location.assign('/signed-out');
}

/** A labelled text input in a form group. `labelled: false` puts the label text in the placeholder only. */
function input(id, labelKey, { hint, value = '', type = 'text', autocomplete, inputmode, width, spellcheck, labelled = true } = {}) {
  const hintId = hint ? `${id}-hint` : '';
  return `<div class="govuk-form-group">
    ${labelled ? `<label class="govuk-label" for="${id}">${esc(t[labelKey])}</label>` : ''}
    ${hint ? `<div class="govuk-hint" id="${hintId}">${esc(t[hint])}</div>` : ''}
    <input class="govuk-input${width ? ` govuk-input--width-${width}` : ''}" id="${id}" name="${id}" type="${type}" value="${esc(value)}"
      ${autocomplete ? `autocomplete="${autocomplete}"` : ''} ${inputmode ? `inputmode="${inputmode}"` : ''} ${spellcheck === false ? 'spellcheck="false"' : ''}
      ${hint ? `aria-describedby="${hintId}"` : ''} ${labelled ? '' : `placeholder="${esc(t[labelKey])}"`}>
  </div>`;
}

function continueControl(label = t['common.continue']) {
  return ui.buttonContinue || path !== '/circumstances'
    ? `<button type="submit" class="govuk-button" data-module="govuk-button">${esc(label)}</button>`
    : `<div class="govuk-button" id="continue">${esc(label)}</div>`;
}

/** Sends a form's answers as JSON; shows errors in place, follows `next`, keeps answers on failure. */
function bindForm(main, form, url, collect, { errorsOpts = {} } = {}) {
  const opts = { focusSummary: ui.focusErrorSummary, link: ui.linkErrors || path !== '/details', text: ui.emailErrorText || path !== '/email', max: ui.reasonMax, ...errorsOpts };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let r;
    try { r = await postJSON(url, collect(form)); } catch { r = { status: 0, body: {} }; }
    if (r.status === 200 && r.body.next) return location.assign(r.body.next);
    if (r.status === 401) return location.assign(r.body.redirect ?? '/email');
    if (r.status === 422) return showErrors(main, form, r.body.errors ?? [], t, opts);
    // The request failed (network or server): keep everything entered, and say so.
    if (!ui.keepOnFailure && path === '/circumstances') return location.reload();
    clearErrors(main, form);
    main.querySelector('.govuk-notification-banner')?.remove();
    const banner = document.createElement('div');
    banner.className = 'govuk-notification-banner';
    banner.setAttribute('role', 'alert');
    banner.innerHTML = `<p class="govuk-body">${esc(t['circ.failed'])}</p>`;
    main.prepend(banner);
  });
  form.querySelector('#continue')?.addEventListener('click', () => form.requestSubmit());
}

const values = (form) => Object.fromEntries(new FormData(form).entries());

const pages = {
  '/': () => {
    layout(t['start.title'], `
      <h1 class="govuk-heading-xl">${esc(t['start.title'])}</h1>
      <p class="govuk-body">${esc(t['start.lead'])}</p>
      <p class="govuk-body">${esc(t['start.need'])}</p>
      <div class="govuk-inset-text">${esc(t['start.noDocument'])}</div>
      <a href="/email" role="button" draggable="false" class="govuk-button govuk-button--start">${esc(t['start.button'])}</a>`);
  },
  '/email': () => {
    const main = layout(t['email.title'], `
      ${query.get('timeout') ? `<div class="govuk-notification-banner" role="region" aria-label="${esc(t['timeout.title'])}"><p class="govuk-body">${esc(t['timeout.expired'])}</p></div>` : ''}
      <form novalidate>
        <h1 class="govuk-heading-l">${esc(t['email.title'])}</h1>
        ${input('email', 'email.label', { hint: 'email.hint', value: page.email ?? '', autocomplete: 'email', inputmode: 'email', spellcheck: false })}
        ${continueControl()}
      </form>`);
    bindForm(main, main.querySelector('form'), '/api/email', values);
  },
  '/code': () => {
    const main = layout(t['code.title'], `
      <h1 class="govuk-heading-l">${esc(t['code.title'])}</h1>
      <p class="govuk-body">${esc(fill(t['code.lead'], { email: page.email ?? '' }))}</p>
      <form novalidate>
        ${input('code', 'code.label', { hint: 'code.hint', autocomplete: 'one-time-code', inputmode: 'numeric', width: 4, spellcheck: false })}
        ${continueControl()}
      </form>
      <p class="govuk-body"><a href="/email">${esc(t['code.resend'])}</a></p>`);
    bindForm(main, main.querySelector('form'), '/api/code', values);
  },
  '/details': () => {
    const L = ui.visibleLabels;
    const dob = (part, key, width) => `<div class="govuk-date-input__item"><div class="govuk-form-group">
      <label class="govuk-label govuk-date-input__label" for="dob-${part}">${esc(t[key])}</label>
      <input class="govuk-input govuk-date-input__input govuk-input--width-${width}" id="dob-${part}" name="dob${part[0].toUpperCase()}${part.slice(1)}" type="text" inputmode="numeric" value="${esc(a[`dob${part[0].toUpperCase()}${part.slice(1)}`] ?? '')}" autocomplete="bday-${part}"></div></div>`;
    const states = ['', 'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY'];
    const region = ui.usAddress
      ? `<div class="govuk-form-group"><label class="govuk-label" for="state">${esc(t['details.state'])}</label>
          <select class="govuk-select" id="state" name="state">${states.map((s) => `<option value="${s}"${a.state === s ? ' selected' : ''}>${s}</option>`).join('')}</select></div>
         ${input('zip', 'details.zip', { value: a.zip, autocomplete: 'postal-code', width: 4 })}`
      : `${input('postcode', 'details.postcode', { value: a.postcode, autocomplete: 'postal-code', width: 4, labelled: L })}
         ${input('country', 'details.country', { value: a.country, autocomplete: 'country-name', labelled: L })}`;
    const main = layout(t['details.title'], `
      <h1 class="govuk-heading-l">${esc(t['details.title'])}</h1>
      <form novalidate>
        ${input('fullName', 'details.fullName', { hint: 'details.fullNameHint', value: a.fullName, autocomplete: 'name', spellcheck: false, labelled: L })}
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset" role="group" aria-describedby="dob-hint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${esc(t['details.dob'])}</legend>
            <div class="govuk-hint" id="dob-hint">${esc(t['details.dobHint'])}</div>
            <div class="govuk-date-input" id="dob">${dob('day', 'details.day', 2)}${dob('month', 'details.month', 2)}${dob('year', 'details.year', 4)}</div>
          </fieldset>
        </div>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${esc(t['details.address'])}</legend>
          ${ui.noFixedOption ? `<div class="govuk-form-group"><div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="noFixedAddress" name="noFixedAddress" type="checkbox" value="yes" aria-describedby="noFixedAddress-hint" aria-controls="address-fields" data-reveal-when="unchecked"${a.noFixedAddress ? ' checked' : ''}>
            <label class="govuk-label govuk-checkboxes__label" for="noFixedAddress">${esc(t['details.noFixed'])}</label></div>
            <div class="govuk-hint govuk-checkboxes__hint" id="noFixedAddress-hint">${esc(t['details.noFixedHint'])}</div></div>` : ''}
          <div id="address-fields" class="app-conditional">
            <p class="govuk-hint" id="finder-hint">${esc(t['details.finderHint'])}</p>
            <iframe class="app-finder-frame" src="/widgets/address-finder?lang=${page.lang}"${ui.frameTitle ? ` title="${esc(t['details.finder'])}"` : ''}></iframe>
            ${input('line1', 'details.line1', { value: a.line1, autocomplete: 'address-line1', labelled: L })}
            ${input('line2', 'details.line2', { value: a.line2, autocomplete: 'address-line2', labelled: L })}
            ${input('town', 'details.town', { value: a.town, autocomplete: 'address-level2', labelled: L })}
            ${region}
          </div>
        </fieldset>
        ${continueControl()}
      </form>`);
    const form = main.querySelector('form');
    if (ui.noFixedOption) conditionalReveal(form, 'noFixedAddress');
    window.addEventListener('message', (e) => {
      if (e.origin !== location.origin || e.data?.type !== 'address') return;
      for (const k of ['line1', 'town', 'postcode', 'country']) { const el = form.querySelector(`#${k}`); if (el) el.value = e.data.address[k] ?? ''; }
      form.querySelector('#line1')?.focus();
    });
    bindForm(main, form, '/api/details', (f) => ({ ...values(f), noFixedAddress: !!f.querySelector('#noFixedAddress')?.checked }));
  },
  '/circumstances': () => {
    const radio = (value, key, reveal) => `<div class="govuk-radios__item">
      <input class="govuk-radios__input" id="situation-${value}" name="situation" type="radio" value="${value}"${reveal ? ` aria-controls="conditional-${value}"` : ''}${a.situation === value ? ' checked' : ''}>
      <label class="govuk-label govuk-radios__label" for="situation-${value}">${esc(t[key])}</label></div>
      ${reveal ? `<div class="govuk-radios__conditional app-conditional" id="conditional-${value}">${reveal}</div>` : ''}`;
    const main = layout(t['circ.title'], `
      <h1 class="govuk-heading-l">${esc(t['circ.title'])}</h1>
      <form novalidate>
        <div class="govuk-form-group"><fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${esc(t['circ.situation'])}</legend>
          <div class="govuk-radios" data-module="govuk-radios">
            ${radio('lost-job', 'circ.lostJob', input('lostJobWhen', 'circ.lostJobWhen', { value: a.lostJobWhen }))}
            ${radio('illness', 'circ.illness')}
            ${radio('carer', 'circ.carer')}
            ${radio('other', 'circ.other', input('otherDetail', 'circ.otherDetail', { value: a.otherDetail }))}
          </div></fieldset></div>
        <div class="govuk-form-group govuk-character-count" data-module="govuk-character-count" data-maxlength="${ui.reasonMax}">
          <label class="govuk-label" for="reason">${esc(t['circ.reason'])}</label>
          <div class="govuk-hint" id="reason-hint">${esc(t['circ.reasonHint'])}</div>
          <textarea class="govuk-textarea" id="reason" name="reason" rows="5" aria-describedby="reason-hint reason-info">${esc(a.reason ?? '')}</textarea>
          <div id="reason-info" class="govuk-hint govuk-character-count__message">${esc(fill(t['circ.countLimit'], { n: ui.reasonMax }))}</div>
        </div>
        ${continueControl()}
      </form>`);
    const form = main.querySelector('form');
    for (const i of form.querySelectorAll('.app-conditional')) i.classList.add('app-conditional--hidden');
    conditionalReveal(form, 'situation');
    characterCount(form.querySelector('#reason'), ui.reasonMax, t);
    bindForm(main, form, '/api/circumstances', values);
  },
  '/document': () => {
    const main = layout(t['doc.title'], `
      <h1 class="govuk-heading-l">${esc(t['doc.title'])}</h1>
      <p class="govuk-body">${esc(t['doc.lead'])}</p>
      <p class="govuk-body"><button type="button" class="govuk-button govuk-button--secondary" id="doc-help">${esc(t['doc.help'])}</button></p>
      <form novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label" for="photo">${esc(t['doc.label'])}</label>
          <div class="govuk-hint" id="photo-hint">${esc(t['doc.hint'])}</div>
          <input class="govuk-file-upload" id="photo" name="photo" type="file" accept="image/jpeg,image/png" capture="user" aria-describedby="photo-hint">
          <div role="status" class="app-status" id="photo-status">${a.document === 'photo' ? esc(t['doc.accepted']) : ''}</div>
        </div>
        ${continueControl()}
      </form>
      ${ui.uploadAlternative ? `<p class="govuk-body"><a href="/document/alternative">${esc(t['doc.cannot'])}</a></p>` : ''}
      <dialog class="app-dialog" id="doc-dialog" aria-labelledby="doc-dialog-title">
        <h2 class="govuk-heading-m" id="doc-dialog-title" tabindex="-1">${esc(t['doc.help'])}</h2>
        <p class="govuk-body">${esc(t['doc.helpBody'])}</p>
        <button type="button" class="govuk-button govuk-button--secondary" id="doc-dialog-close">${esc(t['doc.close'])}</button>
      </dialog>`);
    const help = main.querySelector('#doc-help');
    const dialog = main.querySelector('#doc-dialog');
    help.addEventListener('click', () => openDialog(dialog, help, ui.returnFocus));
    main.querySelector('#doc-dialog-close').addEventListener('click', () => dialog.close());
    const form = main.querySelector('form');
    const status = main.querySelector('#photo-status');
    form.querySelector('#photo').addEventListener('change', async (e) => {
      const file = e.target.files?.[0];
      if (!file) return;
      clearErrors(main, form);
      const r = await postJSON('/api/document', null, { raw: file, type: file.type || 'application/octet-stream' }).catch(() => ({ status: 0, body: {} }));
      if (r.status === 401) return location.assign(r.body.redirect ?? '/email');
      status.className = `app-status ${r.body.accepted ? 'app-status--ok' : 'app-status--bad'}`;
      status.textContent = r.body.accepted ? t['doc.accepted'] : t['doc.rejected'];
    });
    bindForm(main, form, '/api/document/continue', () => ({}));
  },
  '/document/alternative': () => {
    const radio = (value, key, hint) => `<div class="govuk-radios__item">
      <input class="govuk-radios__input" id="how-${value}" name="how" type="radio" value="${value}" aria-describedby="how-${value}-hint"${a.document === value ? ' checked' : ''}>
      <label class="govuk-label govuk-radios__label" for="how-${value}">${esc(t[key])}</label></div>
      <div class="govuk-hint govuk-radios__hint" id="how-${value}-hint">${esc(t[hint])}</div>`;
    const main = layout(t['alt.title'], `
      <h1 class="govuk-heading-l">${esc(t['alt.title'])}</h1>
      <form novalidate><div class="govuk-form-group"><fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${esc(t['alt.how'])}</legend>
        <div class="govuk-radios">${radio('post', 'alt.post', 'alt.postHint')}${radio('office', 'alt.office', 'alt.officeHint')}</div>
        </fieldset></div>${continueControl()}</form>`);
    const form = main.querySelector('form');
    bindForm(main, form, '/api/document/alternative', values);
    // Errors name the radio group by its first radio.
    form.querySelector('#how-post').id = 'how-post';
  },
  '/check': () => {
    const address = a.noFixedAddress ? t['check.noAddress'] : [a.line1, a.line2, a.town, a.postcode, a.state, a.zip, a.country].filter(Boolean).map(esc).join('<br>');
    const situation = { 'lost-job': t['circ.lostJob'], illness: t['circ.illness'], carer: t['circ.carer'], other: t['circ.other'] }[a.situation] ?? '';
    const doc = { photo: t['check.photo'], post: t['check.byPost'], office: t['check.atOffice'] }[a.document] ?? '';
    const row = (key, value, href) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(t[key])}</dt>
      <dd class="govuk-summary-list__value">${value}</dd>
      <dd class="govuk-summary-list__actions"><a href="${href}">${esc(t['common.change'])}<span class="govuk-visually-hidden"> ${esc(t[key])}</span></a></dd></div>`;
    const main = layout(t['check.title'], `
      <h1 class="govuk-heading-l">${esc(t['check.title'])}</h1>
      <dl class="govuk-summary-list">
        ${row('check.email', esc(page.email), '/email')}
        ${row('check.name', esc(a.fullName), '/details')}
        ${row('check.dob', esc([a.dobDay, a.dobMonth, a.dobYear].join(' / ')), '/details')}
        ${row('check.address', address, '/details')}
        ${row('check.situation', esc(situation), '/circumstances')}
        ${row('check.reason', esc(a.reason), '/circumstances')}
        ${row('check.document', esc(doc), '/document')}
      </dl>
      <p class="govuk-body">${esc(t['check.declaration'])}</p>
      <form novalidate>${continueControl(t['check.submit'])}</form>`);
    bindForm(main, main.querySelector('form'), '/api/submit', () => ({}));
  },
  '/confirmation': () => {
    layout(t['done.title'], page.reference ? `
      <div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">${esc(t['done.title'])}</h1>
      <div class="govuk-panel__body">${esc(t['done.ref'])}<br><strong>${esc(page.reference)}</strong></div></div>
      <p class="govuk-body">${esc(t['done.next'])}</p>` : `<h1 class="govuk-heading-l">${esc(t['common.notFound'])}</h1><p class="govuk-body"><a href="/">${esc(t['start.button'])}</a></p>`);
  },
  '/help': () => {
    layout(t['help.title'], `
      <h1 class="govuk-heading-l">${esc(t['help.title'])}</h1>
      <p class="govuk-body">${esc(t['help.body'])}</p>
      <p class="govuk-body">${esc(t['help.phone'])}</p>
      <p class="govuk-body">${esc(t['help.write'])}</p>
      <p class="govuk-body">${esc(t['help.office'])}</p>`);
  },
  '/signed-out': async () => {
    if (page.signedIn) await postJSON('/api/signout');
    page.signedIn = false;
    layout(t['signedout.title'], `
      <h1 class="govuk-heading-l">${esc(t['signedout.title'])}</h1>
      <p class="govuk-body">${esc(t['signedout.body'])}</p>
      <p class="govuk-body"><a href="/email">${esc(t['signedout.again'])}</a></p>`);
  },
};

const render = pages[path];
if (render) await render();
else layout(t['common.notFound'], `<h1 class="govuk-heading-l">${esc(t['common.notFound'])}</h1><p class="govuk-body">${esc(t['common.notFoundBody'])}</p>`);
if (page.session && ui.timeoutWarning) timeoutWarning(page.session, t, { onSignOut: signOut });
