// Behaviour for report pages, kept out of the HTML so the content security policy can forbid inline script.

// Draw every chart whose specification the page carries as JSON next to its container.
function drawCharts(root) {
  if (!window.vegaEmbed) return;
  root.querySelectorAll(".chart[id]").forEach(function (container) {
    var spec = document.getElementById(container.id + "-spec");
    if (spec) {
      window.vegaEmbed(container, JSON.parse(spec.textContent), {
        actions: false,
        renderer: "svg",
        // No eval and no inline style sheet, for the content security policy: Vega's expressions are
        // interpreted rather than compiled into functions, and site.css lays out the chart and styles
        // its tooltip (vega-tooltip would otherwise add a <style> element of its own).
        ast: true,
        defaultStyle: false,
        tooltip: { disableDefaultStyle: true },
      });
    }
  });
}

document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
// The filter form swaps in a new report body with htmx: draw its charts too.
document.addEventListener("htmx:afterSettle", function (event) { drawCharts(event.detail.elt.ownerDocument); });

// While new content settles, htmx gives each element the attributes its old version had; vega-embed sets
// the chart container's style from script, and copied as an attribute it would breach the content security
// policy (no inline style). The chart is drawn afresh anyway.
document.addEventListener("htmx:beforeSwap", function () {
  document.querySelectorAll(".chart[style]").forEach(function (chart) { chart.removeAttribute("style"); });
});

// The filter form sends only what was chosen: an empty date, "All pupils" or no term would otherwise put
// `from_date=&sex=&…` into the address pushed to the history, which then reads as a bookmark of nothing.
document.addEventListener("htmx:configRequest", function (event) {
  var data = event.detail.formData;
  if (event.detail.verb !== "get" || !data) return;
  Array.from(new Set(data.keys())).forEach(function (name) {
    var chosen = data.getAll(name).filter(function (value) { return value !== ""; });
    data.delete(name);
    chosen.forEach(function (value) { data.append(name, value); });
  });
});

// A ticked box or an option chosen with the mouse updates the report at once (htmx sends the form); typed
// dates wait for "Show", so half-typed periods are not sent. Arrow keys in a closed list change its value at
// each press, so a choice made from the keyboard waits until the reader presses Enter or moves on.
document.addEventListener("change", function (event) {
  var form = event.target.closest("form[data-instant]");
  if (!form || !event.target.matches("select, input[type=checkbox]")) return;
  if (event.target.matches("select") && event.target.dataset.keyed) {
    event.target.dataset.changed = "1";
    return;
  }
  form.requestSubmit();
});

document.addEventListener("keydown", function (event) {
  var select = event.target.closest && event.target.closest("form[data-instant] select");
  if (!select) return;
  if (event.key === "Enter" && select.dataset.changed) {
    event.preventDefault();
    chosenFromTheKeyboard(select);
  } else if (event.key !== "Tab" && event.key !== "Enter") {
    select.dataset.keyed = "1";
  }
});

document.addEventListener("focusout", function (event) {
  if (event.target.matches && event.target.matches("form[data-instant] select")) chosenFromTheKeyboard(event.target);
});

function chosenFromTheKeyboard(select) {
  var changed = select.dataset.changed;
  delete select.dataset.keyed;
  delete select.dataset.changed;
  if (changed) select.form.requestSubmit();
}

document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
