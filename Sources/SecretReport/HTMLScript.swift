/// The HTML report's one script: the findings table, built from the JSON islands, with sorting,
/// filtering and paging. Plain JavaScript, no libraries, written verbatim into a `<script>` element.
///
/// Like the stylesheet it is a constant, allowed by the page's Content-Security-Policy through its
/// hash (`sha256`; `HTMLReportTests` recomputes it and prints the new value after an edit).
///
/// Safety: data comes only from `JSON.parse` of the islands `ta-findings` and `ta-rules`, and
/// reaches the page only as `textContent` of elements the script creates; the script never writes
/// markup (no `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `document.write`, `eval`).
///
/// Behaviour: the findings of a credential pair (same `g`, group) form one unit that sorts, filters
/// and pages together and is drawn as adjacent rows. Filters: severity, rule, and a path search
/// (case-insensitive substring). Sort: click a column header (severity, rule, location); the
/// default is report order. 100 units a page; printing draws every unit that passes the filters.
enum HTMLScript {
    /// Base64 SHA-256 of `code`, for `script-src 'sha256-…'`.
    static let sha256 = "cfo9iY0IlVkzWWgbylcTyyT3Egq7cNwrha7zNxdro9g="

    static let code = """
        (function () {
          "use strict";
          var SEVERITIES = ["critical", "high", "medium", "low"];
          var PAGE = 100;
          function island(id) {
            var el = document.getElementById(id);
            return el ? JSON.parse(el.textContent) : [];
          }
          var findings = island("ta-findings");
          var rules = island("ta-rules");
          var table = document.getElementById("ta-table");
          if (!table || findings.length === 0) { return; }
          var tbody = table.querySelector("tbody");
          var severitySelect = document.getElementById("ta-severity");
          var ruleSelect = document.getElementById("ta-rule");
          var search = document.getElementById("ta-search");
          var status = document.getElementById("ta-status");
          var prev = document.getElementById("ta-prev");
          var next = document.getElementById("ta-next");
          var pageLabel = document.getElementById("ta-page");

          var units = [];
          var groups = new Map();
          findings.forEach(function (f, i) {
            f.i = i;
            var unit = f.g === undefined ? null : groups.get(f.g);
            if (unit) { unit.members.push(f); unit.sev = Math.min(unit.sev, f.s); return; }
            unit = { members: [f], sev: f.s, order: i };
            if (f.g !== undefined) { groups.set(f.g, unit); }
            units.push(unit);
          });
          units.forEach(function (u) {
            u.path = u.members.map(function (f) { return f.p.toLowerCase(); }).join("\\n");
          });

          rules.forEach(function (r, i) {
            var option = document.createElement("option");
            option.value = String(i);
            option.textContent = r[0] + " \\u2014 " + r[1];
            ruleSelect.appendChild(option);
          });

          var sortKey = null, sortDir = 1, page = 0, shown = units, printing = false;
          function compareText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
          var comparators = {
            severity: function (a, b) { return a.sev - b.sev; },
            rule: function (a, b) { return compareText(rules[a.members[0].r][0], rules[b.members[0].r][0]); },
            location: function (a, b) {
              var x = a.members[0], y = b.members[0];
              return compareText(x.p, y.p) || x.l - y.l || x.c - y.c;
            }
          };
          function apply() {
            var sev = severitySelect.value, rule = ruleSelect.value, query = search.value.trim().toLowerCase();
            shown = units.filter(function (u) {
              if (query && u.path.indexOf(query) < 0) { return false; }
              return u.members.some(function (f) {
                return (sev === "" || String(f.s) === sev) && (rule === "" || String(f.r) === rule);
              });
            });
            if (sortKey) {
              var cmp = comparators[sortKey];
              shown.sort(function (a, b) { return sortDir * cmp(a, b) || a.order - b.order; });
            }
            page = 0;
            draw();
          }

          function el(tag, className, text) {
            var node = document.createElement(tag);
            if (className) { node.className = className; }
            if (text !== undefined) { node.textContent = text; }
            return node;
          }
          function fact(parent, label, value, className) {
            var line = el("div", "facts");
            line.appendChild(el("b", null, label + " "));
            line.appendChild(el("span", className || null, value));
            parent.appendChild(line);
          }
          function row(f, unit, index) {
            var tr = el("tr");
            var paired = unit.members.length > 1;
            if (paired) { tr.className = index < unit.members.length - 1 ? "pair member" : "pair"; }
            var sevCell = el("td");
            sevCell.appendChild(el("span", "sev " + SEVERITIES[f.s], SEVERITIES[f.s]));
            if (paired && index === 0) {
              sevCell.appendChild(el("br"));
              sevCell.appendChild(el("span", "pairtag", "credential pair"));
            }
            tr.appendChild(sevCell);
            var ruleCell = el("td");
            ruleCell.appendChild(el("code", null, rules[f.r][0]));
            ruleCell.appendChild(el("div", "title", rules[f.r][1]));
            tr.appendChild(ruleCell);
            var locCell = el("td");
            locCell.appendChild(el("code", null, f.p + ":" + f.l + ":" + f.c));
            if (f.k !== undefined) { fact(locCell, "key", f.k); }
            tr.appendChild(locCell);
            var secretCell = el("td");
            secretCell.appendChild(el("code", "secret", f.x));
            if (f.en !== undefined) { fact(secretCell, "encoding", f.en); }
            tr.appendChild(secretCell);
            var ctx = el("td");
            if (f.t !== undefined) { ctx.appendChild(el("code", "excerpt", f.t.replace(/^\\s+/, ""))); }
            if (f.cm !== undefined) {
              fact(ctx, "commit", f.cm.slice(0, 12) + " \\u00b7 " + f.au + " \\u00b7 " + f.d);
              if (f.rm === true) { fact(ctx, "history", "removed from HEAD, still in history", "removed"); }
            }
            if (f.ev !== undefined) { fact(ctx, "evidence", f.ev); }
            if (f.v !== undefined) { fact(ctx, "verified", f.v); }
            if (f.m !== undefined) { fact(ctx, "note", f.m); }
            fact(ctx, "fingerprint", f.f.length > 16 ? f.f.slice(0, 16) + "\\u2026" : f.f, "fp");
            tr.appendChild(ctx);
            return tr;
          }
          function draw() {
            var size = printing ? shown.length || 1 : PAGE;
            var pages = Math.max(1, Math.ceil(shown.length / size));
            if (page >= pages) { page = pages - 1; }
            var start = page * size, end = Math.min(shown.length, start + size);
            var fragment = document.createDocumentFragment();
            for (var i = start; i < end; i++) {
              var unit = shown[i];
              unit.members.forEach(function (f, index) { fragment.appendChild(row(f, unit, index)); });
            }
            tbody.textContent = "";
            tbody.appendChild(fragment);
            var count = shown.reduce(function (n, u) { return n + u.members.length; }, 0);
            status.textContent = count.toLocaleString("en") + " of " + findings.length.toLocaleString("en") + " findings";
            pageLabel.textContent = shown.length === 0 ? "no matching findings" :
              "page " + (page + 1) + " of " + pages;
            prev.disabled = page === 0;
            next.disabled = page >= pages - 1;
          }

          table.querySelectorAll("th button[data-sort]").forEach(function (button) {
            button.addEventListener("click", function () {
              var key = button.getAttribute("data-sort");
              sortDir = sortKey === key ? -sortDir : 1;
              sortKey = key;
              table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
              button.parentNode.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
              apply();
            });
          });
          var timer = null;
          severitySelect.addEventListener("change", apply);
          ruleSelect.addEventListener("change", apply);
          search.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(apply, 120);
          });
          prev.addEventListener("click", function () { page -= 1; draw(); });
          next.addEventListener("click", function () { page += 1; draw(); });
          window.addEventListener("beforeprint", function () { printing = true; draw(); });
          window.addEventListener("afterprint", function () { printing = false; draw(); });
          apply();
        })();
        """
}
