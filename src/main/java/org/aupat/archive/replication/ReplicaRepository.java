package org.aupat.archive.replication;

import java.util.List;
import java.util.Optional;
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
