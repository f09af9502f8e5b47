package org.aupat.foundation.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.PreflightError;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a database holds the schema its migration history promises. The expected schema is not
 * written down anywhere: the migrations the history lists are replayed into an in-memory SQLite and
 * its tables, columns, indexes, triggers and views are compared with the file's. A table or column
 * that is missing or altered means the file is damaged (edited by hand, or a broken restore):
 * migrating again would apply nothing, and every script would fail on the missing part.
 */
public final class MigratedSchema {
    /**
     * Where the jar's Flyway migrations for SQLite are: the shared ones (db/migration) and SQLite's own
     * versions of the others (db/vendor/sqlite); see docs/postgresql.md.
     */
    public static final String[] LOCATIONS = SqlDialect.SQLITE.migrationLocations().toArray(String[]::new);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final String HISTORY = "flyway_schema_history";
    /** Replaying is cheap but not free; one JVM (a test run) checks many databases of the same history. */
    private static final Map<List<String>, Map<String, String>> EXPECTED = new ConcurrentHashMap<>();

    private MigratedSchema() {
    }

    /** The jar's SQLite migrations by version as Flyway writes it ("1", "2", "2.1"), in version order. */
    public static Map<String, Resource> migrations() {
        return migrations(SqlDialect.SQLITE);
    }

    /** The jar's migrations for this database by version, in version order. */
    public static Map<String, Resource> migrations(SqlDialect dialect) {
        Map<String, Resource> byVersion = new TreeMap<>(Comparator.comparing(MigrationVersion::fromVersion));
        try {
            for (String location : dialect.migrationLocations()) {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources(location + "/*.sql")) {
                    Matcher m = MIGRATION.matcher(String.valueOf(r.getFilename()));
                    if (m.matches() && byVersion.put(m.group(1).replace('_', '.'), r) != null) {
                        throw new DatabaseError("two schema migrations of version " + m.group(1) + " for "
                                + dialect.vendor() + " in the jar (" + r.getFilename() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new DatabaseError("cannot list the schema migrations inside the jar: " + e.getMessage(), e);
        }
        return byVersion;
    }

    /**
     * Throws a PreflightError (exit 3) naming what is missing or altered when the file's schema is not
     * what its migration history says. A file without history, or with migrations this jar does not
     * know (a newer AUPAT), is left to db_migrate's own checks.
     */
    public static void requireIntact(Path file, String setting) {
        List<String> damage;
        try {
            damage = new SqliteFiles().readOnly(file, MigratedSchema::differences);
        } catch (DatabaseError unreadable) {
            return; // not a readable SQLite file: opening it says so in its own words
        }
        if (!damage.isEmpty()) {
            throw new PreflightError("the database " + file + " (" + setting + ") is damaged: its migration history"
                    + " says it is up to date, but " + summary(damage) + ". Nothing was changed. Restore the newest"
                    + " good backup: move this file aside, copy the newest backup (<name>-<date>.db in the backups"
                    + " folder) to " + file + ", then run --script=db_migrate.");
        }
    }

    /** What is missing or altered in the connected database, compared with its recorded migrations. */
    static List<String> differences(Connection live) throws SQLException {
        if (!objects(live).containsKey("table " + HISTORY)) {
            return List.of();
        }
        List<String> applied = SqliteFiles.firstColumn(live, "SELECT version FROM " + HISTORY
                + " WHERE version IS NOT NULL AND success = 1 ORDER BY installed_rank");
        Map<String, Resource> inJar = migrations();
        if (applied.isEmpty() || !inJar.keySet().containsAll(applied)) {
            return List.of();
        }
        Map<String, String> expected = EXPECTED.computeIfAbsent(List.copyOf(applied), a -> replay(a, inJar));
        Map<String, String> actual = objects(live);
        Set<String> missingTables = new HashSet<>();
        List<String> damage = new ArrayList<>();
        expected.forEach((name, shape) -> {
            String found = actual.get(name);
            // A table's shape is its own name, an index's its table's; a column's key names its table.
            String table = name.startsWith("column ") ? name.substring("column ".length(), name.lastIndexOf('.')) : shape;
            if (found == null && name.startsWith("table ")) {
                missingTables.add(table);
                damage.add(name + " is missing");
            } else if (found == null && !missingTables.contains(table)) {
                damage.add(name + " is missing"); // a missing table's columns and indexes go without saying
            } else if (found != null && !found.equals(shape)) {
                damage.add(name + " is altered (" + found + " instead of " + shape + ")");
            }
        });
        return damage;
    }

    private static Map<String, String> replay(List<String> versions, Map<String, Resource> inJar) {
        SqliteNativeLibrary.load();
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = memory.createStatement()) {
            for (String version : versions) {
                try (InputStream in = inJar.get(version).getInputStream()) {
                    // executeUpdate runs every statement of the script, as Flyway does.
                    s.executeUpdate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Map<String, String> expected = new LinkedHashMap<>(objects(memory));
            expected.remove("table " + HISTORY);
            return expected;
        } catch (SQLException | IOException e) {
            throw new DatabaseError("cannot replay the jar's schema migrations " + versions + ": " + e.getMessage(), e);
        }
    }

    /**
     * "table t", "index i", "trigger g" and "view v" (each with the table it belongs to), then "column t.c"
     * with its declared type, NOT NULL, default and key.
     */
    private static Map<String, String> objects(Connection c) throws SQLException {
        Map<String, String> objects = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        // Tables first, so that a missing table is known before its columns and indexes are looked at.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT type, name, tbl_name FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', type, name")) {
            while (rs.next()) {
                objects.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
                if (rs.getString(1).equals("table")) {
                    tables.add(rs.getString(2));
                }
            }
        }
        for (String name : tables) {
            if (name.equals(HISTORY)) {
                continue;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + name.replace("\"", "\"\"") + "\")")) {
                while (rs.next()) {
                    objects.put("column " + name + "." + rs.getString("name"), (rs.getString("type")
                            + (rs.getInt("notnull") == 1 ? " NOT NULL" : "")
                            + (rs.getString("dflt_value") == null ? "" : " DEFAULT " + rs.getString("dflt_value"))
                            + (rs.getInt("pk") > 0 ? " PRIMARY KEY" : "")).trim());
                }
            }
        }
        return objects;
    }

    private static String summary(List<String> damage) {
        int shown = Math.min(damage.size(), 5);
        String list = String.join(", ", damage.subList(0, shown));
        return damage.size() > shown ? list + " and " + (damage.size() - shown) + " more" : list;
    }
}
