package org.aupat.archive.replication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code replica_copies}: per replica and path, the bytes it holds and when they were proven. */
@Repository
public class ReplicaRepository {
    /** What a replica holds at one path. */
    record Copy(String replica, String path, String kind, String sha256, long size, String verified) {
    }

    /** A location's archive folder (loc_loc), where its master JSON lies. */
    record LocationFolder(String uuid, String folder) {
    }

    /** One media table's rows by state, and how many verified ones the replica is not recorded to hold. */
    record Pending(Map<MediaState, Long> byState, long missing) {
        long in(MediaState state) {
            return byState.getOrDefault(state, 0L);
        }
    }

    private final JdbcTemplate jdbc;

    public ReplicaRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a proven copy (a new one, or one replaced: same path). */
    void record(Copy copy, String now) {
        jdbc.update("INSERT INTO replica_copies (replica, path, kind, sha256, size, copied, verified) VALUES (?,?,?,?,?,?,?)"
                + " ON CONFLICT (replica, path) DO UPDATE SET kind = excluded.kind, sha256 = excluded.sha256,"
                + " size = excluded.size, copied = excluded.copied, verified = excluded.verified",
                copy.replica(), copy.path(), copy.kind(), copy.sha256(), copy.size(), now, now);
    }

    /** A copy read back just now and found to hold the recorded bytes. */
    void verified(String replica, String path, String now) {
        jdbc.update("UPDATE replica_copies SET verified = ? WHERE replica = ? AND path = ?", now, replica, path);
    }

    /** A copy found missing or changed: forgotten, so that the next replicate sends it again. */
    void forget(String replica, String path) {
        jdbc.update("DELETE FROM replica_copies WHERE replica = ? AND path = ?", replica, path);
    }

    Optional<Copy> find(String replica, String path) {
        return jdbc.query("SELECT replica, path, kind, sha256, size, verified FROM replica_copies WHERE replica = ?"
                + " AND path = ?", (rs, i) -> copy(rs), replica, path).stream().findFirst();
    }

    /** Whether the replica is recorded to hold these bytes at this path. */
    boolean holds(String replica, String path, String sha256) {
        return find(replica, path).filter(c -> c.sha256().equals(sha256)).isPresent();
    }

    /** The copies of a replica after a path, in path order (db_verify --replica --all). */
    List<Copy> copies(String replica, String afterPath, int limit) {
        return jdbc.query("SELECT replica, path, kind, sha256, size, verified FROM replica_copies WHERE replica = ?"
                + " AND path > ? ORDER BY path LIMIT ?", (rs, i) -> copy(rs), replica, afterPath, limit);
    }

    /** The copies proven longest ago first, after the key (afterVerified, afterPath); start with "" and "". */
    List<Copy> oldestVerified(String replica, String before, String afterVerified, String afterPath, int limit) {
        return jdbc.query("SELECT replica, path, kind, sha256, size, verified FROM replica_copies WHERE replica = ?"
                + " AND verified < ? AND (verified > ? OR (verified = ? AND path > ?)) ORDER BY verified, path LIMIT ?",
                (rs, i) -> copy(rs), replica, before, afterVerified, afterVerified, afterPath, limit);
    }

    long count(String replica) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM replica_copies WHERE replica = ?", Long.class, replica);
        return n == null ? 0 : n;
    }

    /**
     * One scan of a media table: its rows counted by state, and the verified ones the replica lacks (no copy
     * recorded at the file's archive-relative path with its SHA-256). A replicate with nothing new asks only
     * this, one query per table, and reads no row or file further.
     */
    Pending pending(MediaType type, String replica, String archiveRoot) {
        String p = type.prefix();
        String verified = MediaRepository.stateSql(type) + " = '" + MediaState.VERIFIED.name() + "'";
        int from = archiveRoot.codePointCount(0, archiveRoot.length()) + 2; // SQL counts characters
        Map<MediaState, Long> byState = new HashMap<>();
        long[] missing = {0};
        jdbc.query("SELECT state, count(*), sum(missing) FROM (SELECT " + MediaRepository.stateSql(type) + " AS state,"
                + " CASE WHEN " + verified + " AND NOT EXISTS (SELECT 1 FROM replica_copies r WHERE r.replica = ?"
                + " AND r.path = substr(" + p + "_loc, ?) AND r.sha256 = " + p + "_sha256) THEN 1 ELSE 0 END AS missing"
                + " FROM " + type.table() + ") rows_by_state GROUP BY state", rs -> {
                    String state = rs.getString(1);
                    if (state != null) {
                        byState.put(MediaState.valueOf(state), rs.getLong(2));
                    }
                    missing[0] += rs.getLong(3);
                }, replica, from);
        return new Pending(byState, missing[0]);
    }

    /** What a replica is recorded to hold at one path: the bytes' SHA-256 and size, and when they were sent. */
    record Held(String sha256, long size, String copied) {
    }

    /** What a replica is recorded to hold at each of these paths, by path (one query per 500 paths). */
    Map<String, Held> heldAt(String replica, List<String> paths) {
        Map<String, Held> held = new HashMap<>();
        for (int i = 0; i < paths.size(); i += 500) {
            List<String> part = paths.subList(i, Math.min(paths.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(replica);
            args.addAll(part);
            jdbc.query("SELECT path, sha256, size, copied FROM replica_copies WHERE replica = ? AND path IN ("
                    + String.join(",", Collections.nCopies(part.size(), "?")) + ")",
                    rs -> {
                        held.put(rs.getString(1), new Held(rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }, args.toArray());
        }
        return held;
    }

    /** Locations that have an archive folder, after a uuid, in uuid order. */
    List<LocationFolder> locationFolders(String afterUuid, int limit) {
        return jdbc.query("SELECT loc_uuid, loc_loc FROM locations WHERE loc_loc IS NOT NULL AND loc_uuid > ?"
                + " ORDER BY loc_uuid LIMIT ?", (rs, i) -> new LocationFolder(rs.getString(1), rs.getString(2)),
                afterUuid, limit);
    }

    private static Copy copy(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Copy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6));
    }
}
