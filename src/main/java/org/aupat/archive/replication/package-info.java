/**
 * Replicas: second copies of the archive on a folder (a second disk, a NAS) or an S3-compatible bucket, in
 * the archive's own layout; {@code replicate} sends what a replica lacks, db_verify re-checks replica copies
 * and repairs a damaged archive file from one, {@code recover} rebuilds an empty home from one.
 */
package org.aupat.archive.replication;
