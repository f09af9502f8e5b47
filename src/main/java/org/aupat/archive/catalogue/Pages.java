package org.aupat.archive.catalogue;

import static org.aupat.archive.catalogue.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.aupat.archive.catalogue.CatalogueRepository.DocumentRow;
import org.aupat.archive.catalogue.CatalogueRepository.LocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.MediaRow;
import org.aupat.archive.catalogue.CatalogueRepository.SubLocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.UrlRow;
import org.aupat.archive.catalogue.LocationItems.Extra;
import org.aupat.archive.catalogue.LocationItems.Group;
import org.aupat.archive.catalogue.LocationItems.Item;

/**
 * The catalogue's two kinds of page as text: the index of every location, and one location's page. Static
 * parts are written here, every outside text through {@link Html#escape}. The photo grid is data: the page
 * holds its groups (visit, category, count), and the items are in external scripts of at most
 * {@link Site#chunkItems} items each in the location's data folder, which {@code assets/catalogue.js} loads as
 * a group comes into view and shows as text only (docs/catalogue.md, "Page and data layout").
 */
final class Pages {
    /** Where the pages are and what they may show. */
    record Site(Path root, boolean redactGps, Function<String, Path> thumbnail, Set<String> thumbnails, int chunkItems) {
        Path locations() {
            return root.resolve("locations");
        }
    }

    /** One location as the index shows it; the page's own facts. */
    record Summary(LocationRow location, String page, long photos, long videos, long documents, String firstVisit,
                   String lastVisit, String cover, Double lat, Double lon) {
    }

    private final ObjectMapper json;

