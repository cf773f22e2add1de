(function () {
  // A link to a case opens its section; printing opens all of them (browsers print closed <details> closed).
  function openSection(id) {
    var section = document.getElementById(id);
    if (section && section.tagName === 'DETAILS') { section.open = true; }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link) { openSection(link.getAttribute('href').slice(1)); }
  });
  if (location.hash) { openSection(decodeURIComponent(location.hash.slice(1))); }
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (section) { section.open = true; });
  });
})();
