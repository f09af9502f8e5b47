/* AUPAT catalogue: filter and sort the index, draw the photo grid a page at a time, draw the maps.
   Every text from the archive is put in the page with textContent, never as markup. */
(function () {
  "use strict";
  var PAGE = 120;
  var dataElement = document.getElementById("catalogue-data");
  var data = dataElement ? JSON.parse(dataElement.textContent) : {};

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /* A map with OpenStreetMap tiles when online; without them the pins still show on the plain background. */
  function drawMap(container, points, label) {
    if (!container || typeof L === "undefined" || points.length === 0) { return null; }
    var map = L.map(container, { preferCanvas: points.length > 2000 });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap contributors"
    }).addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      var pin = L.circleMarker([p.lat, p.lon], { radius: 7, weight: 2, color: "#b03a2e", fillOpacity: 0.7 }).addTo(map);
      var text = label(p);
      if (text) { pin.bindPopup(text); }
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 15); } else { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 }); }
    return map;
  }

  function indexPage() {
    var table = document.getElementById("locations");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById("filter");
    var sort = document.getElementById("sort");
    var shown = document.getElementById("shown");
    function applyFilter() {
      var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var n = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search");
        var visible = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !visible;
        if (visible) { n++; }
      });
      shown.textContent = n + " of " + rows.length + " shown";
    }
    function applySort() {
      var key = sort.value;
      var sorted = rows.slice().sort(function (a, b) {
        var name = a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"));
        if (key === "state") {
          return a.getAttribute("data-state").localeCompare(b.getAttribute("data-state")) || name;
        }
        if (key === "last") {
          var x = a.getAttribute("data-last"), y = b.getAttribute("data-last");
          if (x !== y) { return x === "" ? 1 : y === "" ? -1 : y.localeCompare(x); }
        }
        return name;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    }
    filter.addEventListener("input", applyFilter);
    sort.addEventListener("change", applySort);
    applySort();
    applyFilter();
    drawMap(document.getElementById("map"), data.locations || [], function (p) {
      var link = element("a", null, p.name);
      link.href = p.href;
      return link;
    });
  }

  function item(it) {
    var figure = element("figure", "item " + it.t + (it.f && it.f.indexOf("damaged") >= 0 ? " damaged" : ""));
    var link = element("a", "original");
    if (it.o) { link.href = it.o; }
    if (it.th) {
      var img = element("img", "thumb");
      img.loading = "lazy";
      img.alt = it.n || "";
      img.src = it.th;
      link.appendChild(img);
    } else {
      link.appendChild(element("span", "thumb none", it.t === "video" ? "video" : "no preview"));
    }
    figure.appendChild(link);
    var caption = element("figcaption");
    caption.appendChild(element("div", "name", it.n));
    if (it.d) { caption.appendChild(element("div", "time", it.d)); }
    if (it.c) { caption.appendChild(element("div", "camera", it.c)); }
    if (it.g) { caption.appendChild(element("div", "gps", it.g[0].toFixed(6) + ", " + it.g[1].toFixed(6))); }
    if (it.x) {
      var extras = element("div", "extras");
      it.x.forEach(function (x) {
        var a = element("a", "extra", x.l);
        if (x.h) { a.href = x.h; }
        extras.appendChild(a);
        extras.appendChild(document.createTextNode(" "));
      });
      caption.appendChild(extras);
    }
    (it.f || []).forEach(function (f) {
      caption.appendChild(element("span", "flag" + (f === "damaged" ? " damaged" : ""), f));
    });
    figure.appendChild(caption);
    return figure;
  }

  function group(g, parent) {
    var section = element("section", "group");
    section.appendChild(element("h3", null, g.visit + " \u00b7 " + g.category + " (" + g.items.length + ")"));
    var grid = element("div", "grid");
    section.appendChild(grid);
    var more = element("button", "more");
    var done = 0;
    function next() {
      var end = Math.min(g.items.length, done + PAGE);
      var fragment = document.createDocumentFragment();
      for (; done < end; done++) { fragment.appendChild(item(g.items[done])); }
      grid.appendChild(fragment);
      more.hidden = done >= g.items.length;
      more.textContent = "Show " + Math.min(PAGE, g.items.length - done) + " more of " + (g.items.length - done);
    }
    more.addEventListener("click", next);
    section.appendChild(more);
    parent.appendChild(section);
    next();
  }

  function locationPage() {
    var groups = document.getElementById("groups");
    (data.groups || []).forEach(function (g) { group(g, groups); });
    if (!data.groups || data.groups.length === 0) { groups.appendChild(element("p", null, "No photos or videos.")); }
    var points = (data.points || []).map(function (p) { return { lat: p[0], lon: p[1] }; });
    drawMap(document.getElementById("map"), points, function () { return null; });
  }

  if (document.getElementById("locations")) { indexPage(); } else if (document.getElementById("groups")) { locationPage(); }
}());
