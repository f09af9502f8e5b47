package org.aupat.archive.replication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.config.ReplicaTarget;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.hashing.FileHasher;
import org.springframework.stereotype.Component;

/** The replicas named in the settings, each made once per run: the one place a {@code --replica} name is resolved. */
@Component
public class Replicas {
    private final Map<String, ReplicaTarget> targets;
    private final FileHasher hasher;
    private final Map<String, Replica> made = new LinkedHashMap<>();

    public Replicas(AupatProperties properties, FileHasher hasher) {
        this.targets = properties.replicas();
        this.hasher = hasher;
    }

    /** The replica of this name; an unknown name is a usage error that lists the configured ones. */
    public synchronized Replica byName(String name) {
        ReplicaTarget target = targets.get(name);
        if (target == null) {
            throw new ValidationError("replica", name, targets.isEmpty()
                    ? "is not configured, and no replica is: add one to the settings, for example"
                    + " --aupat.replicas.nas.path=/mnt/nas/aupat (see the README, Replicas and restore)"
                    : "is not configured; the replicas are: " + String.join(", ", targets.keySet()));
        }
        return made.computeIfAbsent(name, n -> target.isFolder() ? new FolderReplica(n, target.path(), hasher)
                : new S3Replica(n, target.s3(), hasher));
    }

    /** The replica named, or every configured one when {@code name} is null. */
    public List<Replica> selected(String name) {
        if (name != null) {
            return List.of(byName(name));
        }
        List<Replica> all = new ArrayList<>();
        targets.keySet().forEach(n -> all.add(byName(n)));
        return all;
    }

    /** The names of the configured replicas, without reaching any. */
    public List<String> names() {
        return List.copyOf(targets.keySet());
    }

    /** Every configured replica, in name order. */
    public List<Replica> all() {
        return selected(null);
    }
}
