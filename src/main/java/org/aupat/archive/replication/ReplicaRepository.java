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

    /**
     * The SQL giving an archived row's number of verified copies: its archive copy when db_verify last found
     * it whole, and each copy one of these replicas is recorded to hold at its path with its SHA-256 (a copy is
     * recorded only once proven, and forgotten when found bad). {@code ?} is the offset of the replica path.
     */
    private static String copiesSql(MediaType type, List<String> replicas) {
        String p = type.prefix();
        String archive = "CASE WHEN " + MediaRepository.stateSql(type) + " = '" + MediaState.VERIFIED.name()
                + "' THEN 1 ELSE 0 END";
        if (replicas.isEmpty()) {
            return "(" + archive + ")";
        }
        return "(" + archive + " + (SELECT count(*) FROM replica_copies r WHERE r.replica IN ("
                + String.join(",", Collections.nCopies(replicas.size(), "?")) + ") AND r.path = substr(m." + p
                + "_loc, ?) AND r.sha256 = m." + p + "_sha256))";
    }

    private static String archivedSql(MediaType type, String location) {
        return "(" + MediaRepository.stateSql(type) + ") IN ('" + MediaState.ARCHIVED.name() + "', '"
                + MediaState.VERIFIED.name() + "')" + (location == null ? "" : " AND m.loc_uuid = ?");
    }

    private static Object[] args(List<String> replicas, String archiveRoot, String location, Object... more) {
        List<Object> args = new ArrayList<>(replicas);
        if (!replicas.isEmpty()) {
            args.add(archiveRoot.codePointCount(0, archiveRoot.length()) + 2);
        }
        if (location != null) {
            args.add(location);
        }
        args.addAll(List.of(more));
        return args.toArray();
    }

    /**
     * How many archived files (of one location, or all when null) there are, and how many of them have fewer
     * than {@code min} verified copies: one scan of the table.
     */
    long[] fewerCopies(MediaType type, List<String> replicas, String archiveRoot, String location, int min) {
        long[] counts = new long[2];
        jdbc.query("SELECT count(*), sum(CASE WHEN copies < ? THEN 1 ELSE 0 END) FROM (SELECT " + copiesSql(type, replicas)
                + " AS copies FROM " + type.table() + " m WHERE " + archivedSql(type, location) + ") t", rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                }, prepend(min, args(replicas, archiveRoot, location)));
        return counts;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** An archived file with its number of verified copies. */
    record Counted(String loc, String sha256, boolean archiveVerified, int copies) {
    }

    /** The first {@code limit} archived files with fewer than {@code min} verified copies, in path order. */
    List<Counted> withFewerCopies(MediaType type, List<String> replicas, String archiveRoot, String location, int min,
            int limit) {
        String p = type.prefix();
        return jdbc.query("SELECT loc, sha, verified, copies FROM (SELECT m." + p + "_loc AS loc, m." + p + "_sha256 AS sha, "
                + "CASE WHEN " + MediaRepository.stateSql(type) + " = '" + MediaState.VERIFIED.name() + "' THEN 1 ELSE 0"
                + " END AS verified, " + copiesSql(type, replicas) + " AS copies FROM " + type.table() + " m WHERE "
                + archivedSql(type, location) + ") t WHERE copies < ? ORDER BY loc LIMIT ?",
                (rs, i) -> new Counted(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4)),
                args(replicas, archiveRoot, location, min, limit));
    }

    /** Per place, how many of the archived files (of one location, or all) it holds a verified copy of. */
    Map<String, Long> copiesByPlace(MediaType type, List<String> replicas, String archiveRoot, String location) {
        String p = type.prefix();
        Map<String, Long> places = new HashMap<>();
        Long archived = jdbc.queryForObject("SELECT count(*) FROM " + type.table() + " m WHERE " + archivedSql(type, location)
                + " AND " + MediaRepository.stateSql(type) + " = '" + MediaState.VERIFIED.name() + "'", Long.class,
                location == null ? new Object[0] : new Object[] {location});
        places.put("", archived == null ? 0 : archived);
        if (!replicas.isEmpty()) {
            List<Object> args = new ArrayList<>(replicas);
            args.add(archiveRoot.codePointCount(0, archiveRoot.length()) + 2);
            if (location != null) {
                args.add(location);
            }
            jdbc.query("SELECT r.replica, count(*) FROM " + type.table() + " m JOIN replica_copies r ON r.replica IN ("
                    + String.join(",", Collections.nCopies(replicas.size(), "?")) + ") AND r.path = substr(m." + p
                    + "_loc, ?) AND r.sha256 = m." + p + "_sha256 WHERE " + archivedSql(type, location)
                    + " GROUP BY r.replica", rs -> {
                        places.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    }, args.toArray());
        }
        return places;
    }

    /** Which of these replicas hold a verified copy of these bytes (path -> SHA-256): path -> replica names. */
    Map<String, List<String>> holders(List<String> replicas, Map<String, String> shaByPath) {
        Map<String, List<String>> holders = new HashMap<>();
        if (replicas.isEmpty() || shaByPath.isEmpty()) {
            return holders;
        }
        List<Object> args = new ArrayList<>(replicas);
        args.addAll(shaByPath.keySet());
        jdbc.query("SELECT path, replica, sha256 FROM replica_copies WHERE replica IN (" + String.join(",",
                Collections.nCopies(replicas.size(), "?")) + ") AND path IN (" + String.join(",",
                Collections.nCopies(shaByPath.size(), "?")) + ") ORDER BY replica", rs -> {
                    if (rs.getString(3).equals(shaByPath.get(rs.getString(1)))) {
                        holders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }, args.toArray());
        return holders;
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
