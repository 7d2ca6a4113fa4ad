// A request that a newer one overtakes is cancelled on purpose: hx-sync "replace" (typing in a search box) aborts
// the request in flight when the next one starts. htmx reports each such abort as an error on the console
// ("htmx:afterRequest", "htmx:sendAbort"), as if something had gone wrong. This keeps those reports for requests
// that fail, and drops them for requests htmx aborted itself: it notes the requests in flight, marks those an
// htmx:abort reaches, and clears the error of a marked one before htmx logs it (htmx.logger sees every event's
// details first).
(function () {
  if (typeof htmx === 'undefined') {
    return;
  }
  var inFlight = [];
  document.addEventListener('htmx:beforeSend', function (event) {
    var request = { elt: event.detail.elt, xhr: event.detail.xhr };
    inFlight.push(request);
    request.xhr.addEventListener('loadend', function () {
      inFlight = inFlight.filter(function (r) { return r !== request; });
    });
  });
  // htmx:abort goes to the element whose requests are synchronised (hx-sync) before htmx aborts them
  document.addEventListener('htmx:abort', function (event) {
    var synchronised = event.target;
    inFlight.forEach(function (r) {
      if (synchronised === r.elt || (synchronised.contains && synchronised.contains(r.elt))) {
        r.xhr.parleyAborted = true;
      }
    });
  }, true);
  var previous = htmx.logger;
  htmx.logger = function (elt, name, detail) {
    if (detail && detail.xhr && detail.xhr.parleyAborted
        && (name === 'htmx:afterRequest' || name === 'htmx:sendAbort')) {
      delete detail.error;
    }
    if (previous) {
      previous(elt, name, detail);
    }
  };
})();
