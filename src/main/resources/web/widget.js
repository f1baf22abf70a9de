/* blogsearch related-posts widget. Embed:
   <script src="https://SEARCH-HOST/widget.js" data-limit="5" async></script>
   In a service of many sites: src="https://SEARCH-HOST/api/sites/SITE/widget.js", or data-site="SITE".
   Options: data-url (default: the page's rel=canonical), data-target (CSS selector of the element
   to fill; default: right after this script), data-title (heading; default "Related posts").
   Untrusted text is set with textContent only; any failure leaves the page as it was. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var title = script.getAttribute("data-title") || "Related posts";

  function css() {
    if (document.getElementById("bsr-style")) { return; }
    var st = document.createElement("style");
    st.id = "bsr-style";
    st.textContent = ".bsr-related{margin:1.5em 0;font:inherit}" +
      ".bsr-related .bsr-title{font-size:1.1em;margin:0 0 .5em}" +
      ".bsr-related .bsr-list{list-style:none;margin:0;padding:0}" +
      ".bsr-related .bsr-item{margin:0 0 .6em}" +
      ".bsr-related .bsr-link{font-weight:600;text-decoration:underline}" +
      ".bsr-related .bsr-link:focus{outline:2px solid currentColor;outline-offset:2px}" +
      ".bsr-related .bsr-date{display:block;font-size:.85em;opacity:.75}";
    (document.head || document.documentElement).appendChild(st);
  }

  function render(items) {
    var box = document.createElement("nav");
    box.className = "bsr-related";
    box.setAttribute("aria-label", title);
    var h = document.createElement("h2");
    h.className = "bsr-title";
    h.textContent = title;
    box.appendChild(h);
    var list = document.createElement("ul");
    list.className = "bsr-list";
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (!it || typeof it.url !== "string" || !/^https?:\/\//i.test(it.url)) { continue; }
      var li = document.createElement("li");
      li.className = "bsr-item";
      var a = document.createElement("a");
      a.className = "bsr-link";
      a.href = it.url;
      a.textContent = String(it.title || it.url);
      li.appendChild(a);
      if (it.published) {
        var d = new Date(it.published);
        if (!isNaN(d)) {
          var t = document.createElement("time");
          t.className = "bsr-date";
          t.dateTime = d.toISOString();
          t.textContent = d.toLocaleDateString();
          li.appendChild(t);
        }
      }
      list.appendChild(li);
    }
    if (!list.firstChild) { return; }
    box.appendChild(list);
    css();
    var sel = script.getAttribute("data-target");
    var target = null;
    try { target = sel ? document.querySelector(sel) : null; } catch (e) { target = null; }
    if (target) { target.appendChild(box); }
    else if (script.parentNode) { script.parentNode.insertBefore(box, script.nextSibling); }
  }

  try {
    var src = new URL(script.src, location.href);
    var site = script.getAttribute("data-site");
    var own = /^(.*\/api\/sites\/[^\/]+)\/widget\.js$/.exec(src.pathname);
    var api = site ? src.origin + "/api/sites/" + encodeURIComponent(site) : own ? src.origin + own[1] : src.origin + "/api";
    var limit = parseInt(script.getAttribute("data-limit") || "5", 10);
    if (!(limit >= 1 && limit <= 20)) { limit = 5; }
    var url = script.getAttribute("data-url");
    if (!url) {
      var canonical = document.querySelector('link[rel="canonical"]');
      url = canonical && canonical.href;
    }
    if (!url || !window.fetch) { return; }
    fetch(api + "/related?limit=" + limit + "&url=" + encodeURIComponent(url), { mode: "cors", credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.items && data.items.length) { render(data.items); } })
      .catch(function () { /* the API is down: show nothing */ });
  } catch (e) { /* never break the host page */ }
})();
