// A compact version of the W3C ARIA Authoring Practices "Auto-Rotating Image Carousel" example:
// slides rotate every 2 s; when the page has the rotation control (.rotation), it stops and starts
// the rotation (and rotation stops while focus or the pointer is in the carousel).
(function () {
  var root = document.querySelector('.carousel');
  var slides = root.querySelectorAll('.carousel-item');
  var live = root.querySelector('.carousel-items');
  var rotation = root.querySelector('.rotation');
  var current = 0;
  var timer = null;
  function show(n) {
    slides[current].classList.remove('active');
    current = (n + slides.length) % slides.length;
    slides[current].classList.add('active');
  }
  function start() { timer = setInterval(function () { show(current + 1); }, 2000); live.setAttribute('aria-live', 'off'); }
  function stop() { clearInterval(timer); timer = null; live.setAttribute('aria-live', 'polite'); }
  if (rotation) rotation.addEventListener('click', function () {
    if (timer) { stop(); rotation.setAttribute('aria-label', 'Start automatic slide show'); } else { start(); rotation.setAttribute('aria-label', 'Stop automatic slide show'); }
  });
  root.querySelector('.previous').addEventListener('click', function () { show(current - 1); });
  root.querySelector('.next').addEventListener('click', function () { show(current + 1); });
  start();
})();
