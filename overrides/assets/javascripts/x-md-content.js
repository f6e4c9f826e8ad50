/* Material for MkDocs 9.8.1's inline script from partials/javascripts/content.html, moved into a file so
 * the Content-Security-Policy needs no 'unsafe-inline' (overrides/partials/x-csp.html). Keep it identical
 * to Material's (tests/test_csp.py compares them after an upgrade). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
