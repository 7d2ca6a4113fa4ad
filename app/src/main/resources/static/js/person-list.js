/*
 * The person list's selection for batch actions: "select all on this page" and the count on the notify button.
 * Without this script the checkboxes still work and the button says "the selected persons". Rows come and go with
 * htmx swaps of #results, so everything listens on the document and is set up again after each swap.
 */
(function () {
  'use strict';

  function rowBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('#results input[name="personId"]'));
  }

  function update() {
    var boxes = rowBoxes();
    var checked = boxes.filter(function (b) { return b.checked; }).length;
    var all = document.getElementById('select-all');
    if (all) {
      all.hidden = boxes.length === 0;
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    var button = document.getElementById('notify-selected');
    if (button && button.dataset.label) {
      var lang = document.documentElement.lang || undefined;
      button.textContent = button.dataset.label.replace('{0}', new Intl.NumberFormat(lang).format(checked));
      button.disabled = checked === 0;
    }
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.id === 'select-all') {
      rowBoxes().forEach(function (b) { b.checked = target.checked; });
      update();
    } else if (target.name === 'personId') {
      update();
    }
  });
  document.addEventListener('htmx:afterSettle', update);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', update);
  } else {
    update();
  }
}());
