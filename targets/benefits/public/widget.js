// The address finder, embedded in the details page in an <iframe>. It posts the chosen address
// to the page that embeds it (same origin only).
const params = new URLSearchParams(location.search);
const page = await (await fetch(`/api/page?path=${encodeURIComponent('/widgets/address-finder')}${params.get('lang') ? `&lang=${params.get('lang')}` : ''}`)).json();
const t = (k) => page.t[k] ?? k;
const root = document.getElementById('widget');
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
root.innerHTML = `
  <form class="app-finder" novalidate>
    <label class="govuk-label" for="finder-q">${esc(t('finder.label'))}</label>
    <input class="govuk-input" id="finder-q" name="q" type="search" autocomplete="off">
    <button class="govuk-button govuk-button--secondary" type="submit">${esc(t('finder.search'))}</button>
  </form>
  <div role="status" id="finder-status"></div>
  <ul id="finder-results"></ul>`;
const q = root.querySelector('#finder-q');
if (!page.ui.finderReleasesFocus) {
  // Keeps focus in the search box whatever key is pressed.
  q.addEventListener('keydown', (e) => { if (e.key === 'Tab') { e.preventDefault(); q.focus(); } });
}
root.querySelector('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await (await fetch(`/api/addresses?q=${encodeURIComponent(q.value)}`)).json();
  const list = root.querySelector('#finder-results');
  list.innerHTML = res.results.map((a, i) => `<li>${esc([a.line1, a.town, a.postcode, a.country].filter(Boolean).join(', '))}
    <button type="button" class="govuk-button govuk-button--secondary" data-i="${i}">${esc(t('finder.use'))}<span class="govuk-visually-hidden">: ${esc(a.line1)}</span></button></li>`).join('');
  root.querySelector('#finder-status').textContent = res.results.length ? '' : t('finder.none');
  for (const b of list.querySelectorAll('button')) {
    b.addEventListener('click', () => parent.postMessage({ type: 'address', address: res.results[Number(b.dataset.i)] }, location.origin));
  }
});
