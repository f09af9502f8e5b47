package org.aupat.archive.media;

import org.springframework.beans.factory.annotation.Autowired;
import org.aupat.foundation.db.SqlDialect;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the three media tables. Each step records its own fact in a row and the row's
 * {@link MediaState} is derived from those facts here, in one method (where); every selection of work walks an
 * index by rowid in chunks, so the cost of a chunk does not grow with the size of the archive.
 */
@Repository
public class MediaRepository {
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    /** On an SQLite database (tests). */
    public MediaRepository(JdbcTemplate jdbc) {
        this(jdbc, SqlDialect.SQLITE);
    }

    @Autowired
    public MediaRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** A media row as the pipeline stages need it. */
    public record MediaFile(MediaType type, long rowid, String sha, String name, String loc, String locationUuid,
                            String subUuid, String originalFolder, String originalName, Integer film, String flag,
                            String extension) {
        public MediaKey key() {
            return new MediaKey(type, sha);
        }
    }

    /** What db_import records for a newly staged file. */
    public record Staged(MediaType type, String sha, String name, String loc, String locationUuid, String subUuid,
                         String originalFolder, String originalName, String author, String docExt, boolean film,
                         String filmStock, String modified, long size) {
    }

    public void insertStaged(Staged f, String now) {
        insertStaged(f, now, null);
    }

    /** Records a newly staged file as brought by this import (null: none recorded). */
    public void insertStaged(Staged f, String now, String importId) {
        insert(f, now, importId, "");
    }

    /**
     * Records a newly staged file unless a row with its bytes (type and SHA-256) exists or is being written by
     * another run: then nothing is written, without an error that would end the transaction, and this
     * returns false. The unique SHA-256 decides, so two importers on two machines never both record one file.
     */
    public boolean insertStagedIfAbsent(Staged f, String now, String importId) {
        return insert(f, now, importId, " ON CONFLICT DO NOTHING") > 0;
    }

