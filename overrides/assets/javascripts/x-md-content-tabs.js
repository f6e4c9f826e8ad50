/* Material for MkDocs 9.8.1's inline script from partials/javascripts/content.html, moved into a file so
 * the Content-Security-Policy needs no 'unsafe-inline' (overrides/partials/x-csp.html). Keep it identical
 * to Material's (tests/test_csp.py compares them after an upgrade). */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
