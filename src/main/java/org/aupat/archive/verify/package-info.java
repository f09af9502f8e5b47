/**
 * db_verify: re-hashes archive copies against the recorded SHA-256 and, per location and only when all
 * of its checks passed, removes the staging copies of verified rows. Nothing else in staging is touched.
 */
package org.aupat.archive.verify;
