// Draw every chart whose specification the page carries as JSON next to its container.
document.querySelectorAll(".chart[id]").forEach(function (container) {
  var spec = document.getElementById(container.id + "-spec");
  if (spec && window.vegaEmbed) {
    window.vegaEmbed(container, JSON.parse(spec.textContent), { actions: false, renderer: "svg" });
  }
});
