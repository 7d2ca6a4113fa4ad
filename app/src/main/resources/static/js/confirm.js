// Forms that change something hard to undo ask first: a form with data-confirm="Question?" is sent only when the
// question is answered OK, and then says so in its field "confirmed" (the server asks on a page of its own when a
// form arrives without it, as it does when JavaScript is off).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) {
    return;
  }
  if (!window.confirm(form.getAttribute('data-confirm'))) {
    event.preventDefault();
    return;
  }
  if (form.elements.confirmed) {
    form.elements.confirmed.value = 'yes';
  }
});
