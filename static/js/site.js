/* Small enhancements; every page works without this file. No external requests. */
(function () {
  "use strict";

  // A box that narrows a long facet list (countries) as you type.
  function addFacetFilter(section) {
    var items = section.querySelectorAll("li");
    if (items.length < 15) return;
    var id = "facet-filter-" + Math.random().toString(36).slice(2, 8);
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = id;
    label.textContent = "Filter the list of delegations";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "facet-filter";
    input.placeholder = "Filter delegations";
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (li) {
        var match = !needle || li.textContent.toLowerCase().indexOf(needle) !== -1;
        li.hidden = !match;
        if (match) shown += 1;
      });
      section.querySelectorAll("details").forEach(function (d) {
        var any = d.querySelector("li:not([hidden])");
        d.hidden = !any;
        if (needle && any) d.open = true;
      });
      status.textContent = needle ? shown + " delegations shown" : "";
    });
    var heading = section.querySelector("h3");
    heading.after(label, input, status);
  }

  // Copy buttons for the citation blocks.
  function addCopy(button) {
    var source = document.getElementById(button.dataset.copy);
    var status = document.querySelector("[data-copy-status]");
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        if (status) status.textContent = "Copied to the clipboard.";
      }, function () {
        if (status) status.textContent = "Could not copy: select the text and copy it instead.";
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-facet-filter]").forEach(addFacetFilter);
    document.querySelectorAll("[data-copy]").forEach(addCopy);
  });
})();
