// Progressive enhancement only: every journey works without this file.
(function () {
  'use strict';
  // Move focus to the error summary so it is announced and the first error is one Tab away.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // A dropped connection: do not send a form into the void (the browser's offline page, then Back,
  // loses what was entered); say so, keep the page, and let the person send it once connected.
  var offline = document.getElementById('offline-notice');
  if (offline) {
    document.addEventListener('submit', function (e) {
      if (navigator.onLine !== false) return;
      e.preventDefault();
      // Made an alert as it is shown, so it is announced.
      offline.setAttribute('role', 'alert');
      offline.hidden = false;
    }, true);
    window.addEventListener('online', function () { offline.hidden = true; });
  }

  // Session time limit: warn before the session ends and let the person extend it.
  var body = document.body;
  var remaining = Number(body.getAttribute('data-session-remaining'));
  var warnAt = Number(body.getAttribute('data-session-warn') || '120');
  var box = document.getElementById('session-warning');
  if (!box || !isFinite(remaining) || !body.hasAttribute('data-session-remaining')) return;
  var text = document.getElementById('session-warning-text');
  var template = text ? text.getAttribute('data-template') : null;
  var form = box.querySelector('form');
  var deadline = Date.now() + remaining * 1000;
  var shown = !box.hidden;
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (left <= warnAt && !shown) {
      shown = true;
      box.hidden = false;
      var btn = box.querySelector('button, [id="session-extend"]');
      if (btn && btn.focus) btn.focus();
    }
    if (shown && text && template) text.textContent = template.replace('{m}', String(Math.max(1, Math.ceil(left / 60))));
  }
  setInterval(tick, 1000);
  tick();
  // The server's clock is the reference: poll the remaining time (polling does not extend it).
  function poll() {
    if (!window.fetch) return;
    fetch('/session/status', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (typeof d.remainingSeconds === 'number') { deadline = Date.now() + d.remainingSeconds * 1000; tick(); }
      })
      .catch(function () {});
  }
  setInterval(poll, 5000);
  if (form && window.fetch) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (d) {
          deadline = Date.now() + d.remainingSeconds * 1000;
          shown = false;
          box.hidden = true;
          var main = document.getElementById('main');
          if (main) main.focus();
        })
        .catch(function () { form.submit(); });
    });
  }
})();
