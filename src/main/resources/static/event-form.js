// Event form on the case page: shows only the inputs that apply to the chosen event (amount for money events,
// fee kind for FEE_PAID, outcome for decisions). Self-hosted because the CSP forbids inline script; without
// JavaScript every input stays visible and the server ignores those that do not apply.
(function () {
  var form = document.getElementById('event-form');
  if (!form) { return; }
  var type = document.getElementById('ev-type');
  var groups = form.querySelectorAll('[data-applies]');
  function update() {
    var option = type.options[type.selectedIndex];
    var applies = ((option && option.getAttribute('data-fields')) || '').split(' ');
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      var on = applies.indexOf(g.getAttribute('data-applies')) >= 0;
      g.hidden = !on;
      var inputs = g.querySelectorAll('input, select');
      for (var j = 0; j < inputs.length; j++) {
        inputs[j].disabled = !on; // a hidden input is not posted, so a stale value cannot ride along
      }
    }
  }
  type.addEventListener('change', update);
  update();
})();
