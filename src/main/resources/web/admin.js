/* Admin page: token in sessionStorage only, sent as a header (no cookies, nothing to forge);
   everything shown is set as text. */
(function () {
  "use strict";
  // "/api" for the only site, "/api/sites/{site}" on /sites/{site}/admin: each site keeps its own token
  var BASE = document.body.getAttribute("data-api") || "/api";
  var KEY = "blogsearch-admin-token" + (BASE === "/api" ? "" : ":" + BASE);
  var $ = function (id) { return document.getElementById(id); };
  var poller = null;

  function token() { return sessionStorage.getItem(KEY); }

  function api(method, path, body) {
    var opts = { method: method, headers: { "Authorization": "Bearer " + token() } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(BASE + path.slice("/api".length), opts).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (r.status === 401) { signOut("Wrong or missing token."); }
        return { status: r.status, data: data };
      });
    });
  }

  function text(el, value) { el.textContent = value == null ? "" : String(value); }

  function signOut(reason) {
    sessionStorage.removeItem(KEY);
    clearInterval(poller);
    $("adm-app").classList.add("adm-hidden");
    $("adm-signin").classList.remove("adm-hidden");
    text($("adm-signin-error"), reason || "");
  }

  function signedIn() {
    $("adm-signin").classList.add("adm-hidden");
    $("adm-app").classList.remove("adm-hidden");
    refresh();
  }

  function refresh() {
    api("GET", "/api/admin/status").then(function (r) {
      if (r.status !== 200 || !r.data) { return; }
      var s = r.data;
      var c = s.lastCrawl;
      text($("adm-status"), s.documents + " posts in " + s.generation + " (" + s.generations.length +
        " generations kept). " + (c ? "Last crawl finished " + c.finishedAt + ", " + c.requests + " requests, " +
        (c.complete ? "complete." : "incomplete.") : "No crawl yet."));
      if (s.runningJob) { watch(s.runningJob.id); }
    });
    api("GET", "/api/admin/jobs").then(function (r) {
      if (r.status !== 200 || !r.data) { return; }
      var body = $("adm-history");
      body.textContent = "";
      r.data.jobs.forEach(function (j) {
        var tr = document.createElement("tr");
        [j.id, j.trigger, j.mode, j.state, j.startedAt || "", j.progress.fetched, j.documents || j.progress.postsIndexed,
          j.generation || ""].forEach(function (v, i) {
          var td = document.createElement("td");
          text(td, v);
          if (i === 3) { td.className = "adm-state-" + j.state; }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      var last = r.data.jobs.filter(function (j) { return !j.state.match(/queued|running/); })[0];
      var errors = $("adm-errors");
      errors.textContent = "";
      (last ? last.errors : []).forEach(function (e) {
        var li = document.createElement("li");
        text(li, e.url + " — " + e.reason);
        errors.appendChild(li);
      });
      if (!errors.firstChild) { var li = document.createElement("li"); text(li, "None."); errors.appendChild(li); }
    });
  }

  function show(job) {
    $("adm-job").classList.remove("adm-hidden");
    text($("adm-job-id"), job.id);
    text($("adm-job-state"), job.state);
    text($("adm-job-phase"), job.phase);
    var p = job.progress;
    var total = p.fetched + p.queued;
    $("adm-job-progress").value = job.state === "succeeded" ? 100 : total > 0 ? Math.round(100 * p.fetched / total) : 0;
    text($("adm-job-counts"), p.fetched + " fetched, " + p.queued + " queued, " + p.failed + " failed, " + p.postsIndexed +
      " posts, " + p.pagesPerSecond.toFixed(1) + " pages/s" + (p.etaSeconds >= 0 && job.state === "running" ? ", about " +
      p.etaSeconds + " s left" : "") + (job.message ? " — " + job.message : ""));
    $("adm-cancel").disabled = !(job.state === "running" || job.state === "queued");
  }

  function watch(id) {
    clearInterval(poller);
    poller = setInterval(function () {
      api("GET", "/api/admin/jobs/" + encodeURIComponent(id)).then(function (r) {
        if (r.status !== 200 || !r.data) { return; }
        show(r.data);
        if (!(r.data.state === "running" || r.data.state === "queued")) { clearInterval(poller); refresh(); }
      });
    }, 400);
    $("adm-cancel").onclick = function () { api("POST", "/api/admin/jobs/" + encodeURIComponent(id) + "/cancel"); };
  }

  function reindex(body) {
    text($("adm-message"), "");
    api("POST", "/api/admin/reindex", body).then(function (r) {
      if (r.status === 202 && r.data) { show(r.data); watch(r.data.id); }
      else { text($("adm-message"), r.data ? r.data.message : "Request failed (" + r.status + ")."); }
    });
  }

  $("adm-signin-form").addEventListener("submit", function (e) {
    e.preventDefault();
    sessionStorage.setItem(KEY, $("adm-token").value);
    $("adm-token").value = "";
    api("GET", "/api/admin/status").then(function (r) { if (r.status === 200) { signedIn(); } });
  });
  $("adm-incremental").addEventListener("click", function () { reindex({ mode: "incremental" }); });
  $("adm-full").addEventListener("click", function () { reindex({ mode: "full" }); });
  $("adm-url-form").addEventListener("submit", function (e) { e.preventDefault(); reindex({ urls: [$("adm-url").value] }); });
  $("adm-rollback").addEventListener("click", function () {
    api("POST", "/api/admin/rollback").then(function (r) {
      text($("adm-message"), r.status === 200 ? "Now serving " + r.data.generation + "." : (r.data ? r.data.message : "Rollback failed."));
      refresh();
    });
  });
  $("adm-signout").addEventListener("click", function () { signOut(""); });
  if (token()) { signedIn(); }
})();
