// Idle-session warning and keeping a half-filled form across a re-login (issue 15).
// The server renders when the session ends (data-session-expires, epoch seconds, already counting the sliding
// re-issue) and how long before to warn. Before the end the page offers "Stay signed in" (any /ui request slides the
// session); at the end it keeps what was typed on this page in this tab's sessionStorage, sends the person to sign in
// again, and puts the values back when they return here. Passwords, files and hidden fields are never kept.
(function () {
  var body = document.body;
  var key = 'arbiter-form:' + location.pathname;
  function fields() {
    return Array.prototype.slice.call(document.querySelectorAll('main form input[id], main form textarea[id], main form select[id]'))
      .filter(function (el) { return el.type !== 'hidden' && el.type !== 'password' && el.type !== 'file'; });
  }
  try {
    var saved = sessionStorage.getItem(key);
    if (saved) {
      sessionStorage.removeItem(key);
      var data = JSON.parse(saved);
      var restored = 0;
      fields().forEach(function (el) {
        if (Object.prototype.hasOwnProperty.call(data, el.id)) {
          if (el.type === 'checkbox' || el.type === 'radio') { el.checked = data[el.id]; } else { el.value = data[el.id]; }
          restored++;
        }
      });
      var note = document.getElementById('session-restored');
      if (restored > 0 && note) { note.hidden = false; }
    }
  } catch (e) { /* storage unavailable: nothing to restore */ }
  var expires = Number(body.getAttribute('data-session-expires') || 0) * 1000;
  var warn = Number(body.getAttribute('data-session-warn') || 120) * 1000;
  if (!expires) { return; }
  var warning = document.getElementById('session-warning');
  var warnTimer, endTimer;
  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () { if (warning) { warning.hidden = false; } }, Math.max(0, expires - warn - Date.now()));
    endTimer = setTimeout(function () {
      try {
        var data = {};
        fields().forEach(function (el) { data[el.id] = (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value; });
        sessionStorage.setItem(key, JSON.stringify(data));
      } catch (e) { /* nothing kept */ }
      location.href = '/?next=' + encodeURIComponent(location.pathname + location.search);
    }, Math.max(0, expires - Date.now()));
  }
  var stay = document.getElementById('session-stay');
  if (stay) {
    stay.addEventListener('click', function () {
      fetch('/ui/session', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          if (j && j.expires) { expires = j.expires * 1000; if (warning) { warning.hidden = true; } schedule(); }
        });
    });
  }
  schedule();
})();
