/* AUPAT catalogue: filter and sort the index, draw the photo grid a chunk at a time as it comes into view,
   draw the maps.
   Every text from the archive is put in the page with textContent, never as markup. */
(function () {
  "use strict";
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

  /* A location's grid data and map points are external scripts in its data folder (<script src> works from
     file://, fetch does not), each calling one of these; a chunk is loaded when its group comes near the view. */
  var chunkDone = {};
  window.aupatChunk = function (n, items) {
    var done = chunkDone[n];
    delete chunkDone[n];
    if (done) { done(items); }
  };
  var pointsDone = null;
  window.aupatPoints = function (points) {
    if (pointsDone) { pointsDone(points); }
  };

  function load(file, failed) {
    var script = document.createElement("script");
    script.src = data.dir + file;
    script.onerror = failed;
    document.body.appendChild(script);
  }

  function group(g, parent, observer) {
    var section = element("section", "group");
    section.appendChild(element("h3", null, g.visit + " \u00b7 " + g.category + " (" + g.count + ")"));
    var grid = element("div", "grid");
    section.appendChild(grid);
    var more = element("button", "more");
    more.hidden = true;
    section.appendChild(more);
    var end = element("div", "group-end");
    section.appendChild(end);
    var next = 0;
    var shown = 0;
    var loading = false;
    function loadNext() {
      if (loading || next >= g.chunks.length) { return; }
      loading = true;
      var n = g.chunks[next];
      chunkDone[n] = function (items) {
        var fragment = document.createDocumentFragment();
        items.forEach(function (it) { fragment.appendChild(item(it)); });
        grid.appendChild(fragment);
        shown += items.length;
        next++;
        loading = false;
        more.hidden = next >= g.chunks.length;
        more.textContent = "Show more (" + (g.count - shown) + " of " + g.count + " not shown yet)";
        if (observer) {
          // Observed again, so that an end still in view after this chunk asks for the next one.
          observer.unobserve(end);
          if (next < g.chunks.length) { observer.observe(end); }
        }
      };
      load("chunk-" + n + ".js", function () {
        delete chunkDone[n];
        grid.appendChild(element("p", "flag damaged", "Part of this group's data (" + data.dir + "chunk-" + n
            + ".js) is missing: run the catalogue again."));
      });
    }
    more.addEventListener("click", loadNext);
    end.loadNext = loadNext;
    parent.appendChild(section);
    if (observer) { observer.observe(end); } else { loadNext(); }
  }

  function locationPage() {
    var groups = document.getElementById("groups");
    var observer = typeof IntersectionObserver === "undefined" ? null : new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { e.target.loadNext(); } });
    }, { rootMargin: "600px 0px" });
    (data.groups || []).forEach(function (g) { group(g, groups, observer); });
    if (!data.groups || data.groups.length === 0) { groups.appendChild(element("p", null, "No photos or videos.")); }
    if (data.points && document.getElementById("map")) {
      pointsDone = function (points) {
        drawMap(document.getElementById("map"), points.map(function (p) { return { lat: p[0], lon: p[1] }; }),
            function () { return null; });
      };
      load("points.js", function () { /* no pins: the page still works */ });
    }
  }

  if (document.getElementById("locations")) { indexPage(); } else if (document.getElementById("groups")) { locationPage(); }
}());
