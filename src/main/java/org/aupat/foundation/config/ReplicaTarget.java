package org.aupat.foundation.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * One named replica from the settings ({@code aupat.replicas.<name>.*}): a folder ({@code path}: a second
 * disk, a NAS mount) or an S3-compatible bucket ({@code s3.*}), never both. No credentials are ever
 * settings: S3 takes them from the standard AWS chain (environment, profile file, instance role).
 *
 * @param path a folder replica's root, made absolute
 * @param s3   an S3 replica's bucket and where to reach it
 */
public record ReplicaTarget(Path path, S3 s3) {

    /**
     * Where an S3 replica lives.
     *
     * @param bucket    the bucket (required)
     * @param endpoint  the service's address for S3-compatible services (MinIO, Garage, a NAS); empty for AWS
     * @param region    the region (AWS: where the bucket is; others: whatever they accept, us-east-1 by default)
     * @param prefix    a key prefix inside the bucket, so that one bucket can hold several archives
     * @param pathStyle whether to address the bucket as {@code endpoint/bucket} (most self-hosted services)
     */
    public record S3(String bucket, URI endpoint, String region, String prefix, Boolean pathStyle) {
        /** The key prefix ending in '/', or "" for the bucket's root. */
        public String keyPrefix() {
            if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
                return "";
            }
            String p = prefix.strip().replaceAll("^/+", "");
            return p.endsWith("/") ? p : p + "/";
        }

        public boolean usesPathStyle() {
            return Boolean.TRUE.equals(pathStyle);
        }

        /** The region to sign requests for. */
        public String regionOrDefault() {
            return region == null || region.isBlank() ? "us-east-1" : region.strip();
        }
    }

    /** Whether this replica is a folder (else an S3 bucket). */
    public boolean isFolder() {
        return path != null;
    }
}
