// Polls a running import's progress and reloads the page when it finishes (the CSP forbids inline script).
(function () {
  var bar = document.getElementById('import-progress');
  if (!bar) { return; }
  var text = document.getElementById('import-progress-text');
  function poll() {
    fetch(bar.getAttribute('data-poll'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (p) {
        bar.value = p.percent;
        bar.textContent = p.percent + '%';
        text.textContent = p.percent + '% of ' + p.total + ' bytes';
        if (p.status === 'RUNNING') { setTimeout(poll, 700); } else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
