// Behaviour for report pages, kept out of the HTML so the content security policy can forbid inline script.

// Draw every chart whose specification the page carries as JSON next to its container.
function drawCharts(root) {
  if (!window.vegaEmbed) return;
  root.querySelectorAll(".chart[id]").forEach(function (container) {
    var spec = document.getElementById(container.id + "-spec");
    if (spec) {
      window.vegaEmbed(container, JSON.parse(spec.textContent), { actions: false, renderer: "svg" });
    }
  });
}

document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
// The filter form swaps in a new report body with htmx: draw its charts too.
document.addEventListener("htmx:afterSettle", function (event) { drawCharts(event.detail.elt.ownerDocument); });

document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
