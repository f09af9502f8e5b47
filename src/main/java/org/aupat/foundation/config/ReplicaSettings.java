package org.aupat.foundation.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.aupat.foundation.error.ConfigurationError;

/**
 * The checks of the {@code aupat.replicas.*} settings: a name of lower-case letters, digits and '-'; a folder
 * or a bucket, never both; a folder replica outside the database's, staging's, the archive's and the
 * backups' folders (and none of them inside it), and apart from every other folder replica.
 */
final class ReplicaSettings {
    private ReplicaSettings() {
    }

    static SortedMap<String, ReplicaTarget> checked(Map<String, ReplicaTarget> given, Path database, Path staging,
            Path archive, Path backups) {
        SortedMap<String, ReplicaTarget> replicas = new TreeMap<>();
        if (given == null) {
            return Collections.unmodifiableSortedMap(replicas);
        }
        for (Map.Entry<String, ReplicaTarget> e : given.entrySet()) {
            String name = e.getKey();
            String key = "aupat.replicas." + name;
            if (!name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw new ConfigurationError(key + ": a replica's name is 1-32 lower-case letters, digits and '-'"
                        + " (for example aupat.replicas.nas.path=/mnt/nas/aupat).");
            }
            ReplicaTarget t = e.getValue() == null ? new ReplicaTarget(null, null) : e.getValue();
            if (t.path() != null && t.s3() != null) {
                throw new ConfigurationError(key + " has both a path and s3 settings: a replica is a folder or a"
                        + " bucket; give it one of them.");
            }
            if (t.path() == null && (t.s3() == null || t.s3().bucket() == null || t.s3().bucket().isBlank())) {
                throw new ConfigurationError(key + " names no folder and no bucket: set " + key + ".path=/mnt/disk/aupat"
                        + " or " + key + ".s3.bucket=NAME.");
            }
            if (t.path() != null) {
                Path root = t.path().toAbsolutePath().normalize();
                apart(key + ".path", root, "aupat.staging", staging);
                apart(key + ".path", root, "aupat.archive", archive);
                apart(key + ".path", root, "aupat.backups", backups);
                if (database.startsWith(root)) {
                    throw new ConfigurationError(key + ".path (" + root + ") holds the database " + database
                            + ": a replica is a separate copy; give it a folder of its own.");
                }
                for (Map.Entry<String, ReplicaTarget> other : replicas.entrySet()) {
                    if (other.getValue().isFolder()) {
                        apart(key + ".path", root, "aupat.replicas." + other.getKey() + ".path", other.getValue().path());
                    }
                }
                t = new ReplicaTarget(root, null);
            }
            replicas.put(name, t);
        }
        return Collections.unmodifiableSortedMap(replicas);
    }

    private static void apart(String keyA, Path a, String keyB, Path b) {
        if (a.startsWith(b) || b.startsWith(a)) {
            throw new ConfigurationError(keyA + " (" + a + ") and " + keyB + " (" + b + ") must be separate folders,"
                    + " neither inside the other: a replica is a second copy, on another disk if it can be.");
        }
    }
}
