// On the portal page, once beside any number of Yearbook iframes: sets each frame's
// height to what its embed page says, accepting messages from this script's own site only.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var listening = (window.yearbookEmbedOrigins = window.yearbookEmbedOrigins || {});
  if (listening[origin]) return;
  listening[origin] = true;
  window.addEventListener('message', function (event) {
    var height = event.data && event.data.yearbookEmbedHeight;
    if (event.origin !== origin || typeof height !== 'number' || !(height > 0) || height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
