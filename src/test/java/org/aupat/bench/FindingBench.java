package org.aupat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.aupat.archive.finding.FileQuery;
import org.aupat.archive.finding.FindingService;
import org.aupat.archive.finding.FoundFile;
import org.aupat.archive.finding.LocationSummary;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.logging.RunContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-only queries at scale (README, Performance): an archive of 1,000,000 file rows (photos, videos,
 * documents over 500 locations, camera-style names that repeat from card to card, ten years of capture times)
 * plus 20,000 duplicate sightings, then the median time of find by name, by SHA-256 prefix and by capture day,
 * and of locations, through FindingService as the scripts call it. Prints figures and asserts nothing. Run it
 * with bench/finding.sh; the database is built once per folder and kept.
 */
public final class FindingBench {
    private static final int LOCATIONS = 500;
    private static final int IMAGES = 900_000;
    private static final int VIDEOS = 80_000;
    private static final int DOCUMENTS = 20_000;
    private static final int SIGHTINGS = 20_000;
    private static final int RUNS = 7;
    private static final String NOW = "2026-12-01T00:00:00.000Z";

    private FindingBench() {
    }

    /** Argument: the folder to keep the bench archive in (built there when missing). */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/aupat-finding-bench");
        boolean build = !Files.exists(home.resolve("data/aupat.db"));
        try (ConfigurableApplicationContext context = FoundationContext.start(home)) {
            RunContext.start("bench");
            if (build) {
                long start = System.nanoTime();
                MigrationService migration = context.getBean(MigrationService.class);
                migration.migrate(migration.check());
                fill(context.getBean(JdbcTemplate.class));
                System.out.printf(Locale.ROOT, "built the bench archive (%,d file rows) in %.0f s: %s%n",
                        IMAGES + VIDEOS + DOCUMENTS, (System.nanoTime() - start) / 1e9, home);
            }
            measure(context.getBean(FindingService.class), context.getBean(JdbcTemplate.class));
        } finally {
            RunContext.clear();
        }
    }

    private static void measure(FindingService finding, JdbcTemplate jdbc) {
        Long rows = jdbc.queryForObject("SELECT (SELECT count(*) FROM images) + (SELECT count(*) FROM videos)"
                + " + (SELECT count(*) FROM documents)", Long.class);
        String sha = jdbc.queryForObject("SELECT img_sha256 FROM images WHERE rowid = 123457", String.class);
        System.out.printf(Locale.ROOT, "finding at %,d file rows (median of %d, after one warm-up; target: find"
                + " < 100 ms, locations < 500 ms):%n", rows, RUNS);
        time("find --name=IMG_1004.JPG", () -> found(finding, criteria("IMG_1004.JPG", null, null, null)));
        time("find --name='img_100*'", () -> found(finding, criteria("img_100*", null, null, null)));
        time("find --sha=<12 hex digits>", () -> found(finding, criteria(null, sha.substring(0, 12), null, null)));
        time("find --from=2021-06-15 --to=2021-06-15", () -> found(finding, criteria(null, null,
                java.time.LocalDate.parse("2021-06-15"), java.time.LocalDate.parse("2021-06-15"))));
        time("locations (all " + LOCATIONS + ")", () -> {
            List<LocationSummary> all = finding.locations(null, null, null, FindingService.Order.NAME);
            return all.size();
        });
        time("locations --name=mill --sort=last-import", () ->
                finding.locations("mill", null, null, FindingService.Order.LAST_IMPORT).size());
    }

    private static FindingService.Criteria criteria(String name, String sha, java.time.LocalDate from,
                                                    java.time.LocalDate to) {
        return new FindingService.Criteria(name, null, sha, null, null, null, List.of(), from, to, null, null, null, false,
                false);
    }

    private static int found(FindingService finding, FindingService.Criteria criteria) {
        FileQuery query = finding.query(criteria);
        List<FoundFile> files = new ArrayList<>();
        finding.find(query, files::add);
        return files.size();
    }

    /**
     * Prints the median wall time and the median CPU time of the calling thread (SQLite runs in it): on a
     * loaded machine the wall time is mostly waiting for a core, the CPU time is what the query costs.
     */
    private static void time(String what, Supplier<Integer> call) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        call.get();
        double[] millis = new double[RUNS];
        double[] cpu = new double[RUNS];
        int results = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            results = call.get();
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  %-44s %7.1f ms, cpu %5.1f ms  (%,d results; fastest %.1f, slowest %.1f)%n",
                what, millis[RUNS / 2], cpu[RUNS / 2], results, millis[0], millis[RUNS - 1]);
    }

    /** Rows as imports make them: location, original folder and name, SHA-256, camera, capture time, size. */
    private static void fill(JdbcTemplate jdbc) {
        Random random = new Random(20261202);
        List<String> locations = new ArrayList<>();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement loc = c.prepareStatement("INSERT INTO locations (loc_uuid, loc_name, state, type,"
                    + " org_loc, loc_loc, loc_add, loc_update) VALUES (?, ?, 'ny', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < LOCATIONS; i++) {
                    String uuid = uuid(random);
                    locations.add(uuid);
                    loc.setString(1, uuid);
                    loc.setString(2, (i % 5 == 0 ? "Mill " : "Place ") + i);
                    loc.setString(3, i % 2 == 0 ? "industrial" : "healthcare");
                    loc.setString(4, "/media/card" + i);
                    loc.setString(5, "/archive/ny-industrial/place-" + i);
                    loc.setString(6, NOW);
                    loc.setString(7, NOW);
                    loc.addBatch();
                }
                loc.executeBatch();
            }
            insert(c, "images", "img", IMAGES, locations, random, true);
            insert(c, "videos", "vid", VIDEOS, locations, random, true);
            insert(c, "documents", "doc", DOCUMENTS, locations, random, false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO duplicate_sightings (media_type, sha256,"
                    + " orig_name, orig_folder, loc_uuid, seen) SELECT 'img', img_sha256, 'copy of ' || img_nameo,"
                    + " '/media/other', loc_uuid, ? FROM images WHERE rowid % ? = 0")) {
                s.setString(1, NOW);
                s.setInt(2, IMAGES / SIGHTINGS);
                s.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(auto);
            return null;
        });
        jdbc.execute("ANALYZE");
    }

    private static void insert(java.sql.Connection c, String table, String p, int count, List<String> locations,
                               Random random, boolean captured) throws java.sql.SQLException {
        String columns = p + "_sha256, " + p + "_name, " + p + "_loc, loc_uuid, " + p + "_loco, " + p + "_nameo, "
                + p + "_add, " + p + "_update, " + p + "_archived, " + p + "_verified, " + p + "_size"
                + (captured ? ", original, other, " + p + "_hardware, " + p + "_taken_local" : ", doc_ext");
        int n = columns.split(",").length;
        try (PreparedStatement row = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + "?, ".repeat(n - 1) + "?)")) {
            for (int i = 0; i < count; i++) {
                String sha = sha(random);
                int location = random.nextInt(locations.size());
                int card = random.nextInt(20);
                String name = (captured ? (p.equals("img") ? "IMG_" : "MVI_") + String.format("%04d", random.nextInt(10_000))
                        + (p.equals("img") ? ".JPG" : ".MP4") : "notes-" + i + ".txt");
                set(row, sha, name, "/archive/place-" + location + "/" + p + "_" + sha.substring(0, 12),
                        locations.get(location), "/media/card" + location + "-" + card + "/DCIM", name,
                        String.valueOf(100_000 + random.nextInt(5_000_000)), captured, random);
                row.addBatch();
                if (i % 10_000 == 9_999) {
                    row.executeBatch();
                }
            }
            row.executeBatch();
        }
    }

    private static void set(PreparedStatement row, String sha, String name, String loc, String location, String folder,
                            String original, String size, boolean captured, Random random) throws java.sql.SQLException {
        int k = 1;
        row.setString(k++, sha);
        row.setString(k++, loc.substring(loc.lastIndexOf('/') + 1));
        row.setString(k++, loc);
        row.setString(k++, location);
        row.setString(k++, folder);
        row.setString(k++, original);
        row.setString(k++, NOW);
        row.setString(k++, NOW);
        row.setString(k++, NOW);
        row.setString(k++, NOW);
        row.setLong(k++, Long.parseLong(size));
        if (captured) {
            row.setInt(k++, 1);
            row.setInt(k++, 1);
            row.setString(k++, "{\"make\":\"Canon\",\"model\":\"Canon EOS " + random.nextInt(90) + "D\",\"category\":\"dslr\"}");
            // Ten years of capture times, 2016 to 2025.
            long second = 1_451_606_400L + (long) (random.nextDouble() * 315_360_000L);
            row.setString(k, java.time.LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } else {
            row.setString(k, "txt");
        }
    }

    private static String sha(Random random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%016x", random.nextLong()));
        }
        return hex.toString();
    }

    private static String uuid(Random random) {
        String hex = sha(random);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }
}