    private int insert(Staged f, String now, String importId, String onConflict) {
        String p = f.type().prefix();
        return switch (f.type()) {
            case IMAGE -> jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, sub_uuid, img_loco,"
                            + " img_nameo, img_add, img_update, imp_author, film, film_stock, img_mtime, imp_id, img_size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" + onConflict,
                    f.sha(), f.name(), f.loc(), f.locationUuid(), f.subUuid(), f.originalFolder(), f.originalName(), now,
                    now, f.author(), f.film() ? 1 : null, f.filmStock(), f.modified(), importId, f.size());
            case VIDEO -> jdbc.update("INSERT INTO videos (vid_sha256, vid_name, vid_loc, loc_uuid, sub_uuid, vid_loco,"
                            + " vid_nameo, vid_add, vid_update, imp_author, vid_mtime, imp_id, vid_size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)" + onConflict,
                    f.sha(), f.name(), f.loc(), f.locationUuid(), f.subUuid(), f.originalFolder(), f.originalName(), now,
                    now, f.author(), f.modified(), importId, f.size());
            case DOCUMENT -> jdbc.update("INSERT INTO documents (doc_sha256, doc_name, doc_loc, doc_ext, loc_uuid,"
                            + " sub_uuid, doc_loco, doc_nameo, doc_add, doc_update, imp_author, doc_mtime, imp_id, doc_size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)" + onConflict,
                    f.sha(), f.name(), f.loc(), f.docExt(), f.locationUuid(), f.subUuid(), f.originalFolder(),
                    f.originalName(), now, now, f.author(), f.modified(), importId, f.size());
            default -> throw new IllegalArgumentException(p);
        };
    }

    /** The recorded path of the file with these bytes in this table, if any. */
    public Optional<String> pathOf(MediaType type, String sha) {
        String p = type.prefix();
        return jdbc.queryForList("SELECT " + p + "_loc FROM " + type.table() + " WHERE " + p + "_sha256 = ?", String.class,
                sha).stream().findFirst();
    }

    /** The location that owns these bytes in this table, if any (one file, one location: docs/rules.md, Files). */
    public Optional<String> owner(MediaType type, String sha) {
        String p = type.prefix();
        return jdbc.queryForList("SELECT loc_uuid FROM " + type.table() + " WHERE " + p + "_sha256 = ?", String.class, sha)
                .stream().findFirst();
    }

    /** The location that owns these bytes in any table. */
    public Optional<String> ownerAnywhere(String sha) {
        for (MediaType type : MediaType.values()) {
            Optional<String> owner = owner(type, sha);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    /** Images or videos not organised yet ({@link MediaState#STAGED}), after a rowid, in rowid order. */
    public List<MediaFile> unorganized(MediaType type, long afterRowid, int limit) {
        return select(type, where(type, MediaState.STAGED) + " AND rowid > ?", afterRowid, limit);
    }

    /** How many images or videos wait for organizing (walks the partial index of unorganised rows). */
    public long countUnorganized(MediaType type) {
        return count(type, null, MediaState.STAGED);
    }

    /**
     * Rows ready to move into the archive ({@link MediaState#ORGANIZED}), after a rowid, in rowid order,
     * wherever their staged copy was recorded.
     */
    public List<MediaFile> readyForIngest(MediaType type, long afterRowid, int limit) {
        return select(type, where(type, MediaState.ORGANIZED) + " AND rowid > ?", afterRowid, limit);
    }

    /** Distinct hardware flags of a location's organised rows not archived yet (the category folders it needs). */
    public List<String> stagedFlags(MediaType type, String locationUuid) {
        return jdbc.queryForList("SELECT DISTINCT " + flagExpression(type) + " FROM " + type.table() + " WHERE loc_uuid = ?"
                + " AND " + where(type, MediaState.ORGANIZED), String.class, locationUuid);
    }

    /** Distinct extensions of a location's documents not archived yet (the document folders it needs). */
    public List<String> stagedDocumentExtensions(String locationUuid) {
        return jdbc.queryForList("SELECT DISTINCT doc_ext FROM documents WHERE loc_uuid = ? AND "
                + where(MediaType.DOCUMENT, MediaState.ORGANIZED), String.class, locationUuid);
    }

    public MediaFile bySha(MediaType type, String sha) {
        return jdbc.queryForObject(selectSql(type, type.prefix() + "_sha256 = ?"), (rs, i) -> map(type, rs), sha);
    }

    /** Hardware flags of an image or video (flag column -> 0/1), read after organizing. */
    public java.util.Map<String, Object> flags(MediaType type, String sha) {
        return jdbc.queryForMap("SELECT * FROM " + type.table() + " WHERE " + type.prefix() + "_sha256 = ?", sha);
    }

    /** Records that the file now lives in the archive under this name ({@link MediaState#ARCHIVED}). */
    public void archived(MediaKey key, String name, String loc, String now) {
        String p = key.type().prefix();
        jdbc.update("UPDATE " + key.type().table() + " SET " + p + "_name = ?, " + p + "_loc = ?, " + p + "_archived = ?, "
                + p + "_update = ? WHERE " + p + "_sha256 = ?", name, loc, now, now, key.sha256());
    }

    /** Records a passed check of the archive copy ({@link MediaState#VERIFIED}). */
    public void verified(MediaKey key, String now) {
        String p = key.type().prefix();
        jdbc.update("UPDATE " + key.type().table() + " SET " + p + "_verified = ? WHERE " + p + "_sha256 = ?", now,
                key.sha256());
    }

    /** A file that failed its check is archived but no longer verified, so the next run checks it again. */
    public void verificationFailed(MediaKey key) {
        String p = key.type().prefix();
        jdbc.update("UPDATE " + key.type().table() + " SET " + p + "_verified = NULL WHERE " + p + "_sha256 = ?",
                key.sha256());
    }

    /** The step a row has reached, derived as where() defines each state; empty when there is no such row. */
    public Optional<MediaState> state(MediaKey key) {
        MediaType type = key.type();
        return jdbc.queryForList("SELECT " + stateSql(type) + " FROM " + type.table() + " WHERE " + type.prefix()
                + "_sha256 = ?", String.class, key.sha256()).stream().findFirst().map(MediaState::valueOf);
    }

    /** A media row with its verification time (null when never verified), for db_verify. */
    public record Checked(MediaFile file, String verified) {
    }

    /**
     * Archived rows not verified yet (of one location, or all when null) after a rowid, in rowid order:
     * db_verify's default.
     */
    public List<MediaFile> unverified(MediaType type, String location, long afterRowid, int limit) {
        return selectOf(type, where(type, MediaState.ARCHIVED) + " AND rowid > ?", location, afterRowid, limit);
    }

    /** Every archived row, verified or not (of one location, or all when null) after a rowid: db_verify --all. */
    public List<MediaFile> all(MediaType type, String location, long afterRowid, int limit) {
        return selectOf(type, inArchive(type) + " AND rowid > ?", location, afterRowid, limit);
    }

    /**
     * Rows verified before {@code before}, oldest verification first, after the key (afterVerified, afterRowid);
     * start with afterVerified "" . Walks the index on the verified column (db_verify --sample).
     */
    public List<Checked> verifiedBefore(MediaType type, String location, String before, String afterVerified,
                                        long afterRowid, int limit) {
        String v = type.prefix() + "_verified";
        String where = v + " IS NOT NULL AND " + v + " < ? AND (" + v + " > ? OR (" + v + " = ? AND rowid > ?))"
                + (location == null ? "" : " AND loc_uuid = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(before, afterVerified, afterVerified, afterRowid));
        if (location != null) {
            args.add(location);
        }
        args.add(limit);
        return jdbc.query(checkedSql(type, where) + " ORDER BY " + v + ", rowid LIMIT ?", (rs, i) -> checked(type, rs),
                args.toArray());
    }

    /** Rows whose SHA-256 starts with this hex prefix, through the sha index (a staging file's name holds the prefix). */
    public List<Checked> byShaPrefix(MediaType type, String shaPrefix) {
        String sha = type.prefix() + "_sha256";
        // Every hex digit sorts before 'g', so [prefix, prefix + "g") is exactly the shas with that prefix.
        return jdbc.query(checkedSql(type, sha + " >= ? AND " + sha + " < ?") + " LIMIT 100", (rs, i) -> checked(type, rs),
                shaPrefix, shaPrefix + "g");
    }

    /** Rows in this state (of one location, or all when null). */
    public long count(MediaType type, String location, MediaState state) {
        String where = where(type, state) + (location == null ? "" : " AND loc_uuid = ?");
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + type.table() + " WHERE " + where, Long.class,
                location == null ? new Object[0] : new Object[] {location});
        return n == null ? 0 : n;
    }

    /**
     * The one definition of each {@link MediaState} over a table's columns: db_organize sets {@code original},
     * db_ingest {@code *_archived}, db_verify {@code *_verified}. Documents are never organised, so a staged
     * document is ready for the archive at once.
     */
    private static String where(MediaType type, MediaState state) {
        String p = type.prefix();
        boolean document = type == MediaType.DOCUMENT;
        return switch (state) {
            case STAGED -> document ? "1 = 0" : "original IS NULL AND " + p + "_archived IS NULL";
            case ORGANIZED -> (document ? "" : "original = 1 AND ") + p + "_archived IS NULL";
            case ARCHIVED -> inArchive(type) + " AND " + p + "_verified IS NULL";
            case VERIFIED -> inArchive(type) + " AND " + p + "_verified IS NOT NULL";
        };
    }

    /** Archived or verified: db_ingest has placed the file in the archive. */
    private static String inArchive(MediaType type) {
        return type.prefix() + "_archived IS NOT NULL";
    }

    private List<MediaFile> selectOf(MediaType type, String where, String location, long afterRowid, int limit) {
        if (location == null) {
            return select(type, where, afterRowid, limit);
        }
        return jdbc.query(selectSql(type, where + " AND loc_uuid = ?") + " ORDER BY rowid LIMIT ?",
                (rs, i) -> map(type, rs), afterRowid, location, limit);
    }

    private static String checkedSql(MediaType type, String where) {
        return selectSql(type, where).replace(" FROM ", ", " + type.prefix() + "_verified FROM ");
    }

    private static Checked checked(MediaType type, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Checked(map(type, rs), rs.getString(type.prefix() + "_verified"));
    }

    private List<MediaFile> select(MediaType type, String where, long afterRowid, int limit) {
        return jdbc.query(selectSql(type, where) + " ORDER BY rowid LIMIT ?", (rs, i) -> map(type, rs), afterRowid, limit);
    }

    private static String selectSql(MediaType type, String where) {
        String p = type.prefix();
        return "SELECT rowid, " + p + "_sha256, " + p + "_name, " + p + "_loc, loc_uuid, sub_uuid, " + p + "_loco, "
                + p + "_nameo, " + (type == MediaType.IMAGE ? "film" : "NULL") + ", " + flagExpression(type) + ", "
                + (type == MediaType.DOCUMENT ? "doc_ext" : "NULL") + " FROM " + type.table() + " WHERE " + where;
    }

    /**
     * The one hardware flag set to 1, read in the order of {@link MediaType#flagColumns()}; an organised row
     * with none set counts as other. Documents have none.
     */
    private static String flagExpression(MediaType type) {
        if (type.flagColumns().isEmpty()) {
            return "NULL";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (String flag : type.flagColumns()) {
            if (!flag.equals("other")) {
                sql.append(" WHEN ").append(flag).append(" = 1 THEN '").append(flag).append("'");
            }
        }
        return sql.append(" WHEN original = 1 THEN 'other' END").toString();
    }

    private static MediaFile map(MediaType type, java.sql.ResultSet rs) throws java.sql.SQLException {
        Object film = rs.getObject(9);
        return new MediaFile(type, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), film == null ? null : ((Number) film).intValue(),
                rs.getString(10), rs.getString(11));
    }
    /** Rows whose original file name is exactly this (of one location, or all when null), in rowid order. */
    public List<MediaFile> byOriginalName(MediaType type, String originalName, String location) {
        String where = type.prefix() + "_nameo = ?" + (location == null ? "" : " AND loc_uuid = ?");
        Object[] args = location == null ? new Object[] {originalName} : new Object[] {originalName, location};
        return jdbc.query(selectSql(type, where) + " ORDER BY rowid LIMIT 100", (rs, i) -> map(type, rs), args);
    }

    /** Every row of a location, whatever its state, after a rowid, in rowid order (move and merge). */
    public List<MediaFile> ofLocation(MediaType type, String location, long afterRowid, int limit) {
        return selectOf(type, "1 = 1 AND rowid > ?", location, afterRowid, limit);
    }

    /** Whether the row is in the archive (archived or verified), not in staging any more. */
    public boolean inArchive(MediaKey key) {
        Optional<MediaState> state = state(key);
        return state.isPresent() && (state.get() == MediaState.ARCHIVED || state.get() == MediaState.VERIFIED);
    }

    /** Records that the archived file now belongs to another location or sub-location, under this name and path. */
    public void moved(MediaKey key, String name, String loc, String locationUuid, String subUuid, String now) {
        String p = key.type().prefix();
        jdbc.update("UPDATE " + key.type().table() + " SET " + p + "_name = ?, " + p + "_loc = ?, loc_uuid = ?, sub_uuid = ?, "
                + p + "_update = ? WHERE " + p + "_sha256 = ?", name, loc, locationUuid, subUuid, now, key.sha256());
    }

    /**
     * Verified rows (archived, their bytes proven by db_verify) after a rowid whose bytes the replica is not
     * recorded to hold at their archive path ({@code replica_copies}), in rowid order: what replicate sends.
     * {@code archiveRoot}: the archive folder, which every archived row's path starts with.
     */
    public List<MediaFile> verifiedMissingFrom(MediaType type, String replica, String archiveRoot, long afterRowid,
                                               int limit) {
        String p = type.prefix();
        String where = where(type, MediaState.VERIFIED) + " AND rowid > ? AND NOT EXISTS (SELECT 1 FROM replica_copies r"
                + " WHERE r.replica = ? AND r.path = substr(" + p + "_loc, ?) AND r.sha256 = " + p + "_sha256)";
        return jdbc.query(selectSql(type, where) + " ORDER BY rowid LIMIT ?", (rs, i) -> map(type, rs), afterRowid,
                replica, archiveRoot.codePointCount(0, archiveRoot.length()) + 2, limit);
    }

    /** Every archived row after a rowid, in rowid order, whatever its location: what a restore puts back. */
    public List<MediaFile> archived(MediaType type, long afterRowid, int limit) {
        return select(type, inArchive(type) + " AND rowid > ?", afterRowid, limit);
    }

    /** How many rows {@link #verifiedMissingFrom} would give in all (the progress total of replicate). */
    public long countVerifiedMissingFrom(MediaType type, String replica, String archiveRoot) {
        String p = type.prefix();
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + type.table() + " WHERE " + where(type, MediaState.VERIFIED)
                + " AND NOT EXISTS (SELECT 1 FROM replica_copies r WHERE r.replica = ? AND r.path = substr(" + p
                + "_loc, ?) AND r.sha256 = " + p + "_sha256)", Long.class, replica, archiveRoot.codePointCount(0, archiveRoot.length()) + 2);
        return n == null ? 0 : n;
    }

    /** Keeps exiftool's JSON of a video's same-stem thumbnail (.THM) read at import for db_organize. */
    public void setVideoThumbnailExif(String sha, String exiftoolJson) {
        jdbc.update("UPDATE videos SET vid_thumbnail_exif = ? WHERE vid_sha256 = ?", exiftoolJson, sha);
    }

    /** The thumbnail JSON kept for each of these videos that has one, by SHA-256. */
    public java.util.Map<String, String> videoThumbnailExif(List<String> shas) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (int from = 0; from < shas.size(); from += 500) {
            List<String> part = shas.subList(from, Math.min(shas.size(), from + 500));
            jdbc.query("SELECT vid_sha256, vid_thumbnail_exif FROM videos WHERE vid_thumbnail_exif IS NOT NULL AND vid_sha256 IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")",
                    rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    }, part.toArray());
        }
        return out;
    }

    /**
     * An SQL expression giving a row's {@link MediaState} name as where() defines each state, over the table's
     * unqualified columns (for the read-only listings that join other tables).
     */
    public static String stateSql(MediaType type) {
        StringBuilder state = new StringBuilder("CASE");
        for (MediaState s : MediaState.values()) {
            state.append(" WHEN ").append(where(type, s)).append(" THEN '").append(s.name()).append('\'');
        }
        return state.append(" END").toString();
    }

    /** The photo a sidecar document is archived beside: its name and hardware flag. */
    public record SidecarPhoto(String sha, String name, String flag) {
    }

    /**
     * The first photo of this location that the document is linked to ({@code docs_img}, in link order) and
     * that db_organize has sorted; empty when there is none.
     */
    public Optional<SidecarPhoto> sidecarPhoto(String documentSha) {
        return jdbc.query("SELECT img_sha256, img_name, " + flagExpression(MediaType.IMAGE) + " FROM images WHERE original = 1"
                + " AND img_sha256 = (SELECT j.value FROM documents d, " + dialect.jsonArrayElements("d.docs_img", "j") + " WHERE d.doc_sha256 = ?"
                + " AND j.value IN (SELECT img_sha256 FROM images WHERE loc_uuid = d.loc_uuid AND original = 1)"
                + " ORDER BY j.key LIMIT 1)",
                (rs, n) -> new SidecarPhoto(rs.getString(1), rs.getString(2), rs.getString(3)), documentSha)
                .stream().findFirst();
    }

    /** Whether another document than {@code sha} is recorded at this archive path. */
    public boolean documentElsewhereAt(String path, String sha) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM documents WHERE doc_loc = ? AND doc_sha256 <> ?",
                Integer.class, path, sha);
        return n != null && n > 0;
    }

    /** The locations that have rows in this state (for organize: those whose relationships may still be unlinked). */
    public List<String> locationsIn(MediaType type, MediaState state) {
        return jdbc.queryForList("SELECT DISTINCT loc_uuid FROM " + type.table() + " WHERE " + where(type, state), String.class);
    }
}
