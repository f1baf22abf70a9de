/* Progressive enhancement of the server-rendered search page: results as you type (debounced),
   facet and page links without reloads, Back/Forward via the URL, and autocomplete.
   All HTML comes from the server's escaped fragment; suggestions are set as text. */
(function () {
  "use strict";
  var form = document.querySelector("form.bs-search");
  var input = document.getElementById("bs-q");
  var results = document.getElementById("bs-results");
  var list = document.getElementById("bs-suggest");
  if (!form || !input || !results || !window.fetch || !window.history) { return; }
  var timer = null, suggestTimer = null, seq = 0, active = -1;
  // "/" and "/api" for the only site; "/sites/{site}/" and "/api/sites/{site}" in a multi-site service
  var base = form.getAttribute("action") || "/";
  var api = form.getAttribute("data-api") || "/api";

  function paramsFromForm() {
    var p = new URLSearchParams(new FormData(form));
    p.delete("page");
    return p;
  }

  function load(query, push) {
    var id = ++seq;
    var p = new URLSearchParams(query);
    p.set("fragment", "1");
    return fetch(base + "?" + p.toString(), { headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (id !== seq) { return; }
        results.innerHTML = html;
        var url = base + "?" + new URLSearchParams(query).toString();
        if (push) { history.pushState({}, "", url); } else { history.replaceState({}, "", url); }
      })
      .catch(function () { /* keep the current results */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load(paramsFromForm(), false); }, 250);
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    hideSuggestions();
    load(paramsFromForm(), true);
  });
  document.getElementById("bs-sort").addEventListener("change", function () { load(paramsFromForm(), true); });
  var mode = document.getElementById("bs-mode");
  if (mode) { mode.addEventListener("change", function () { load(paramsFromForm(), true); }); }

  results.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a") : null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    var href = a.getAttribute("href") || "";
    if (href.indexOf(base + "?") !== 0) { return; }
    e.preventDefault();
    var query = href.slice(base.length + 1);
    syncForm(new URLSearchParams(query));
    load(query, true).then(function () { window.scrollTo(0, 0); });
  });

  window.addEventListener("popstate", function () {
    var query = location.search.replace(/^\?/, "");
    syncForm(new URLSearchParams(query));
    load(query, false);
  });

  function syncForm(p) {
    input.value = p.get("q") || "";
    var sort = document.getElementById("bs-sort");
    sort.value = p.get("sort") || "relevance";
    var mode = document.getElementById("bs-mode");
    if (mode) { mode.value = p.get("mode") || mode.getAttribute("data-default"); }
    Array.prototype.slice.call(form.querySelectorAll("input[type=hidden]")).forEach(function (h) { h.remove(); });
    ["category", "tag", "author", "year"].forEach(function (dim) {
      p.getAll(dim).forEach(function (v) {
        var h = document.createElement("input");
        h.type = "hidden"; h.name = dim; h.value = v;
        form.appendChild(h);
      });
    });
  }

  function suggest() {
    var q = input.value.trim();
    if (q.length < 2) { hideSuggestions(); return; }
    fetch(api + "/suggest?limit=8&q=" + encodeURIComponent(q))
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { showSuggestions(data.suggestions || []); })
      .catch(hideSuggestions);
  }

  function showSuggestions(items) {
    list.textContent = "";
    active = -1;
    items.forEach(function (s, i) {
      var li = document.createElement("li");
      li.id = "bs-sugg-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = s.text;
      var kind = document.createElement("span");
      kind.className = "bs-kind";
      kind.textContent = s.kind === "tag" ? "tag" : "post";
      li.appendChild(kind);
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(s); });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
  }

  function hideSuggestions() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(s) {
    hideSuggestions();
    if (s.kind === "title" && s.url && /^https?:\/\//i.test(s.url)) { location.href = s.url; return; }
    input.value = s.kind === "tag" ? "tag:\"" + s.text + "\"" : s.text;
    load(paramsFromForm(), true);
  }

  input.addEventListener("keydown", function (e) {
    var items = list.querySelectorAll("li");
    if (list.hidden || !items.length) { return; }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      Array.prototype.forEach.call(items, function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
      input.setAttribute("aria-activedescendant", items[active].id);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      items[active].dispatchEvent(new MouseEvent("mousedown"));
    } else if (e.key === "Escape") {
      hideSuggestions();
    }
  });
  input.addEventListener("blur", function () { setTimeout(hideSuggestions, 150); });
})();
