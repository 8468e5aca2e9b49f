// On an embed page: tells the portal page that frames it how tall it is, whenever that
// changes, so yearbook-embed-host.js can show it whole (no scrolling inside the frame).
(function () {
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ yearbookEmbedHeight: height }, '*');
  }
  window.addEventListener('load', post);
  window.addEventListener('resize', post);
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
  post();
})();
