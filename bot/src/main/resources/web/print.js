// The Print button of /plan and the dashboard (inline handlers are not allowed by the pages' Content-Security-Policy).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