    Pages(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One location's page, its summary for the index, and its grid data: the files of {@link #dataOf its data
     * folder} by name, each an external script ({@code <script src>} works from {@code file://}, fetch does not)
     * that the page loads when a group comes into view, so a page with 100,000 files opens as fast as one with ten.
     */
    record Rendered(String html, Summary summary, Map<String, byte[]> data) {
    }

    Rendered location(Site site, LocationRow location, List<MediaRow> media, List<DocumentRow> documents,
                      List<UrlRow> urls, List<SubLocationRow> subLocations) throws IOException {
        Path folder = site.locations();
        LocationItems items = LocationItems.of(media, documents, json);
        long photos = media.stream().filter(m -> !m.video()).count();
        long videos = media.size() - photos;
        ObjectNode data = json.createObjectNode();
        data.put("dir", location.uuid() + "/");
        ArrayNode groups = data.putArray("groups");
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> points = new LinkedHashSet<>();
        ArrayNode pointArray = json.createArrayNode();
        String first = null;
        String last = null;
        String cover = null;
        double latSum = 0;
        double lonSum = 0;
        int located = 0;
        for (MediaRow row : media) {
            if (row.lat() != null && row.lon() != null && !site.redactGps()) {
                latSum += row.lat();
                lonSum += row.lon();
                located++;
                // One pin per ~1 m: a burst of photos from one spot is one pin.
                if (points.add(Math.round(row.lat() * 1e5) + "," + Math.round(row.lon() * 1e5))) {
                    pointArray.add(json.createArrayNode().add(round(row.lat())).add(round(row.lon())));
                }
            }
        }
        int chunk = 0;
        for (Group group : items.groups()) {
            ObjectNode g = groups.addObject();
            g.put("visit", group.visit());
            g.put("category", LocationItems.CATEGORIES.getOrDefault(group.category(), group.category()));
            g.put("count", group.items().size());
            ArrayNode chunks = g.putArray("chunks");
            ArrayNode list = null;
            for (Item item : group.items()) {
                if (list == null || list.size() == site.chunkItems()) {
                    if (list != null) {
                        files.put(chunkFile(chunk), script("aupatChunk", chunk, list));
                        chunk++;
                    }
                    chunks.add(chunk);
                    list = json.createArrayNode();
                }
                list.add(item(site, folder, item));
                if (cover == null && site.thumbnails().contains(item.main().sha())) {
                    cover = Html.link(site.root(), site.thumbnail().apply(item.main().sha()));
                }
            }
            if (list != null) {
                files.put(chunkFile(chunk), script("aupatChunk", chunk, list));
                chunk++;
            }
            if (!group.visit().equals(LocationItems.UNKNOWN_DATE)) {
                first = first == null || group.visit().compareTo(first) < 0 ? group.visit() : first;
                last = last == null || group.visit().compareTo(last) > 0 ? group.visit() : last;
            }
        }
        if (!site.redactGps() && !pointArray.isEmpty()) {
            files.put(POINTS, script("aupatPoints", null, pointArray));
            data.put("points", true);
        }
        String page = pageOf(location);
        Summary summary = new Summary(location, page, photos, videos, documents.size(), first, last, cover,
                located == 0 ? null : round(latSum / located), located == 0 ? null : round(lonSum / located));
        StringBuilder html = new StringBuilder(64 * 1024 + items.groups().size() * 100);
        head(html, location.name() + " · AUPAT catalogue", "../", site.redactGps(), "location-page");
        html.append("<nav><a href=\"../index.html\">All locations</a></nav>\n");
        html.append("<h1 id=\"location-name\">").append(escape(location.name())).append("</h1>\n");
        if (location.aka() != null && !location.aka().isBlank()) {
            html.append("<p class=\"aka\">Also known as <span id=\"aka\">").append(escape(location.aka())).append("</span></p>\n");
        }
        html.append("<dl class=\"facts\">");
        fact(html, "State", null, location.state().toUpperCase(Locale.ROOT));
        fact(html, "Type", null, location.type() + (location.subType() == null ? "" : " / " + location.subType()));
        fact(html, "Photos", "count-photos", String.valueOf(photos));
        fact(html, "Videos", "count-videos", String.valueOf(videos));
        fact(html, "Documents", "count-documents", String.valueOf(documents.size()));
        fact(html, "Visits", null, first == null ? "date unknown" : first.equals(last) ? first : first + " to " + last);
        if (location.author() != null) {
            fact(html, "Author", null, location.author());
        }
        html.append("</dl>\n");
        if (!site.redactGps() && located > 0) {
            html.append("<div id=\"map\" class=\"map small\"></div>\n");
        }
        if (!subLocations.isEmpty()) {
            html.append("<section><h2>Sub-locations</h2><ul id=\"sub-locations\">");
            subLocations.forEach(s -> html.append("<li>").append(escape(s.name())).append("</li>"));
            html.append("</ul></section>\n");
        }
        if (!urls.isEmpty()) {
            html.append("<section><h2>Web pages</h2><ul id=\"urls\">");
            for (UrlRow url : urls) {
                html.append("<li>");
                if (Html.linkable(url.url())) {
                    html.append("<a rel=\"noopener noreferrer\" href=\"").append(escape(url.url().trim())).append("\">")
                            .append(escape(url.url())).append("</a>");
                } else {
                    html.append(escape(url.url()));
                }
                html.append("</li>");
            }
            html.append("</ul></section>\n");
        }
        List<DocumentRow> shownDocuments = new ArrayList<>(documents.stream().filter(d -> !items.isSidecar(d.sha())).toList());
        if (!shownDocuments.isEmpty()) {
            html.append("<section><h2>Documents</h2><ul id=\"documents\">");
            for (DocumentRow doc : shownDocuments) {
                html.append("<li><a class=\"original\" href=\"").append(escape(Html.link(folder, Path.of(doc.path()))))
                        .append("\">").append(escape(doc.originalName())).append("</a>");
                flags(html, false, doc.archived(), doc.verified());
                html.append("</li>");
            }
            html.append("</ul></section>\n");
        }
        html.append("<section id=\"media\"><h2>Photos and videos</h2><div id=\"groups\"></div>")
                .append("<noscript>The photo grid needs JavaScript.</noscript></section>\n");
        html.append("<script type=\"application/json\" id=\"catalogue-data\">")
                .append(Html.scriptData(json.writeValueAsString(data))).append("</script>\n");
        scripts(html, "../", site.redactGps());
        return new Rendered(html.toString(), summary, files);
    }

    /** The grid data's file for one chunk of items, in the location's data folder. */
    static String chunkFile(int chunk) {
        return "chunk-" + chunk + ".js";
    }

    /** The map's points, in the location's data folder. */
    static final String POINTS = "points.js";

    /** Where a location's grid data is, relative to the catalogue's folder. */
    static String dataOf(LocationRow location) {
        return "locations/" + location.uuid();
    }

    /**
     * A data file: one call of the page's function with the JSON. JSON is JavaScript, and with {@link Html#scriptData}
     * no value can hold {@code </script>} or a line separator; the page's script shows every value as text only.
     */
    private byte[] script(String function, Integer chunk, JsonNode value) throws IOException {
        return (function + "(" + (chunk == null ? "" : chunk + ", ") + Html.scriptData(json.writeValueAsString(value))
                + ");\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Where a location's page is, relative to the catalogue's folder. */
    static String pageOf(LocationRow location) {
        return "locations/" + location.uuid() + ".html";
    }

    private ObjectNode item(Site site, Path folder, Item item) {
        MediaRow main = item.main();
        ObjectNode out = json.createObjectNode();
        out.put("t", main.video() ? "video" : "photo");
        if (site.thumbnails().contains(main.sha())) {
            out.put("th", Html.link(folder, site.thumbnail().apply(main.sha())));
        }
        if (main.path() != null) {
            out.put("o", Html.link(folder, Path.of(main.path())));
        }
        out.put("n", main.originalName());
        if (main.takenLocal() != null) {
            out.put("d", main.takenLocal().replace('T', ' '));
        }
        String camera = camera(main.hardwareJson());
        if (camera != null) {
            out.put("c", camera);
        }
        if (!site.redactGps() && main.lat() != null && main.lon() != null) {
            out.putArray("g").add(round(main.lat())).add(round(main.lon()));
        }
        if (!item.extras().isEmpty()) {
            ArrayNode extras = out.putArray("x");
            for (Extra extra : item.extras()) {
                ObjectNode e = extras.addObject().put("l", extra.label());
                if (extra.path() != null) {
                    e.put("h", Html.link(folder, Path.of(extra.path())));
                }
            }
        }
        ArrayNode flags = json.createArrayNode();
        if (item.damaged()) {
            flags.add("damaged");
        }
        if (!item.archived()) {
            flags.add("not in the archive yet");
        } else if (!item.verified()) {
            flags.add("not verified");
        }
        if (!flags.isEmpty()) {
            out.set("f", flags);
        }
        return out;
    }

    /** "Canon EOS 5D" from the recorded make and model (the model alone when it names the make already). */
    private String camera(String hardwareJson) {
        if (hardwareJson == null) {
            return null;
        }
        // Most files of a location share a few cameras: each recorded value is read once.
        return cameras.computeIfAbsent(hardwareJson, this::readCamera).orElse(null);
    }

    private final java.util.Map<String, java.util.Optional<String>> cameras = new java.util.HashMap<>();

    private java.util.Optional<String> readCamera(String hardwareJson) {
        try {
            JsonNode hw = json.readTree(hardwareJson);
            String make = hw.path("make").isTextual() ? hw.path("make").asText().trim() : "";
            String model = hw.path("model").isTextual() ? hw.path("model").asText().trim() : "";
            if (model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) {
                make = "";
            }
            String camera = (make + " " + model).trim();
            return camera.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(camera);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    String index(Site site, List<Summary> summaries) throws IOException {
        StringBuilder html = new StringBuilder(16 * 1024 + summaries.size() * 600);
        head(html, "AUPAT catalogue", "", site.redactGps(), "index-page");
        long photos = summaries.stream().mapToLong(Summary::photos).sum();
        long videos = summaries.stream().mapToLong(Summary::videos).sum();
        long documents = summaries.stream().mapToLong(Summary::documents).sum();
        html.append("<h1>AUPAT catalogue</h1>\n<p class=\"totals\"><span id=\"count-locations\">").append(summaries.size())
                .append("</span> locations, <span id=\"count-photos\">").append(photos)
                .append("</span> photos, <span id=\"count-videos\">").append(videos)
                .append("</span> videos, <span id=\"count-documents\">").append(documents).append("</span> documents</p>\n");
        ArrayNode points = json.createArrayNode();
        if (!site.redactGps()) {
            for (Summary s : summaries) {
                if (s.lat() != null) {
                    points.addObject().put("name", s.location().name()).put("href", s.page()).put("lat", s.lat())
                            .put("lon", s.lon());
                }
            }
            if (!points.isEmpty()) {
                html.append("<div id=\"map\" class=\"map\"></div>\n");
            }
        }
        html.append("<div class=\"controls\"><label>Filter <input id=\"filter\" type=\"search\" autocomplete=\"off\""
                + " placeholder=\"name, state, type\"></label> <label>Sort by <select id=\"sort\">"
                + "<option value=\"name\">name</option><option value=\"state\">state</option>"
                + "<option value=\"last\">last visit</option></select></label> <span id=\"shown\"></span></div>\n");
        html.append("<table id=\"locations\"><thead><tr><th></th><th>Name</th><th>State</th><th>Type</th><th>Photos</th>"
                + "<th>Videos</th><th>Documents</th><th>First visit</th><th>Last visit</th></tr></thead><tbody>\n");
        for (Summary s : summaries) {
            LocationRow l = s.location();
            String search = String.join(" ", l.name(), l.aka() == null ? "" : l.aka(), l.state(), l.type(),
                    l.subType() == null ? "" : l.subType()).toLowerCase(Locale.ROOT);
            html.append("<tr class=\"location\" data-name=\"").append(escape(l.name().toLowerCase(Locale.ROOT)))
                    .append("\" data-state=\"").append(escape(l.state())).append("\" data-last=\"")
                    .append(escape(s.lastVisit() == null ? "" : s.lastVisit())).append("\" data-search=\"")
                    .append(escape(search)).append("\"><td class=\"cover\">");
            if (s.cover() != null) {
                html.append("<img loading=\"lazy\" class=\"thumb\" alt=\"\" src=\"").append(escape(s.cover())).append("\">");
            }
            html.append("</td><td class=\"name\"><a href=\"").append(escape(s.page())).append("\">").append(escape(l.name()))
                    .append("</a>");
            if (l.aka() != null && !l.aka().isBlank()) {
                html.append("<div class=\"aka\">").append(escape(l.aka())).append("</div>");
            }
            html.append("</td><td>").append(escape(l.state().toUpperCase(Locale.ROOT))).append("</td><td>")
                    .append(escape(l.type())).append(l.subType() == null ? "" : " / " + escape(l.subType()))
                    .append("</td><td class=\"photos\">").append(s.photos()).append("</td><td class=\"videos\">")
                    .append(s.videos()).append("</td><td class=\"documents\">").append(s.documents()).append("</td><td>")
                    .append(escape(s.firstVisit() == null ? "" : s.firstVisit())).append("</td><td>")
                    .append(escape(s.lastVisit() == null ? "" : s.lastVisit())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        ObjectNode data = json.createObjectNode();
        if (!site.redactGps()) {
            data.set("locations", points);
        }
        html.append("<script type=\"application/json\" id=\"catalogue-data\">")
                .append(Html.scriptData(json.writeValueAsString(data))).append("</script>\n");
        scripts(html, "", site.redactGps());
        return html.toString();
    }

    private static void head(StringBuilder html, String title, String up, boolean redactGps, String bodyClass) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>").append(escape(title)).append("</title>\n");
        if (!redactGps) {
            html.append("<link rel=\"stylesheet\" href=\"").append(up).append("assets/leaflet/leaflet.css\">\n");
        }
        html.append("<link rel=\"stylesheet\" href=\"").append(up).append("assets/catalogue.css\">\n</head>\n<body class=\"")
                .append(bodyClass).append("\">\n");
    }

    private static void scripts(StringBuilder html, String up, boolean redactGps) {
        if (!redactGps) {
            html.append("<script src=\"").append(up).append("assets/leaflet/leaflet.js\"></script>\n");
        }
        html.append("<script src=\"").append(up).append("assets/catalogue.js\"></script>\n</body></html>\n");
    }

    private static void fact(StringBuilder html, String name, String id, String value) {
        html.append("<dt>").append(name).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"").append('>')
                .append(escape(value)).append("</dd>");
    }

    private static void flags(StringBuilder html, boolean damaged, boolean archived, boolean verified) {
        if (damaged) {
            html.append(" <span class=\"flag damaged\">damaged</span>");
        }
        if (!archived) {
            html.append(" <span class=\"flag\">not in the archive yet</span>");
        } else if (!verified) {
            html.append(" <span class=\"flag\">not verified</span>");
        }
    }
}
