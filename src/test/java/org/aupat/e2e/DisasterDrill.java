package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.testing.ArchiveInvariants;

/**
 * The restore drill, the same for the jar and in process: import the sample card, replicate it to a folder
 * replica, delete the whole home, recover from the replica, and compare byte for byte: every row of the
 * archive's tables, every archived file and master JSON.
 */
final class DisasterDrill {
    static final List<String> TABLES = List.of("locations", "sub_locations", "images", "videos", "documents", "urls",
            "imports", "file_moves", "trash", "duplicate_sightings");

    private DisasterDrill() {
    }

    /** Runs the drill with a folder replica named nas. */
    static void run(AupatRun aupat, Path home, Path nas) throws Exception {
        run(aupat, home, "nas", "--aupat.replicas.nas.path=" + nas);
    }

    /** Runs the drill; {@code settings} define the replica {@code name} and are given on every run. */
    static void run(AupatRun aupat, Path home, String name, String... settings) throws Exception {
        run(aupat, home, aupat, home, name, settings);
    }

    /**
     * Runs the drill from home {@code a} (deleted after the replicate) into home {@code b}, which may lie
     * elsewhere: a new disk with a new mount point. Rows are compared with a's folders read as b's.
     */
    static void run(AupatRun aupat, Path home, AupatRun intoB, Path homeB, String name, String... settings)
            throws Exception {
        java.util.function.Function<String[], String[]> with = args -> Stream.concat(Stream.of(args), Stream.of(settings))
                .toArray(String[]::new);
        JarRunner.Result imported = aupat.run(with.apply(new String[] {"--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(),
                "--name=Sample Mill", "--state=ny", "--type=industrial", "--url=https://example.org/mill"}));
        assertThat(imported.exit()).as(imported.err()).isZero();
        JarRunner.Result replicated = aupat.run(with.apply(new String[] {"--script=replicate"}));
        assertThat(replicated.exit()).as(replicated.err()).isZero();

        Map<String, List<String>> rows = rows(home.resolve("data/aupat.db"));
        Map<String, String> files = files(home.resolve("data/archive"));
        Map<String, JsonNode> masters = masterJsons(home.resolve("data/archive"));
        assertThat(files.keySet()).anyMatch(p -> p.endsWith("_master.json")).hasSizeGreaterThan(5);
        assertThat(rows.get("images")).isNotEmpty();
        boolean moved = !home.equals(homeB);

        ArchiveInvariants.deleteTree(home);
        Files.createDirectories(homeB);

        JarRunner.Result recovered = intoB.run(with.apply(new String[] {"--script=recover", "--replica=" + name}));
        assertThat(recovered.exit()).as(recovered.err()).isZero();
        assertThat(recovered.out()).contains("Recovered from replica " + name).contains("not restored 0");
        if (!moved) {
            assertThat(rows(homeB.resolve("data/aupat.db"))).isEqualTo(rows);
            assertThat(files(homeB.resolve("data/archive"))).isEqualTo(files);
        } else {
            // Every recorded path names the new home; the master JSONs were written again from the moved rows
            // (so only their time of writing differs); every other file is the very bytes.
            assertThat(recovered.out()).contains("the paths it records were moved onto this one");
            assertThat(without(rows(homeB.resolve("data/aupat.db")), "json_update="))
                    .isEqualTo(without(rebased(rows, home, homeB), "json_update="));
            Map<String, String> mediaFiles = new TreeMap<>(files);
            mediaFiles.keySet().removeIf(p -> p.endsWith("_master.json"));
            Map<String, String> restored = files(homeB.resolve("data/archive"));
            restored.keySet().removeIf(p -> p.endsWith("_master.json"));
            assertThat(restored).isEqualTo(mediaFiles);
            Map<String, JsonNode> expected = new TreeMap<>();
            masters.forEach((path, json) -> expected.put(path, comparable(rebased(json, home, homeB))));
            Map<String, JsonNode> actual = new TreeMap<>();
            masterJsons(homeB.resolve("data/archive")).forEach((path, json) -> actual.put(path, comparable(json)));
            assertThat(actual).isEqualTo(expected);
            String dump = Files.readString(homeB.resolve("data/archive").resolve(masters.keySet().iterator().next()));
            assertThat(dump).contains("\"loc_loc\" : \"" + homeB + "/");
        }

        // The recovered home is a working archive: every file verifies, a second recover refuses.
        JarRunner.Result verified = intoB.run(with.apply(new String[] {"--script=db_verify", "--all"}));
        assertThat(verified.exit()).as(verified.err()).isZero();
        JarRunner.Result again = intoB.run(with.apply(new String[] {"--script=recover", "--replica=" + name}));
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err()).contains("recover fills an empty home");
    }

    /** Every master JSON under a folder, parsed: relative path -> JSON. */
    static Map<String, JsonNode> masterJsons(Path root) throws IOException {
        Map<String, JsonNode> jsons = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith("_master.json")).toList()) {
                jsons.put(root.relativize(p).toString(), JSON.readTree(p.toFile()));
            }
        }
        return jsons;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The master JSON fields that name a place in the archive. */
    private static final java.util.Set<String> PATH_FIELDS = java.util.Set.of("img_loc", "vid_loc", "doc_loc", "loc_loc",
            "url_loc");

    /** A master JSON with home a's paths read as b's, in the fields that name a place in the archive. */
    static JsonNode rebased(JsonNode json, Path a, Path b) {
        JsonNode copy = json.deepCopy();
        rebase(copy, a.toString() + "/", b.toString() + "/");
        return copy;
    }

    private static void rebase(JsonNode node, String a, String b) {
        if (node instanceof ObjectNode object) {
            for (String field : java.util.List.copyOf(iterable(object.fieldNames()))) {
                JsonNode value = object.get(field);
                if (PATH_FIELDS.contains(field) && value.isTextual() && value.asText().startsWith(a)) {
                    object.put(field, b + value.asText().substring(a.length()));
                } else {
                    rebase(value, a, b);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> rebase(n, a, b));
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    /** A master JSON without the two times that say when it was written. */
    static JsonNode comparable(JsonNode json) {
        JsonNode copy = json.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("export_date");
        ((ObjectNode) copy.get("location")).remove("json_update");
        return copy;
    }

    /** The rows with one column's values blanked. */
    static Map<String, List<String>> without(Map<String, List<String>> rows, String column) {
        Map<String, List<String>> blanked = new TreeMap<>();
        rows.forEach((table, lines) -> blanked.put(table, lines.stream()
                .map(line -> line.replaceAll("\\|" + column + "[^|]*\\|", "|" + column + "|")).sorted().toList()));
        return blanked;
    }

    /** The rows of home a as they read in home b: every path in a's folders is b's. */
    static Map<String, List<String>> rebased(Map<String, List<String>> rows, Path a, Path b) {
        if (a.equals(b)) {
            return rows;
        }
        Map<String, List<String>> rebased = new TreeMap<>();
        rows.forEach((table, lines) -> rebased.put(table, lines.stream()
                .map(line -> line.replace("=" + a + "/", "=" + b + "/")).sorted().toList()));
        return rebased;
    }

    /** Every row of the archive's tables, as text, in a stable order. */
    static Map<String, List<String>> rows(Path database) throws Exception {
        ArchiveInvariants archive = new ArchiveInvariants(database, null, null);
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, archive.tableLines(table));
        }
        return rows;
    }

    /** Every regular file under a folder: relative path -> SHA-256. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new FileHasher().sha256(p));
            }
        }
        return files;
    }
}
