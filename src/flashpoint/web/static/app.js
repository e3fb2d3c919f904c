// flashpoint dashboard: small conveniences on top of server-rendered pages.
// Nothing depends on this script; it is loaded from /static (no inline script: the CSP forbids it).
(function () {
  "use strict";

  // Filters: changing a drop-down applies the form at once (requestSubmit fires the
  // submit handler below, so the URL stays short).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      var form = select.form;
      if (!form) { return; }
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });

  // Filters: leave empty fields out of the URL so shared links stay short.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value) { field.disabled = true; }
      });
    });
  });

  // Network: hovering a country shows only its arrows.
  var network = document.getElementById("network");
  if (network) {
    var links = network.querySelectorAll(".link");
    network.querySelectorAll(".node").forEach(function (node) {
      var code = node.getAttribute("data-code");
      node.addEventListener("mouseenter", function () {
        network.classList.add("focused");
        node.classList.add("focus");
        links.forEach(function (link) {
          if (link.getAttribute("data-source") === code || link.getAttribute("data-target") === code) {
            link.classList.add("focus");
          }
        });
      });
      node.addEventListener("mouseleave", function () {
        network.classList.remove("focused");
        node.classList.remove("focus");
        links.forEach(function (link) { link.classList.remove("focus"); });
      });
    });
  }
})();
