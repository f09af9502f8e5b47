package org.aupat.archive.imports;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.error.ValidationError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports table: opens an import when a db_import or pipeline run starts (or continues the unfinished one
 * of the same run after a kill), records its summary when it finishes, and answers which imports there are and
 * which files each brought.
 */
@Repository
public class ImportRepository {
    /** The shortest prefix of an import id accepted where an import is named. */
    public static final int MIN_PREFIX = 4;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f]{" + MIN_PREFIX + ",8}");
    private static final String COLUMNS = "imp_id, script, started, finished, source, imp_author, options, loc_uuid,"
            + " sub_uuid, runs, resumed_at, found, images, videos, documents, duplicates, ignored, failed, bytes, urls_added";

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public ImportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How a run starts: its script and run key (the options that identify it for resuming), what it imports
     * from, who imports, the options as given and the location (and sub-location, or null) it adds to.
     */
    public record Opening(String script, String runKey, String source, String author, String options,
                          String locationUuid, String subUuid) {
    }

    /** The summary counts a finished run records. */
    public record Counts(long found, long images, long videos, long documents, long duplicates, long ignored,
                         long failed, long bytes, long urlsAdded, long resumedAt) {
    }

    /**
     * The import this run records into: when {@code interruptedHere} (this machine's checkpoint says its run of
     * these options was killed before it finished), the unfinished one of the same script and run key; else a new
     * one. An unfinished import is not enough: on a shared database it may be another machine's run, alive.
     * Returns its id.
     */
    @Transactional
    public String open(Opening run, boolean interruptedHere, String now) {
        Optional<String> unfinished = !interruptedHere ? Optional.empty() : jdbc.queryForList("SELECT imp_id FROM"
                + " imports WHERE run_key = ? AND script = ? AND finished IS NULL ORDER BY started DESC LIMIT 1",
                String.class, run.runKey(), run.script()).stream().findFirst();
        if (unfinished.isPresent()) {
            jdbc.update("UPDATE imports SET runs = runs + 1, loc_uuid = ?, sub_uuid = ? WHERE imp_id = ?",
                    run.locationUuid(), run.subUuid(), unfinished.get());
            return unfinished.get();
        }
        String id = unusedId();
        jdbc.update("INSERT INTO imports (imp_id, script, run_key, source, imp_author, options, loc_uuid, sub_uuid, started)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)", id, run.script(), run.runKey(), run.source(), run.author(),
                run.options(), run.locationUuid(), run.subUuid(), now);
        return id;
    }

    /** The URLs this import asked for that belong to no import yet are this import's. */
    public void claimUrls(String importId, String locationUuid, List<String> urls) {
        for (String url : urls) {
            jdbc.update("UPDATE urls SET imp_id = ? WHERE loc_uuid = ? AND url = ? AND imp_id IS NULL", importId,
                    locationUuid, url);
        }
    }

    /** The run completed: its summary's counts and the time. */
    public void finish(String importId, Counts c, String now) {
        jdbc.update("UPDATE imports SET finished = ?, found = ?, images = ?, videos = ?, documents = ?, duplicates = ?,"
                        + " ignored = ?, failed = ?, bytes = ?, urls_added = urls_added + ?, resumed_at = ? WHERE imp_id = ?",
                now, c.found(), c.images(), c.videos(), c.documents(), c.duplicates(), c.ignored(), c.failed(), c.bytes(),
                c.urlsAdded(), c.resumedAt(), importId);
    }

    /** The import of this exact id, if any. */
    public Optional<ImportRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + ", " + fileCount("i.imp_id") + " FROM imports i WHERE imp_id = ?",
                (rs, n) -> map(rs), id).stream().findFirst();
    }

    /**
     * The import a user named (the one place an {@code --import} value is resolved): its full id or a unique
     * prefix of {@link #MIN_PREFIX} or more characters. Refuses with exit 2 and one line otherwise.
     */
    public ImportRecord byReference(String option, String reference) {
        String ref = reference == null ? "" : reference.strip().toLowerCase(Locale.ROOT);
        if (!PREFIX.matcher(ref).matches()) {
            throw new ValidationError(option, reference, "is not an import id: give its 8 hex characters (or the first "
                    + MIN_PREFIX + " or more), as db_import printed it or show lists it.");
        }
        if (ID.matcher(ref).matches()) {
            return find(ref).orElseThrow(() -> new ValidationError(option, reference, "is no import of this archive."));
        }
        List<String> ids = jdbc.queryForList("SELECT imp_id FROM imports WHERE imp_id >= ? AND imp_id < ? ORDER BY imp_id"
                + " LIMIT 6", String.class, ref, ref + "g");
        if (ids.isEmpty()) {
            throw new ValidationError(option, reference, "is no import of this archive.");
        }
        if (ids.size() > 1) {
            throw new ValidationError(option, reference, "names more than one import (" + String.join(", ", ids)
                    + (ids.size() > 5 ? ", ..." : "") + "); give more characters.");
        }
        return find(ids.get(0)).orElseThrow();
    }

    /** The imports that added to a location, oldest first. */
    public List<ImportRecord> ofLocation(String locationUuid) {
        return jdbc.query("SELECT " + COLUMNS + ", " + fileCount("i.imp_id") + " FROM imports i WHERE loc_uuid = ?"
                + " ORDER BY started, imp_id", (rs, n) -> map(rs), locationUuid);
    }

    /** Every import, oldest first. */
    public List<ImportRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + ", " + fileCount("i.imp_id") + " FROM imports i ORDER BY started, imp_id",
                (rs, n) -> map(rs));
    }

    /** The files whose rows name this import, images then videos then documents, each in rowid order. */
    public List<MediaKey> files(String importId) {
        List<MediaKey> keys = new java.util.ArrayList<>();
        for (MediaType type : MediaType.values()) {
            jdbc.queryForList("SELECT " + type.prefix() + "_sha256 FROM " + type.table() + " WHERE imp_id = ? ORDER BY rowid",
                    String.class, importId).forEach(sha -> keys.add(new MediaKey(type, sha)));
        }
        return keys;
    }

    /** The import a file's row names, if any. */
    public Optional<String> importOf(MediaKey key) {
        return jdbc.queryForList("SELECT imp_id FROM " + key.type().table() + " WHERE " + key.type().prefix()
                + "_sha256 = ?", String.class, key.sha256()).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The import the row of these bytes names, in whichever table they are; empty when none or no row. */
    public Optional<String> importOfBytes(String sha256) {
        for (MediaType type : MediaType.values()) {
            Optional<String> id = importOf(new MediaKey(type, sha256));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private String unusedId() {
        while (true) {
            byte[] bytes = new byte[4];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            Integer used = jdbc.queryForObject("SELECT count(*) FROM imports WHERE imp_id = ?", Integer.class, id);
            if (used == null || used == 0) {
                return id;
            }
        }
    }

    private static String fileCount(String id) {
        StringBuilder sql = new StringBuilder("(");
        for (MediaType type : MediaType.values()) {
            if (sql.length() > 1) {
                sql.append(" + ");
            }
            sql.append("(SELECT count(*) FROM ").append(type.table()).append(" WHERE imp_id = ").append(id).append(')');
        }
        return sql.append(')').toString();
    }

    private static ImportRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImportRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getLong(11),
                rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                rs.getLong(18), rs.getLong(19), rs.getLong(20), rs.getLong(21));
    }
}
