/* tigang report pages: folding, search, keyboard navigation, copying, and on comparison
   pages partner highlighting and a character diff of a selected pair.
   Everything from the input is written with textContent, never as HTML. */
(function () {
  "use strict";
  var doc = document;
  var kind = doc.documentElement.getAttribute("data-kind");
  var data = JSON.parse(doc.getElementById("tigang-data").textContent);

  function $(sel, root) { return (root || doc).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function make(tag, cls, text) {
    var node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  var toastTimer = 0;
  function toast(message) {
    var box = $("#toast");
    box.textContent = message;
    box.classList.add("on");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.classList.remove("on"); }, 1800);
  }

  /* The clipboard API where the page may use it; a selected textarea where it may not. */
  function copyText(text, what) {
    function fallback() {
      var area = make("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      toast(ok ? "已复制" + what + " · copied" : "无法复制 · copy failed");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        toast("已复制" + what + " · copied");
      }, fallback);
    } else {
      fallback();
    }
  }

  /* ---------------------------------------------------------------- character diff ------ */

  /* Myers' O(ND) difference of two arrays: a list of [op, items] runs, op one of
     "=", "-" (only in a), "+" (only in b). Gives up (null) past maxD edits. */
  function myers(a, b, maxD) {
    var n = a.length, m = b.length, max = n + m, off = max + 1;
    var limit = Math.min(max, maxD == null ? max : maxD);
    var v = new Int32Array(2 * max + 3), trace = [];
    for (var d = 0; d <= limit; d++) {
      trace.push(v.slice(off - d - 1, off + d + 2));
      for (var k = -d; k <= d; k += 2) {
        var x = (k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
        var y = x - k;
        while (x < n && y < m && a[x] === b[y]) { x++; y++; }
        v[off + k] = x;
        if (x >= n && y >= m) return backtrack(trace, a, b, d);
      }
    }
    return null;
  }

  function backtrack(trace, a, b, dFinal) {
    var x = a.length, y = b.length, ops = [];
    for (var d = dFinal; d > 0; d--) {
      var vp = trace[d], base = d + 1; /* trace[d] holds v[-d-1 .. d+1] as it was before step d */
      var k = x - y;
      var prevK = (k === -d || (k !== d && vp[base + k - 1] < vp[base + k + 1])) ? k + 1 : k - 1;
      var prevX = vp[base + prevK], prevY = prevX - prevK;
      while (x > prevX && y > prevY) { ops.push(["=", a[--x]]); y--; }
      if (x === prevX) ops.push(["+", b[--y]]); else ops.push(["-", a[--x]]);
    }
    while (x > 0 && y > 0) { ops.push(["=", a[--x]]); y--; }
    ops.reverse();
    var runs = [];
    for (var i = 0; i < ops.length; i++) {
      var last = runs[runs.length - 1];
      if (last && last[0] === ops[i][0]) last[1].push(ops[i][1]);
      else runs.push([ops[i][0], [ops[i][1]]]);
    }
    return runs;
  }

  /* Clauses end at Chinese punctuation: a long body is first compared clause by clause,
     then the characters of each changed stretch, so the work stays small on long texts. */
  function clauses(text) {
    return text.match(/[^，。；！？、：,.;!?\n]*[，。；！？、：,.;!?\n]?/g).filter(function (s) { return s; });
  }

  function charRuns(a, b) {
    var ca = Array.from(a), cb = Array.from(b);
    var runs = (ca.length + cb.length <= 4000) ? myers(ca, cb, 1200) : null;
    if (!runs) {
      runs = [];
      if (ca.length) runs.push(["-", ca]);
      if (cb.length) runs.push(["+", cb]);
    }
    return runs.map(function (r) { return [r[0], r[1].join("")]; });
  }

  /* Runs of [op, text] that turn a into b. */
  function textDiff(a, b) {
    if (a === b) return a ? [["=", a]] : [];
    var runs = myers(clauses(a), clauses(b), 400);
    if (!runs) return tidy(charRuns(a, b));
    var out = [], pendingA = "", pendingB = "";
    function flush() {
      if (pendingA || pendingB) out = out.concat(charRuns(pendingA, pendingB));
      pendingA = pendingB = "";
    }
    runs.forEach(function (r) {
      var text = r[1].join("");
      if (r[0] === "=") { flush(); out.push(["=", text]); }
      else if (r[0] === "-") pendingA += text;
      else pendingB += text;
    });
    flush();
    return tidy(out);
  }

  /* A lone equal character between two changes reads as noise (推进→加强 sharing 进): fold it
     into the changes; then merge neighbours of one kind. */
  function tidy(runs) {
    var out = [];
    for (var i = 0; i < runs.length; i++) {
      var r = runs[i];
      if (r[0] === "=" && Array.from(r[1]).length < 2 && i > 0 && i < runs.length - 1 &&
          runs[i - 1][0] !== "=" && runs[i + 1][0] !== "=") {
        out.push(["-", r[1]], ["+", r[1]]);
      } else {
        out.push([r[0], r[1]]);
      }
    }
    var dels = "", adds = "", merged = [];
    out.forEach(function (r) {
      if (r[0] === "-") dels += r[1];
      else if (r[0] === "+") adds += r[1];
      else {
        if (dels) merged.push(["-", dels]);
        if (adds) merged.push(["+", adds]);
        dels = adds = "";
        var last = merged[merged.length - 1];
        if (last && last[0] === "=") last[1] += r[1]; else merged.push(["=", r[1]]);
      }
    });
    if (dels) merged.push(["-", dels]);
    if (adds) merged.push(["+", adds]);
    return merged;
  }

  /* One side of a diff as DOM: equal text plain, this side's changes marked. */
  function diffSide(runs, side) {
    var frag = doc.createDocumentFragment(), mine = side === "a" ? "-" : "+";
    runs.forEach(function (r) {
      if (r[0] === "=") frag.appendChild(doc.createTextNode(r[1]));
      else if (r[0] === mine) frag.appendChild(make(side === "a" ? "del" : "ins", null, r[1]));
    });
    return frag;
  }

  window.tigang = { myers: myers, textDiff: textDiff };

  /* ---------------------------------------------------------------- trees ---------------- */

  function itemsOf(scope) { return $$("li.it", scope); }
  function parentItem(li) {
    var up = li.parentElement && li.parentElement.closest("li.it");
    return up || null;
  }
  function setOpen(li, open) {
    if (li.hasAttribute("aria-expanded")) li.setAttribute("aria-expanded", open ? "true" : "false");
  }
  /* checkVisibility also sees inside a closed <details>, where boxes keep their size. */
  function visible(li) {
    return li.checkVisibility ? li.checkVisibility() : li.getClientRects().length > 0;
  }

  function foldTo(scope, depth) {
    itemsOf(scope).forEach(function (li) {
      setOpen(li, depth == null || Number(li.getAttribute("data-level")) < depth);
    });
  }

  /* Search: items whose heading (or body, on the outline page) holds the query stay, with
     their ancestors; matches are marked. */
  function Search(scope, input, counter, bodyText, onBodyHit) {
    var items = itemsOf(scope), originals = new Map();
    function restore() {
      originals.forEach(function (text, span) { span.textContent = text; });
      originals.clear();
    }
    function mark(span, needle) {
      var text = span.textContent, lower = text.toLowerCase(), at = lower.indexOf(needle);
      if (at < 0) return;
      originals.set(span, text);
      span.textContent = "";
      var from = 0;
      while (at >= 0) {
        span.appendChild(doc.createTextNode(text.slice(from, at)));
        span.appendChild(make("mark", null, text.slice(at, at + needle.length)));
        from = at + needle.length;
        at = lower.indexOf(needle, from);
      }
      span.appendChild(doc.createTextNode(text.slice(from)));
    }
    function run() {
      var needle = input.value.trim().toLowerCase();
      restore();
      items.forEach(function (li) { li.classList.remove("miss"); });
      scope.classList.toggle("searching", !!needle);
      if (!needle) { counter.textContent = ""; return; }
      var keep = new Set(), hits = 0;
      items.forEach(function (li) {
        var row = li.firstElementChild, spans = $$(".mk, .hd", row), inHeading = false;
        spans.forEach(function (s) { if (s.textContent.toLowerCase().indexOf(needle) >= 0) inHeading = true; });
        var body = bodyText ? bodyText(li) : "";
        var inBody = !!body && body.toLowerCase().indexOf(needle) >= 0;
        if (!inHeading && !inBody) return;
        hits++;
        spans.forEach(function (s) { mark(s, needle); });
        if (inBody && onBodyHit) onBodyHit(li, needle, mark);
        for (var up = li; up; up = parentItem(up)) {
          if (keep.has(up)) break;
          keep.add(up);
          if (up !== li) setOpen(up, true);
        }
        var box = li.closest("details");
        if (box) box.open = true;
      });
      items.forEach(function (li) { if (!keep.has(li)) li.classList.add("miss"); });
      counter.textContent = hits ? hits + " 处 hits" : "无结果 none";
    }
    var timer = 0;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; run(); var first = $("li.it[tabindex='0']", scope); if (first) first.focus(); }
      if (e.key === "Enter") { clearTimeout(timer); run(); }
    });
    return run;
  }

  /* Keyboard: the tree pattern of WAI-ARIA (arrows, Home/End, Enter/Space activates). */
  function Keys(scope, activate) {
    var current = null;
    function focusItem(li) {
      if (!li) return;
      if (current) current.setAttribute("tabindex", "-1");
      li.setAttribute("tabindex", "0");
      li.focus({ preventScroll: false });
      current = li;
    }
    var first = $("li.it", scope);
    itemsOf(scope).forEach(function (li) { li.setAttribute("tabindex", "-1"); });
    if (first) { first.setAttribute("tabindex", "0"); current = first; }
    scope.addEventListener("focusin", function (e) {
      var li = e.target.closest && e.target.closest("li.it");
      if (li && li !== current) {
        if (current) current.setAttribute("tabindex", "-1");
        li.setAttribute("tabindex", "0");
        current = li;
      }
    });
    scope.addEventListener("keydown", function (e) {
      var li = e.target.closest && e.target.closest("li.it");
      if (!li || e.target !== li || e.altKey || e.ctrlKey || e.metaKey) return;
      var shown = itemsOf(scope).filter(visible), i = shown.indexOf(li), kids;
      switch (e.key) {
        case "ArrowDown": focusItem(shown[i + 1]); break;
        case "ArrowUp": focusItem(shown[i - 1]); break;
        case "Home": focusItem(shown[0]); break;
        case "End": focusItem(shown[shown.length - 1]); break;
        case "ArrowRight":
          if (li.getAttribute("aria-expanded") === "false") setOpen(li, true);
          else if ((kids = $("ul > li.it", li)) && visible(kids)) focusItem(kids);
          break;
        case "ArrowLeft":
          if (li.getAttribute("aria-expanded") === "true") setOpen(li, false);
          else focusItem(parentItem(li));
          break;
        case "Enter": case " ": activate(li); break;
        default: return;
      }
      e.preventDefault();
    });
    return focusItem;
  }

  /* The toolbar of a tree: fold buttons, depth buttons, search. Returns the search runner. */
  function wireTools(scope, bodyText, onBodyHit) {
    $$("[data-fold]").forEach(function (b) {
      b.addEventListener("click", function () { foldTo(scope, b.getAttribute("data-fold") === "all" ? 1 : null); });
    });
    $$("[data-depth]").forEach(function (b) {
      b.addEventListener("click", function () { foldTo(scope, Number(b.getAttribute("data-depth"))); });
    });
    var input = $("#q");
    var search = input ? Search(scope, input, $("#hits"), bodyText, onBodyHit) : null;
    doc.addEventListener("keydown", function (e) {
      if (e.key === "/" && input && doc.activeElement !== input && !/INPUT|TEXTAREA/.test(doc.activeElement.tagName)) {
        e.preventDefault();
        input.focus();
      }
    });
    return search;
  }

  function twistyClicked(e) { return e.target.classList && e.target.classList.contains("tw"); }

  /* ---------------------------------------------------------------- outline page -------- */

  function outlinePage() {
    var scope = $("#main"), bodies = data.bodies || {};
    function bodyOf(li) { return bodies[li.id] || ""; }
    function showBody(li, open) {
      var box = li.querySelector(":scope > .body");
      if (!open) { if (box) box.remove(); return null; }
      if (!box && bodyOf(li)) {
        box = make("div", "body", bodyOf(li));
        box.style.setProperty("--d", li.firstElementChild.style.getPropertyValue("--d"));
        li.insertBefore(box, li.firstElementChild.nextSibling);
      }
      return box;
    }
    function toggleBody(li) { showBody(li, !li.querySelector(":scope > .body")); }
    wireTools(scope, bodyOf, function (li, needle, mark) {
      var box = showBody(li, true);
      if (box) { box.textContent = bodyOf(li); mark(box, needle); }
    });
    Keys(scope, toggleBody);
    scope.addEventListener("click", function (e) {
      var row = e.target.closest(".row");
      if (!row) return;
      var li = row.parentElement;
      if (twistyClicked(e) && li.hasAttribute("aria-expanded")) {
        setOpen(li, li.getAttribute("aria-expanded") === "false");
      } else {
        toggleBody(li);
      }
      li.focus();
    });
    $$("[data-copy]").forEach(function (b) {
      b.addEventListener("click", function () {
        var md = b.getAttribute("data-copy") === "markdown";
        copyText(md ? data.markdown : data.text, md ? " Markdown" : "文本");
      });
    });
    $$("[data-goto]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        var li = $('li.it[data-line="' + a.getAttribute("data-goto") + '"]', scope);
        if (!li) { toast("该行不在条目上 · not on an item"); return; }
        if (li.closest("details")) li.closest("details").open = true;
        for (var up = parentItem(li); up; up = parentItem(up)) setOpen(up, true);
        li.scrollIntoView({ block: "center" });
        li.focus({ preventScroll: true });
      });
    });
  }

  /* ---------------------------------------------------------------- comparison ---------- */

  /* One comparison (a page, or a pair opened inside the corpus page). */
  function comparison(scope, items, detail) {
    var selected = [];
    function partners(row) {
      var key = row.getAttribute("data-pair");
      return key ? $$('.row[data-pair="' + key + '"]', scope).filter(function (r) { return r !== row; }) : [];
    }
    scope.addEventListener("mouseover", function (e) {
      var row = e.target.closest(".row");
      $$(".row.partner", scope).forEach(function (r) { r.classList.remove("partner"); });
      if (row) partners(row).forEach(function (r) { r.classList.add("partner"); });
    });
    scope.addEventListener("mouseleave", function () {
      $$(".row.partner", scope).forEach(function (r) { r.classList.remove("partner"); });
    });

    function side(title, item, runs, which) {
      var box = make("div", "side");
      box.appendChild(make("h4", null, title + (item ? "  第" + item[3] + "行" : "")));
      var text = make("div", "text");
      if (!item) {
        text.appendChild(make("span", "none", which === "a" ? "（甲中没有 · not in A）" : "（乙中没有 · not in B）"));
      } else {
        var head = make("div", "head");
        head.appendChild(doc.createTextNode(item[0]));
        head.appendChild(diffSide(runs.head, which));
        text.appendChild(head);
        text.appendChild(diffSide(runs.body, which));
      }
      box.appendChild(text);
      return box;
    }

    function select(li) {
      var row = li.firstElementChild;
      selected.forEach(function (r) { r.classList.remove("sel"); });
      selected = [row].concat(partners(row));
      selected.forEach(function (r) { r.classList.add("sel"); });
      var a = items[row.getAttribute("data-a")] || null, b = items[row.getAttribute("data-b")] || null;
      var empty = [];
      var runs = {
        head: a && b ? textDiff(a[1], b[1]) : a ? [["-", a[1]]] : b ? [["+", b[1]]] : empty,
        body: a && b ? textDiff(a[2], b[2]) : a ? [["-", a[2]]] : b ? [["+", b[2]]] : empty
      };
      var changed = 0;
      runs.head.concat(runs.body).forEach(function (r) { if (r[0] !== "=") changed += Array.from(r[1]).length; });
      detail.textContent = "";
      var h = make("h3");
      h.appendChild(make("span", "chip " + Array.prototype.find.call(li.classList, function (c) { return c.indexOf("op-") === 0; }), li.getAttribute("data-opname")));
      h.appendChild(make("span", "diffstat", a && b ? changed + " 字不同 · characters differ" : ""));
      var close = make("button", "close", "关闭");
      close.type = "button";
      close.setAttribute("aria-label", "关闭 close");
      close.addEventListener("click", function () {
        detail.hidden = true;
        detail.parentElement.classList.remove("with-detail");
        selected.forEach(function (r) { r.classList.remove("sel"); });
        li.focus();
      });
      h.appendChild(close);
      detail.appendChild(h);
      var sides = make("div", "sides");
      sides.appendChild(side("甲 A", a, runs, "a"));
      sides.appendChild(side("乙 B", b, runs, "b"));
      detail.appendChild(sides);
      detail.hidden = false;
      detail.parentElement.classList.add("with-detail");
    }

    Keys(scope, select);
    scope.addEventListener("click", function (e) {
      var row = e.target.closest(".row");
      if (!row) return;
      var li = row.parentElement;
      if (twistyClicked(e) && li.hasAttribute("aria-expanded")) setOpen(li, li.getAttribute("aria-expanded") === "false");
      else select(li);
      li.focus();
    });
    return select;
  }

  function diffPage() {
    var scope = $("#cmp"), detail = $("#detail");
    wireTools(scope);
    comparison(scope, data.items, detail);
    var only = $("#changes-only");
    if (only) {
      only.addEventListener("change", function () { scope.classList.toggle("changes-only", only.checked); });
      scope.classList.toggle("changes-only", only.checked);
    }
  }

  /* ---------------------------------------------------------------- skeleton ------------ */

  function skeletonPage() {
    var scope = $("#main .tree"), detail = $("#detail");
    wireTools(scope);
    function show(li) {
      var found = data.found[li.id] || [];
      detail.textContent = "";
      var h = make("h3", null, li.querySelector(".hd").textContent);
      detail.appendChild(h);
      var list = make("ul");
      found.forEach(function (f, i) {
        var row = make("li");
        row.appendChild(make("b", null, data.names[i] + "："));
        row.appendChild(f ? doc.createTextNode(f[0] + "  第" + f[1] + "行") : make("span", "none", "没有 · missing"));
        list.appendChild(row);
      });
      detail.appendChild(list);
      detail.hidden = false;
      detail.parentElement.classList.add("with-detail");
    }
    Keys(scope, show);
    scope.addEventListener("click", function (e) {
      var row = e.target.closest(".row");
      if (!row) return;
      var li = row.parentElement;
      if (twistyClicked(e) && li.hasAttribute("aria-expanded")) setOpen(li, li.getAttribute("aria-expanded") === "false");
      else show(li);
      li.focus();
    });
  }

  /* ---------------------------------------------------------------- corpus -------------- */

  function corpusPage() {
    var view = $("#pair-view");
    $$("[data-open-pair]").forEach(function (button) {
      button.addEventListener("click", function () {
        var template = $("#" + button.getAttribute("data-open-pair"));
        view.textContent = "";
        view.appendChild(template.content.cloneNode(true));
        view.hidden = false;
        var scope = $(".cmp", view), detail = $(".detail", view);
        var only = $(".changes-only-toggle", view);
        only.addEventListener("change", function () { scope.classList.toggle("changes-only", only.checked); });
        comparison(scope, data.items, detail);
        view.scrollIntoView({ block: "start" });
        var first = $("li.it", scope);
        if (first) first.focus({ preventScroll: true });
      });
    });
    $$(".family .tree").forEach(function (tree) {
      tree.addEventListener("click", function (e) {
        var li = e.target.closest("li.it");
        if (li && li.hasAttribute("aria-expanded")) setOpen(li, li.getAttribute("aria-expanded") === "false");
      });
    });
  }

  $$("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
  if (kind === "outline") outlinePage();
  else if (kind === "diff") diffPage();
  else if (kind === "skeleton") skeletonPage();
  else if (kind === "corpus") corpusPage();
  doc.documentElement.setAttribute("data-ready", "1");
})();
