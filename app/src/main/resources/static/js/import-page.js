// The import page's upload form: a file larger than the server takes is refused here, before minutes of
// uploading, with the form's own message (in the page's language). Without JavaScript the server says the same.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('import-upload');
  if (!form) {
    return;
  }
  const limit = Number(form.dataset.maxBytes);
  const message = document.getElementById('import-too-large');
  form.addEventListener('submit', (event) => {
    const tooLarge = Array.from(form.querySelectorAll('input[type=file]'))
      .some((input) => input.files.length > 0 && input.files[0].size > limit);
    message.hidden = !tooLarge;
    if (tooLarge) {
      event.preventDefault();
      message.focus();
    }
  });
});
