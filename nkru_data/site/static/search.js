/* nkru-data site search: plain JavaScript over the index in search-index.js, no library, no
   request. Case and accents are folded (Ё = е, É = e) on both sides, every word of the query must
   be found, and records whose names hold the words come before those whose other texts do. */
(function () {
  "use strict";
  var me = document.currentScript;
  var lang = me.getAttribute("data-lang");
  var column = { en: 3, ru: 4, ko: 5 }[lang];
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var marks = /[\u0300-\u036f]/g;

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(marks, "");
  }

  var index = (window.NKRU_SEARCH || []).map(function (entry) {
    return {
      entry: entry,
      names: fold([entry[3], entry[4], entry[5], entry[6]].join(" | ")),
      texts: fold(entry[7])
    };
  });

  function rank(item, words) {
    var inNames = 0;
    for (var i = 0; i < words.length; i++) {
      if (item.names.indexOf(words[i]) !== -1) {
        inNames++;
      } else if (item.texts.indexOf(words[i]) === -1) {
        return -1;
      }
    }
    return inNames === words.length ? 0 : 1;
  }

  function show(query) {
    results.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) {
      status.textContent = "";
      return;
    }
    var hits = [];
    index.forEach(function (item) {
      var r = rank(item, words);
      if (r >= 0) hits.push([r, item.entry]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1][1] < b[1][1] ? -1 : 1); });
    status.textContent = hits.length
      ? me.getAttribute("data-found").replace("{}", String(hits.length))
      : me.getAttribute("data-none");
    hits.slice(0, 200).forEach(function (hit) {
      var entry = hit[1];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry[0];
      var title = entry[column];
      if (title) {
        a.textContent = title;
      } else {
        a.textContent = entry[3] || entry[1];
        a.lang = "en";
      }
      li.appendChild(a);
      if (!title) {
        var en = document.createElement("span");
        en.className = "fallback";
        en.textContent = " [en]";
        li.appendChild(en);
      }
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " · " + (me.getAttribute("data-table-" + entry[2]) || entry[2]);
      li.appendChild(kind);
      results.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  input.setAttribute("value", query);  /* so that the page as saved shows what was searched */
  show(query);
  input.addEventListener("input", function () { show(input.value); });
})();
