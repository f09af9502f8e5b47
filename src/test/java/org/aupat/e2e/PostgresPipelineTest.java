package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.testing.LocalPostgres;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's flow on PostgreSQL gives what it gives on SQLite: one card, two homes, one archive database in
 * an SQLite file and one on a real PostgreSQL server ({@link LocalPostgres}), every step in process: db_migrate,
 * db_import, db_organize, db_folder, db_ingest, db_verify, db_identify, then locations, show and find. The rows,
 * the archived files and what the read scripts print are compared, the location's random uuid aside.
 */
// The read scripts compare the state the pipeline left: the tests that import again come last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresPipelineTest {
    static final String[] STEPS = {"db_organize", "db_folder", "db_ingest", "db_verify", "db_identify"};
    @TempDir
    static Path dir;
    static Path card;
    static Side sqlite;
    static Side postgres;
    static LocalPostgres server;
    static String database;

    /** One home and its database. */
    record Side(InProcessRunner aupat, List<String> settings, Path home) {
        JarRunner.Result run(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(settings);
            JarRunner.Result r = aupat.run(all.toArray(String[]::new));
            return r;
        }

        JarRunner.Result ok(String... args) {
            JarRunner.Result r = run(args);
            assertThat(r.exit()).as(() -> String.join(" ", args) + "\n" + r.out() + r.err() + errorLog()).isZero();
            return r;
        }

        /** The first lines of the home's error log, for a failure's message. */
        String errorLog() {
            try (Stream<Path> logs = Files.walk(home.resolve("logs"))) {
                StringBuilder out = new StringBuilder();
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("error")).toList()) {
                    Files.readAllLines(log).stream().limit(40).forEach(l -> out.append('\n').append(l));
                }
                return out.toString();
            } catch (java.io.IOException e) {
                return "";
            }
        }
    }

    @BeforeAll
    static void theSameCardThroughThePipelineIntoEach() throws Exception {
        server = LocalPostgres.server();
        database = server.newDatabase();
        card = Files.createDirectories(dir.resolve("card/DCIM"));
        MediaFactory media = new MediaFactory(card);
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV", "2023:05:01 10:00:00", "-04:00", 42.912345, -78.812345);
        media.photo("DJI_0002.JPG", "DJI", "FC3170", "2024:07:04 12:00:00", "-04:00", 42.9, -78.8);
        media.mp4("MVI_0003.MP4", null);
        media.text("notes.txt", "the mill's history");

        sqlite = new Side(new InProcessRunner(dir.resolve("sqlite")), List.of(), dir.resolve("sqlite"));
        Path home = dir.resolve("postgres");
        postgres = new Side(new InProcessRunner(home), List.of("--aupat.database=" + server.url(database),
                "--aupat.database-user=" + LocalPostgres.USER, "--aupat.database-password-file=" + passwordFile(home)), home);
        for (Side side : List.of(sqlite, postgres)) {
            side.ok("--script=db_migrate", "--skip-backup");
            // With its backup: a verified pg_dump on PostgreSQL.
            side.ok("--script=db_import", "--source=" + card, "--name=Mill Creek", "--state=ny", "--type=industrial",
                    "--author=kim", "--url=https://example.org/mill");
            for (String step : STEPS) {
                // db_identify writes only master JSON files: it makes no backup.
                side.ok(step.equals("db_identify") ? new String[] {"--script=" + step}
                        : new String[] {"--script=" + step, "--skip-backup"});
            }
        }
    }

    static Path passwordFile(Path home) throws Exception {
        Files.createDirectories(home);
        Path file = home.resolve("pg-password");
        Files.writeString(file, LocalPostgres.PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    @Order(1)
    void theRowsAreTheSame() throws Exception {
        for (String query : List.of(
                "SELECT img_sha256, img_name, img_nameo, img_loco, img_size, img_taken, img_taken_local, img_gps_lat,"
                        + " img_gps_lon, original, camera, phone, drone, other, img_hardware, img_verified IS NOT NULL,"
                        + " img_archived IS NOT NULL, img_loc FROM images ORDER BY img_sha256",
                "SELECT vid_sha256, vid_name, vid_nameo, vid_size, vid_duration, vid_width, vid_codec, original, camera,"
                        + " vid_verified IS NOT NULL, vid_loc FROM videos ORDER BY vid_sha256",
                "SELECT doc_sha256, doc_name, doc_nameo, doc_ext, doc_size, doc_verified IS NOT NULL, doc_loc FROM"
                        + " documents ORDER BY doc_sha256",
                "SELECT loc_name, state, type, loc_loc, json_update IS NOT NULL FROM locations",
                "SELECT url, domain, url_loc FROM urls",
                "SELECT media_type, files, bytes, unsized, first_capture, last_capture FROM location_totals ORDER BY media_type",
                "SELECT script, source, imp_author, found, images, videos, documents, duplicates, failed, bytes FROM imports"
                        + " ORDER BY started LIMIT 1")) {
            assertThat(normalised(postgres, rows(postgres, query))).as(query)
                    .isEqualTo(normalised(sqlite, rows(sqlite, query))).isNotEmpty();
        }
        assertThat(rows(postgres, "SELECT count(*) FROM images")).containsExactly(List.of("2"));
        assertThat(rows(postgres, "SELECT img_gps_lat FROM images WHERE img_nameo = 'IMG_0001.JPG'"))
                .as("a GPS position keeps its digits (double precision, not REAL)").containsExactly(List.of("42.912345"));
    }

    @Test
    @Order(2)
    void theArchivedFilesAreTheSame() throws Exception {
        Map<String, String> onSqlite = files(sqlite);
        Map<String, String> onPostgres = files(postgres);
        assertThat(onPostgres.keySet()).isEqualTo(onSqlite.keySet());
        assertThat(onPostgres.keySet()).anyMatch(name -> name.endsWith("_master.json"));
        onSqlite.forEach((name, sha) -> {
            if (!name.endsWith(".json")) {
                assertThat(onPostgres.get(name)).as(name).isEqualTo(sha);
            }
        });
    }

    @Test
    @Order(3)
    void theReadScriptsPrintTheSame() throws Exception {
        String prefix = locationUuid(postgres).replace("-", "").substring(0, 8);
        String sqlitePrefix = locationUuid(sqlite).replace("-", "").substring(0, 8);
        List<List<String>> reads = List.of(List.of("--script=locations"), List.of("--script=locations", "--name=mill"),
                List.of("--script=find", "--name=img_*"), List.of("--script=find", "--name=*.[jJ][pP]G"),
                List.of("--script=find", "--make=canon"), List.of("--script=find", "--hardware=drone"),
                List.of("--script=find", "--folder=" + card), List.of("--script=find", "--from=2024-01-01"));
        for (List<String> read : reads) {
            JarRunner.Result a = sqlite.ok(read.toArray(String[]::new));
            JarRunner.Result b = postgres.ok(read.toArray(String[]::new));
            assertThat(normalised(postgres, b.out())).as(read.toString()).isEqualTo(normalised(sqlite, a.out()));
            assertThat(b.out()).as(read.toString()).isNotBlank();
        }
        assertThat(postgres.ok("--script=find", "--name=img_*").out()).contains("IMG_0001.JPG").doesNotContain("DJI_0002");
        assertThat(postgres.ok("--script=find", "--make=canon").out()).contains("IMG_0001.JPG").doesNotContain("DJI_0002");
        JarRunner.Result a = sqlite.ok("--script=show", "--location=" + sqlitePrefix);
        JarRunner.Result b = postgres.ok("--script=show", "--location=" + prefix);
        assertThat(normalised(postgres, b.out())).isEqualTo(normalised(sqlite, a.out()));
    }

    @Test
    @Order(5)
    void aSecondImportOfTheCardFindsEveryFileADuplicate() throws Exception {
        JarRunner.Result again = postgres.ok("--script=db_import", "--source=" + card,
                "--location=" + locationUuid(postgres), "--skip-backup");
        assertThat(again.out() + again.err()).contains("duplicate");
        assertThat(rows(postgres, "SELECT count(*) FROM images")).containsExactly(List.of("2"));
        try (Stream<Path> staged = Files.walk(postgres.home().resolve("data/staging"))) {
            assertThat(staged.filter(Files::isRegularFile).toList()).as("nothing left in staging").isEmpty();
        }
    }

    @Test
    @Order(4)
    void theBackupBeforeAWritingScriptIsAVerifiedDumpListedInTheManifest() throws Exception {
        Path backups = postgres.home().resolve("data/backups");
        List<String> dumps;
        try (Stream<Path> files = Files.list(backups)) {
            dumps = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dump")).toList();
        }
        assertThat(dumps).hasSize(1).allMatch(n -> n.startsWith(database + "-"));
        assertThat(Files.readString(backups.resolve("manifest-sha256.txt"))).contains(dumps.get(0))
                .contains(new FileHasher().sha256(backups.resolve(dumps.get(0))));
        JarRunner.Result backup = postgres.ok("--script=backup");
        assertThat(backup.out() + backup.err()).contains(".dump");
    }

    @Test
    @Order(6)
    void aSecondWriterOnAnotherMachineGetsExit75AndImportersMayOverlap() throws Exception {
        String identity = rows(postgres, "SELECT archive_id FROM archive_identity").get(0).get(0);
        org.aupat.foundation.db.PostgresEndpoint endpoint = new org.aupat.foundation.db.PostgresEndpoint(
                server.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
        try (var other = new org.aupat.foundation.db.PostgresAdvisoryLock(endpoint, identity).acquire("db_organize")) {
            JarRunner.Result r = postgres.run("--script=db_organize", "--skip-backup");
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(75);
            assertThat(r.err()).contains("db_organize").doesNotContain("\tat ");
            assertThat(postgres.run("--script=db_import", "--source=" + card, "--location=" + locationUuid(postgres),
                    "--skip-backup").exit()).isEqualTo(75);
        }
        try (var importer = new org.aupat.foundation.db.PostgresAdvisoryLock(endpoint, identity).acquire("db_import",
                org.aupat.foundation.db.PostgresAdvisoryLock.Mode.SHARED)) {
            postgres.ok("--script=db_import", "--source=" + card, "--location=" + locationUuid(postgres), "--skip-backup");
            assertThat(postgres.run("--script=db_organize", "--skip-backup").exit()).isEqualTo(75);
        }
        postgres.ok("--script=db_organize", "--skip-backup");
    }

    @Test
    @Order(7)
    void trashRestoreAndMoveWorkOnTheServerAsOnSqlite() throws Exception {
        String firstImport = rows(postgres, "SELECT imp_id FROM imports ORDER BY started LIMIT 1").get(0).get(0);
        postgres.ok("--script=trash", "--import=" + firstImport, "--reason=wrong card", "--skip-backup");
        assertThat(rows(postgres, "SELECT count(*) FROM images")).containsExactly(List.of("0"));
        assertThat(rows(postgres, "SELECT count(*) FROM trash")).containsExactly(List.of("4"));
        postgres.ok("--script=restore", "--import=" + firstImport, "--skip-backup");
        assertThat(rows(postgres, "SELECT count(*) FROM trash")).containsExactly(List.of("0"));
        assertThat(normalised(postgres, rows(postgres, "SELECT img_sha256, img_name, img_loc, img_verified IS NOT NULL"
                + " FROM images ORDER BY img_sha256"))).isEqualTo(normalised(sqlite, rows(sqlite, "SELECT img_sha256,"
                + " img_name, img_loc, img_verified IS NOT NULL FROM images ORDER BY img_sha256")));
        assertThat(rows(postgres, "SELECT files FROM location_totals WHERE media_type = 'img'"))
                .containsExactly(List.of("2"));

        postgres.ok("--script=db_import", "--source=" + Files.createDirectories(dir.resolve("empty-card")),
                "--name=Other Mill", "--state=ny", "--type=industrial", "--skip-backup");
        postgres.ok("--script=move", "--import=" + firstImport, "--to=Other Mill", "--skip-backup");
        assertThat(rows(postgres, "SELECT count(*) FROM images i JOIN locations l ON l.loc_uuid = i.loc_uuid WHERE"
                + " l.loc_name = 'Other Mill'")).containsExactly(List.of("2"));
        assertThat(rows(postgres, "SELECT count(*) FROM file_moves")).containsExactly(List.of("4"));
    }

    @Test
    @Order(8)
    void replicateAndItsVerifyWorkOnTheServer() throws Exception {
        Path replica = Files.createDirectories(dir.resolve("replica"));
        String setting = "--aupat.replicas.nas.path=" + replica;
        postgres.ok("--script=replicate", setting);
        assertThat(rows(postgres, "SELECT count(*) FROM replica_copies WHERE kind = 'media'")).containsExactly(List.of("4"));
        assertThat(rows(postgres, "SELECT count(*) FROM replica_copies WHERE kind = 'backup' AND path LIKE '%.dump'"))
                .as("the newest verified pg_dump goes along").containsExactly(List.of("1"));
        postgres.ok("--script=db_verify", "--replica=nas", setting, "--skip-backup");
        // recover fills only an empty database: never one that holds an archive (PostgresRecoverTest recovers).
        JarRunner.Result recover = postgres.run("--script=recover", "--replica=nas", setting);
        assertThat(recover.exit()).isEqualTo(2);
        assertThat(recover.err()).contains("create a new empty database").doesNotContain("\tat ");
    }

    /** The home's path and every random uuid (location, URL), in full, as hex and as a prefix, replaced. */
    static String normalised(Side side, String text) throws Exception {
        String out = text.replace(side.home().toString(), "HOME")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "TIME");
        for (List<String> row : rows(side, "SELECT imp_id FROM imports")) {
            out = out.replace(row.get(0), "IMPORT");
        }
        for (List<String> row : rows(side, "SELECT loc_uuid FROM locations UNION ALL SELECT url_uuid FROM urls")) {
            String uuid = row.get(0);
            String hex = uuid.replace("-", "");
            out = out.replace(uuid, "UUID");
            for (int n = hex.length(); n >= 8; n--) {
                out = out.replace(hex.substring(0, n), "ID");
            }
        }
        return out;
    }

    static List<List<String>> normalised(Side side, List<List<String>> rows) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>();
            for (String cell : row) {
                r.add(cell == null ? null : normalised(side, cell));
            }
            out.add(r);
        }
        return out;
    }

    static String locationUuid(Side side) throws Exception {
        return rows(side, "SELECT loc_uuid FROM locations").get(0).get(0);
    }

    /** The archive's files by normalised relative path, with their SHA-256. */
    static Map<String, String> files(Side side) throws Exception {
        Path archive = side.home().resolve("data/archive");
        Map<String, String> out = new TreeMap<>();
        FileHasher hasher = new FileHasher();
        try (Stream<Path> all = Files.walk(archive)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                out.put(normalised(side, archive.relativize(f).toString()), hasher.sha256(f));
            }
        }
        return out;
    }

    static List<List<String>> rows(Side side, String sql) throws SQLException {
        try (Connection c = side == postgres ? server.connect(database)
                : DriverManager.getConnection("jdbc:sqlite:" + side.home().resolve("data/aupat.db"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    // SQLite says 1/0 for a comparison, PostgreSQL true/false; numbers by value.
                    row.add(v == null ? null : v instanceof Boolean b ? (b ? "1" : "0")
                            : v instanceof Number num && !(v instanceof Double) && !(v instanceof Float)
                            ? String.valueOf(num.longValue()) : String.valueOf(v));
                }
                out.add(row);
            }
            return out;
        }
    }
}
