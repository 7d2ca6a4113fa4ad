// Tells the server the browser's time zone (web.ViewerTimeZone), so that pages show times as the reader's clock
// does: the IANA name, such as Europe/Kyiv, in the cookie parley-tz. Without it (no JavaScript, the first page
// seen) pages show UTC, and say so.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || !/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone)) {
    return;
  }
  if (document.cookie.split('; ').indexOf('parley-tz=' + zone) < 0) {
    document.cookie = 'parley-tz=' + zone + '; path=/; max-age=31536000; samesite=lax';
  }
})();
